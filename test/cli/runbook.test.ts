// zpa-code with a runbook: lookup's "Your team" and --json "runbook", `runbook check` and `runbook export`.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { DAY_MS } from "../../src/state/buckets.js";
import { connectRedisStore } from "../../src/state/redis-store.js";
import { startRedisServer } from "../support/redis-server.js";
import { REDIS_SERVER, describeIfInstalled } from "../support/system-binaries.js";
import { newKeyPrefix } from "../support/state.js";
import { runCli } from "../../src/cli/run.js";
import { loadCatalog } from "../../src/catalog/load.js";
import { codeLookup } from "../../src/runbook/open.js";
import { parseRunbook } from "../../src/runbook/parse.js";
import { createSearch } from "../../src/search/index.js";

const fixtures = fileURLToPath(new URL("../fixtures/runbook/", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "zpa-cli-runbook-"));
copyFileSync(join(fixtures, "valid.yml"), join(dir, "runbook.yml"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], env: Record<string, string> = {}, cwd = dir) {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
  let stdout = "";
  let stderr = "";
  io.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  io.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  io.stdin.end("");
  const code = await runCli(args, io, { env, cwd });
  return { code, stdout, stderr };
}

describe("zpa-code lookup with a runbook", () => {
  it("prints the team's notes after Zscaler's steps, most specific first", async () => {
    const run = await cli(["lookup", "AST_MT_SETUP_TIMEOUT_CANNOT_CONN_TO_BROKER"]);
    expect(run.code).toBe(0);
    const team = run.stdout.indexOf("Your team (your organisation's own notes, not Zscaler's):");
    expect(team).toBeGreaterThan(run.stdout.indexOf("What to do:"));
    const rest = run.stdout.slice(team);
    expect(rest.indexOf("Check connector group *DC-East*")).toBeLessThan(rest.indexOf("VMware cluster"));
    expect(rest).toContain("- KB 4711: connector health: https://kb.example.com/4711");
  });

  it("adds 'runbook' to --json, most specific first, and an empty list without notes", async () => {
    const run = await cli(["lookup", "--json", "AST_MT_SETUP_TIMEOUT_CANNOT_CONN_TO_BROKER"]);
    const json = JSON.parse(run.stdout) as { runbook: Array<{ appliesTo: string; from: string; owner?: string }> };
    expect(json.runbook.map((n) => n.appliesTo)).toEqual([
      "codes BRK_MT_SETUP_TIMEOUT, AST_MT_SETUP_TIMEOUT_CANNOT_CONN_TO_BROKER",
      "component AC",
    ]);
    expect(json.runbook[0]).toMatchObject({ from: "file", owner: "Network team" });
    const none = JSON.parse((await cli(["lookup", "--json", "BRK_MT_SETUP_TIMEOUT"], {}, tmpdir())).stdout) as { runbook: unknown[] };
    expect(none.runbook).toEqual([]);
  });

  it("stops with exit 78 naming the field when RUNBOOK_FILE is invalid", async () => {
    const run = await cli(["lookup", "BRK_MT_SETUP_TIMEOUT"], { RUNBOOK_FILE: join(fixtures, "unknown-code.yml") });
    expect(run.code).toBe(78);
    expect(run.stderr).toContain('field codes[1]: unknown ZPA code "BRK_MT_SETUP_TIMOUT"');
  });
});

describe("zpa-code runbook", () => {
  it("check says the file is valid, or names the entry and field", async () => {
    expect((await cli(["runbook", "check"])).stdout).toBe("runbook.yml: 3 notes, valid\n");
    const bad = await cli(["runbook", "check"], { RUNBOOK_FILE: join(fixtures, "unknown-code.yml") });
    expect(bad.code).toBe(78);
    expect(bad.stderr).toContain("entry 2 (notes[1]), field codes[1]");
  });

  it("export without REDIS_URL prints the file's notes as YAML that reads back the same, and says why", async () => {
    const run = await cli(["runbook", "export"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("REDIS_URL is not set");
    const lookup = codeLookup(createSearch(loadCatalog()));
    const exported = parseRunbook(run.stdout, "exported.yml", lookup);
    const original = parseRunbook((await import("node:fs")).readFileSync(join(dir, "runbook.yml"), "utf8"), "runbook.yml", lookup);
    expect(exported.notes.map(({ scope, text, links, owner }) => ({ scope, text, links, owner }))).toEqual(
      original.notes.map(({ scope, text, links, owner }) => ({ scope, text, links, owner })),
    );
  });
});

describeIfInstalled(REDIS_SERVER)("zpa-code runbook with a real redis-server", () => {
    it("export with REDIS_URL merges the notes edited in Slack: the round trip reads back the edit and the file's other notes", async () => {
      const redis = await startRedisServer();
      const prefix = newKeyPrefix();
      try {
        const store = await connectRedisStore({ url: redis.url, keyPrefix: prefix, retentionMs: 30 * DAY_MS, recentWindowMs: 60_000 });
        await store.saveEditedNote("BRK_MT_SETUP_TIMEOUT", { text: "Edited: page <!subteam^S0NET>.", links: [], editedBy: "U0EDITOR", editedAtMs: Date.UTC(2026, 10, 30, 11, 0) });
        await store.close();
        const run = await cli(["runbook", "export"], { REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix });
        expect(run.code).toBe(0);
        expect(run.stderr).toBe("");
        expect(run.stdout).toContain("# Edited in Slack by U0EDITOR at 2026-11-30T11:00:00.000Z");
        const lookup = codeLookup(createSearch(loadCatalog()));
        const back = parseRunbook(run.stdout, "exported.yml", lookup);
        const texts = back.notes.map((n) => n.text);
        expect(texts).toContain("Edited: page <!subteam^S0NET>.");
        expect(texts).toContain("App Connector hosts are in the VMware cluster `zpa-ac`.");
        // The file's set note keeps its other code, without the edited one.
        const set = back.notes.find((n) => n.text.startsWith("Check connector group"))!;
        expect(set.scope).toEqual({ kind: "codes", codes: ["AST_MT_SETUP_TIMEOUT_CANNOT_CONN_TO_BROKER"] });
      } finally {
        await redis.stop();
      }
    });
});
