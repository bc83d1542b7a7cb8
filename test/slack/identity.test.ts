// At start the bot logs whose token it holds: the install check an operator reads first.
import { describe, expect, it } from "vitest";
import { startHttpTestApp, startSocketTestApp, TEST_BOT_TOKEN } from "../support/app.js";

describe("the start-up log", () => {
  for (const [mode, start] of [
    ["HTTP mode", startHttpTestApp],
    ["Socket Mode", startSocketTestApp],
  ] as const) {
    it(`names the workspace and bot user SLACK_BOT_TOKEN belongs to, before serving (${mode})`, async () => {
      const app = await start({ logLevel: "info" });
      try {
        const identity = app.logLines.findIndex((line) => line.includes("Slack accepted SLACK_BOT_TOKEN"));
        expect(app.logLines[identity]).toContain('bot user @zpa-codes in workspace "Test Team" (https://test-team.slack.com/)');
        const serving = app.logLines.findIndex((line) => /listening on port|Socket Mode: connected/.test(line));
        expect(identity).toBeGreaterThanOrEqual(0);
        expect(identity).toBeLessThan(serving);
        expect(app.logLines.join("\n")).not.toContain(TEST_BOT_TOKEN);
      } finally {
        await app.close();
      }
    });
  }
});
