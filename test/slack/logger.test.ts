// LOG_FORMAT=json: one JSON object per line, redacted exactly like the text format.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createRedactingLogger } from "../../src/slack/logger.js";
import { startFakeSlackApi } from "../support/fake-slack-api.js";
import { spawnMain } from "../support/spawn-main.js";

const BOT = "xoxb-1111-2222-jsonlogtoken";
const SIGNING = "8f742231b10e8888abcd99yyyzzz85a5";

describe("LOG_FORMAT=json", () => {
  it("writes one object per entry, even for a multi-line error, with secrets masked", () => {
    const lines: string[] = [];
    const logger = createRedactingLogger({ level: "info", format: "json", secrets: [BOT], write: (line) => lines.push(line) });
    const error = new Error(`first line\nsecond line with ${BOT} and xoxp-9999-other`);
    logger.error("Could not start:", error);
    logger.info("plain");
    logger.debug("below the level");
    expect(lines).toHaveLength(2);
    const [first, second] = lines.map((line) => JSON.parse(line) as Record<string, string>);
    expect(lines.every((line) => !line.includes("\n"))).toBe(true);
    expect(first).toMatchObject({ level: "error", name: "zpa-codes" });
    expect(first!.msg).toContain("second line with [redacted] and xoxp-[redacted]");
    expect(Date.parse(first!.time!)).not.toBeNaN();
    expect(second).toMatchObject({ level: "info", msg: "plain" });
    expect(lines.join("")).not.toContain("jsonlogtoken");
  });

  it("is read from the environment, and a value it does not know names LOG_FORMAT", () => {
    expect(loadConfig({ LOG_FORMAT: "JSON" }).logFormat).toBe("json");
    expect(loadConfig({}).logFormat).toBe("text");
    expect(() => loadConfig({ LOG_FORMAT: "xml" })).toThrow(/^LOG_FORMAT must be one of text, json$/);
  });

  it("the running bot logs only JSON lines from start to SIGTERM", async () => {
    const api = await startFakeSlackApi();
    const main = spawnMain({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, SLACK_API_URL: api.apiUrl, PORT: "0", HOST: "127.0.0.1", LOG_FORMAT: "json" });
    try {
      const [, port] = await main.waitForOutput(/listening on port (\d+)/);
      // Once /healthz answers, start-up has finished and the SIGTERM handler is in place.
      expect((await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(5_000) })).status).toBe(200);
      main.child.kill("SIGTERM");
      expect((await main.exited()).code).toBe(0);
      const lines = main.stderr().trim().split("\n");
      expect(lines.length).toBeGreaterThanOrEqual(3);
      for (const line of lines) expect(Object.keys(JSON.parse(line) as object)).toEqual(["time", "level", "name", "msg"]);
      expect(main.output()).not.toContain("jsonlogtoken");
    } finally {
      main.child.kill("SIGKILL");
      await api.close();
    }
  });
});
