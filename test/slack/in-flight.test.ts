// The cap on handlers running at once, against the real HTTP-mode app: while Slack hangs, thread replies
// hold their handlers; past the cap a new message is dropped (logged) and a slash command is told to retry,
// instead of one more handler (and its reply) piling up in memory.
import { afterEach, describe, expect, it } from "vitest";
import { BUSY_TEXT } from "../../src/slack/in-flight.js";
import { loggedLine, startHttpTestApp, type HttpTestApp } from "../support/app.js";
import { channelMessage } from "../support/payloads.js";
import { postEvent, postSlashCommand } from "../support/sign.js";

const CAP = 2;

let app: HttpTestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe("handlers running at once", () => {
  it("past the cap, a message is dropped with a log line and a slash command is answered 'busy' in the ack", async () => {
    // Hung replies keep their handlers running (well within the default 10 s Web API timeout).
    app = await startHttpTestApp({ maxInFlight: CAP });
    app.api.hangNext("chat.postMessage", CAP + 1);
    for (const code of ["BRK_MT_SETUP_TIMEOUT", "AST_MT_SETUP_ERR_APP_NOT_FOUND"]) {
      expect((await postEvent(app.baseUrl, app.signingSecret, channelMessage(`users see ${code}`))).status).toBe(200);
    }
    await app.api.waitForCalls("chat.postMessage", CAP);
    expect(app.running.inFlight.count).toBe(CAP);

    expect((await postEvent(app.baseUrl, app.signingSecret, channelMessage("users see BRK_MT_SETUP_FAIL_APP_NOT_FOUND"))).status).toBe(200);
    expect(await loggedLine(app, /Busy: event message turned away, 2 handlers already running/)).toBeTruthy();
    // Turned away before any listener ran: no third reply was attempted.
    expect(app.api.callsTo("chat.postMessage")).toHaveLength(CAP);

    const answer = await postSlashCommand(app.baseUrl, app.signingSecret, { text: "BRK_MT_SETUP_TIMEOUT" });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ response_type: "ephemeral", text: BUSY_TEXT });
    expect(app.running.inFlight.count).toBe(CAP);
  });

  it("below the cap, the same slash command gets its card", async () => {
    app = await startHttpTestApp({ maxInFlight: CAP });
    const answer = await postSlashCommand(app.baseUrl, app.signingSecret, { text: "BRK_MT_SETUP_TIMEOUT" });
    expect(JSON.stringify(await answer.json())).toContain("BRK_MT_SETUP_TIMEOUT");
  });
});
