// DMs to the bot end to end over HTTP: message.im events through the real Bolt app, answered on the fake
// Web API (with AUTO_REPLY=off: a DM needs no auto-reply setting). Codes, words, a screenshot read by OCR,
// Slack's retries, the bot's own and other bots' messages, and a Show click in the DM.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ACTION } from "../../src/render/action-ids.js";
import { READ_FROM_SCREENSHOT } from "../../src/render/image-reply.js";
import { handlersSettled, PATIENT_OCR, startHttpTestApp, type HttpTestApp } from "../support/app.js";
import { blockActions, directMessage, nextTs, TEST_BOT_ID, TEST_BOT_USER_ID, TEST_DM_CHANNEL_ID } from "../support/payloads.js";
import { postEvent, postInteraction } from "../support/sign.js";
import { buttonsOf, headersOf } from "../support/slack.js";

const JOURNAL = readFileSync(new URL("../fixtures/ocr/terminal-journal.png", import.meta.url));

let t: HttpTestApp;

beforeAll(async () => {
  t = await startHttpTestApp({ autoReply: { enabled: false }, ocr: PATIENT_OCR });
});
afterAll(async () => {
  await t?.close();
});
beforeEach(() => {
  t.api.clearCalls();
});

const settled = (): Promise<void> => handlersSettled(t);

async function answerTo(event: Record<string, unknown>) {
  await postEvent(t.baseUrl, t.signingSecret, event);
  const [reply] = await t.api.waitForCalls("chat.postMessage", 1, 120_000);
  await settled();
  expect(t.api.callsTo("chat.postMessage")).toHaveLength(1);
  return reply!.body;
}

const actionIdsOf = (blocks: unknown): string[] => buttonsOf(blocks).map((b) => b.action_id);

describe("DMs to the bot in Slack", () => {
  it("answers a pasted code with its card in the DM, not in a new thread, though auto-replies are off", async () => {
    const reply = await answerTo(directMessage("getting BRK_MT_SETUP_TIMEOUT on every app"));
    expect(reply.channel).toBe(TEST_DM_CHANNEL_ID);
    expect(reply.thread_ts).toBeUndefined();
    expect(headersOf(reply.blocks)).toEqual(["BRK_MT_SETUP_TIMEOUT"]);
  });

  it("answers a message in a DM thread in that thread", async () => {
    const threadTs = nextTs();
    const reply = await answerTo(directMessage("and AST_MT_SETUP_ERR_OPEN_SERVER_CONN?", { thread_ts: threadTs }));
    expect(reply.thread_ts).toBe(threadTs);
    expect(headersOf(reply.blocks)).toEqual(["AST_MT_SETUP_ERR_OPEN_SERVER_CONN"]);
  });

  it("answers words as /zpa-code would, and a Show click swaps in that card, without Share", async () => {
    const reply = await answerTo(directMessage("saml assertion expired"));
    expect(reply.text).toContain("Codes that match");
    const show = buttonsOf(reply.blocks).find((b) => b.value === "ZPN_ERR_AUTH_SAML_EXPIRED");
    expect(show?.action_id).toBe(`${ACTION.show}:ZPN_ERR_AUTH_SAML_EXPIRED`);

    t.api.clearCalls();
    const click = blockActions([{ action_id: show!.action_id, value: show!.value, text: { type: "plain_text", text: "Show" } }], {
      channel: { id: TEST_DM_CHANNEL_ID, name: "directmessage" },
      container: { type: "message", message_ts: nextTs(), channel_id: TEST_DM_CHANNEL_ID, is_ephemeral: false },
      response_url: t.api.responseUrl("dm-show"),
    });
    await postInteraction(t.baseUrl, t.signingSecret, click);
    const [card] = await t.api.waitForCalls("response_url", 1);
    expect(card!.body.replace_original).toBe(true);
    expect(headersOf(card!.body.blocks)).toEqual(["ZPN_ERR_AUTH_SAML_EXPIRED"]);
    expect(actionIdsOf(card!.body.blocks).filter((id) => id.startsWith(ACTION.share))).toEqual([]);
  });

  it("reads a screenshot sent in a DM and answers under it", async () => {
    const name = "dm-shot.png";
    const event = directMessage("", {
      subtype: "file_share",
      files: [{ id: "F0DMSHOT1", name, mimetype: "image/png", filetype: "png", size: JOURNAL.length, url_private_download: t.api.serveFile(name, JOURNAL) }],
    });
    const reply = await answerTo(event);
    expect(t.api.callsTo("files.download")).toHaveLength(1);
    expect(reply.channel).toBe(TEST_DM_CHANNEL_ID);
    expect(reply.thread_ts).toBeUndefined();
    expect(reply.blocks[0].elements[0].text).toContain(READ_FROM_SCREENSHOT);
    expect(JSON.stringify(reply.blocks)).toContain("FOHH_CLOSE_REASON_SOCKET_ERR");
  }, 180_000);

  it("answers a DM once across Slack's retries, and each new message again", async () => {
    const event = directMessage("BRK_MT_SETUP_TIMEOUT");
    await postEvent(t.baseUrl, t.signingSecret, event);
    await t.api.waitForCalls("chat.postMessage", 1);
    await postEvent(t.baseUrl, t.signingSecret, event, { retryNum: 1, retryReason: "http_timeout" });
    await postEvent(t.baseUrl, t.signingSecret, event, { retryNum: 2, retryReason: "http_timeout" });
    await settled();
    expect(t.api.callsTo("chat.postMessage")).toHaveLength(1);

    await postEvent(t.baseUrl, t.signingSecret, directMessage("BRK_MT_SETUP_TIMEOUT again today"));
    await t.api.waitForCalls("chat.postMessage", 2);
    await settled();
    expect(t.api.callsTo("chat.postMessage")).toHaveLength(2);
  });

  it("ignores its own messages and other bots' in the DM", async () => {
    await postEvent(t.baseUrl, t.signingSecret, directMessage("BRK_MT_SETUP_TIMEOUT", { user: TEST_BOT_USER_ID, bot_id: TEST_BOT_ID }));
    await postEvent(t.baseUrl, t.signingSecret, directMessage("saml assertion expired", { subtype: "bot_message", bot_id: "B0OTHERBOT", user: undefined }));
    await settled();
    expect(t.api.callsTo("chat.postMessage")).toHaveLength(0);
  });
});
