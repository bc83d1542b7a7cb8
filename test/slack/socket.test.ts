// End to end through the real SocketModeReceiver, with a local WebSocket server standing in for Slack.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSocketTestApp, type SocketTestApp } from "../support/app.js";
import { blockActions, channelMessage, TEST_CHANNEL_ID } from "../support/payloads.js";
import { headersOf } from "../support/slack.js";

let t: SocketTestApp;

beforeAll(async () => {
  t = await startSocketTestApp();
  await t.socket.waitForConnection();
});
afterAll(async () => {
  await t.close();
});

describe("Socket Mode", () => {
  it("answers /zpa-code privately in the ack's payload, with no response_url post", async () => {
    const id = t.socket.sendSlashCommand({ text: "ast_mt_setup_err_open_server_conn", response_url: t.api.responseUrl("sock-cmd") });
    const ack = await t.socket.waitForAck(id);
    expect(ack.payload?.response_type).toBe("ephemeral");
    expect(headersOf(ack.payload?.blocks)).toEqual(["AST_MT_SETUP_ERR_OPEN_SERVER_CONN"]);
    expect(await t.running.inFlight.drained(5_000)).toBe(true);
    expect(t.api.callsTo("response_url")).toEqual([]);
  });

  it("replies in the thread to a channel message with codes, once even when redelivered", async () => {
    const event = channelMessage("journal: FOHH_CLOSE_REASON_SOCKET_ERR then FOHH_CLOSE_REASON_REDIRECT");
    const first = t.socket.sendEvent(event);
    const retry = t.socket.sendEvent(event, { retryAttempt: 1, retryReason: "timeout" });
    await t.socket.waitForAck(first);
    await t.socket.waitForAck(retry);
    const [reply] = await t.api.waitForCalls("chat.postMessage", 1);
    expect(await t.running.inFlight.drained(5_000)).toBe(true);
    expect(t.api.callsTo("chat.postMessage")).toHaveLength(1);
    expect(reply!.body).toMatchObject({ channel: TEST_CHANNEL_ID, thread_ts: event.ts });
    const text = JSON.stringify(reply!.body.blocks);
    expect(text).toContain("FOHH_CLOSE_REASON_SOCKET_ERR");
    expect(text).toContain("FOHH_CLOSE_REASON_REDIRECT");
  });

  it("handles a button click delivered over the socket", async () => {
    const id = t.socket.sendInteractive(
      blockActions([{ action_id: "zpa_share:BRK_MT_SETUP_TIMEOUT", value: "BRK_MT_SETUP_TIMEOUT" }], {
        container: { type: "message", message_ts: "1700000000.000009", channel_id: TEST_CHANNEL_ID, is_ephemeral: true },
        response_url: t.api.responseUrl("sock-share"),
      }),
    );
    await t.socket.waitForAck(id);
    const shared = await t.api.waitForResponsePost("sock-share");
    expect(shared.body.response_type).toBe("in_channel");
  });
});
