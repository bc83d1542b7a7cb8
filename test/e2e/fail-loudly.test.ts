// The real entry point refuses to half-start: a missing secret in production, a Slack it cannot reach or a token
// with whitespace inside each stop it with one line and a sysexits code (a bad REDIS_URL: replicas-main.test.ts).
import { describe, expect, it } from "vitest";
import { startFakeSlackApi } from "../support/fake-slack-api.js";
import { freePort } from "../support/redis-server.js";
import { spawnMain, type MainProcess } from "../support/spawn-main.js";

const BOT = "xoxb-6666-7777-LOUDbotTOKEN";
const APP = "xapp-1-A0LOUD-8888-LOUDappTOKEN";
const SIGNING = "l0udSigningSecret0123456789abcde";
const HTTP_MODE = { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, PORT: "0" };
/** Short, so the bounded retries end soon; the test waits for the exit, never for a time. */
const FAST = { SLACK_API_TIMEOUT_MS: "200" };


const LOG_LINE = /^\d{4}-\d\d-\d\dT[\d:.]+Z (DEBUG|INFO|WARN|ERROR) \[zpa-codes\] /;

/**
 * Waits for the exit; the verdict is one line and nothing else that is not a log entry (no stack trace).
 * Log entries before it (a warning per failed attempt) are allowed.
 */
async function oneLineExit(main: MainProcess): Promise<{ code: number | null; line: string }> {
  const { code } = await main.exited();
  const lines = main.output().trim().split("\n");
  const verdicts = lines.filter((line) => !LOG_LINE.test(line));
  expect(verdicts, main.output()).toHaveLength(1);
  expect(lines.at(-1)).toBe(verdicts[0]);
  for (const secret of [BOT, APP, SIGNING, "LOUD"]) expect(main.output()).not.toContain(secret);
  return { code, line: verdicts[0]! };
}

describe("npm start refuses to half-start", () => {
  it("NODE_ENV=production without Slack variables: exit 78 naming SLACK_BOT_TOKEN, and no preview is served", async () => {
    const main = spawnMain({ NODE_ENV: "production", PORT: "0" });
    const { code, line } = await oneLineExit(main);
    expect(code).toBe(78);
    expect(line).toMatch(/^Configuration error: SLACK_BOT_TOKEN is missing/);
  });

  it("a bot token with a newline inside: exit 78 naming it, without echoing any part of it", async () => {
    const main = spawnMain({ ...HTTP_MODE, SLACK_BOT_TOKEN: "xoxb-6666-LOUDfirst\nLOUDsecondhalf" });
    const { code, line } = await oneLineExit(main);
    expect(code).toBe(78);
    expect(line).toMatch(/^Configuration error: SLACK_BOT_TOKEN must be a bot token/);
    expect(main.output()).not.toContain("secondhalf");
  });

  it("Slack not answering at all (nothing listens at SLACK_API_URL): bounded retries, then exit 69 with one line", async () => {
    const dead = `http://127.0.0.1:${await freePort()}/api/`;
    const main = spawnMain({ ...HTTP_MODE, ...FAST, SLACK_API_URL: dead });
    const { code, line } = await oneLineExit(main);
    expect(code).toBe(69);
    expect(line).toMatch(/^Cannot start: Slack is unreachable \(ECONNREFUSED\); check the network and SLACK_API_URL$/);
  });

  it.concurrent("auth.test hanging: each attempt times out, then exit 69 with one line", async () => {
    const hung = await startFakeSlackApi();
    hung.holdAnswers("auth.test", 600_000);
    try {
      const main = spawnMain({ ...HTTP_MODE, ...FAST, SLACK_API_URL: hung.apiUrl });
      const { code, line } = await oneLineExit(main);
      expect(code).toBe(69);
      expect(line).toMatch(/^Cannot start: Slack is unreachable \(no answer within SLACK_API_TIMEOUT_MS\)/);
      expect(hung.callsTo("auth.test").length).toBeGreaterThan(1);
    } finally {
      await hung.close();
    }
  });

  it.concurrent("Socket Mode with the WebSocket URL unreachable: exit 69 with one line", async () => {
    const socketless = await startFakeSlackApi();
    socketless.setSocketModeUrl(`ws://127.0.0.1:${await freePort()}/link`);
    try {
      const main = spawnMain({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, PORT: "0", ...FAST, SLACK_API_URL: socketless.apiUrl });
      const { code, line } = await oneLineExit(main);
      expect(code).toBe(69);
      expect(line).toMatch(/^Cannot start: Slack is unreachable \(.+\); check the network and SLACK_API_URL$/);
    } finally {
      await socketless.close();
    }
  });
});
