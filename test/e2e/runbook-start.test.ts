// `npm start` with a bad runbook file: one line naming RUNBOOK_FILE, the file, the entry and the field, exit 78.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { spawnMain } from "../support/spawn-main.js";

const BAD = fileURLToPath(new URL("../fixtures/runbook/unknown-code.yml", import.meta.url));
const FIELD = 'RUNBOOK_FILE is invalid: unknown-code.yml: entry 2 (notes[1]), field codes[1]: unknown ZPA code "BRK_MT_SETUP_TIMOUT"';

describe("a bad runbook file at start", () => {
  it.concurrent.each([
    ["the Slack bot", { SLACK_BOT_TOKEN: "xoxb-9999-8888-SPAWNEDbotTOKEN", SLACK_SIGNING_SECRET: "5pawnedSigningSecret0123456789ab" }],
    ["the local preview", { PORT: "0" }],
  ])("stops %s with exit code 78 and the named field", async (_what, env) => {
    const main = spawnMain({ ...env, RUNBOOK_FILE: BAD });
    const { code } = await main.exited();
    expect(code).toBe(78);
    expect(main.stderr().trim()).toBe(`Configuration error: ${FIELD}`);
  });

  it("stops on a malformed RUNBOOK_EDITORS the same way", async () => {
    const main = spawnMain({ SLACK_BOT_TOKEN: "xoxb-9999-8888-SPAWNEDbotTOKEN", SLACK_SIGNING_SECRET: "5pawnedSigningSecret0123456789ab", RUNBOOK_EDITORS: "alice" });
    const { code } = await main.exited();
    expect(code).toBe(78);
    expect(main.stderr()).toMatch(/^Configuration error: RUNBOOK_EDITORS must be comma-separated user IDs/);
  });
});
