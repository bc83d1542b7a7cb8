// End to end in HTTP mode: signed requests into the real Bolt app, Web API calls recorded by the
// fake Slack API on 127.0.0.1. Checks what users would see: the right call, once, with the right card.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseHomeState } from "../../src/bot/home-state.js";
import { messageViolations, viewViolations } from "../../src/render/limits.js";
import type { Message, View } from "../../src/render/types.js";
import { startHttpTestApp, type HttpTestApp } from "../support/app.js";
import { appHomeOpened, appMention, blockActions, channelMessage, eventCallback, TEST_BOT_ID, TEST_BOT_USER_ID, TEST_CHANNEL_ID, TEST_USER_ID } from "../support/payloads.js";
import { postEvent, postInteraction, postSigned, postSlashCommand } from "../support/sign.js";
import { buttonsOf, headersOf, homeContainer, searchSubmission } from "../support/slack.js";

let t: HttpTestApp;

beforeAll(async () => {
  t = await startHttpTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.api.clearCalls();
});

/** Waits until every handler started so far has finished, so "no call" means none will come. */
async function settled(): Promise<void> {
  expect(await t.running.inFlight.drained(5_000)).toBe(true);
}

const asMessage = (body: Record<string, any>): Message => ({ text: body.text, blocks: body.blocks });

describe("/zpa-code over HTTP", () => {
  it("answers a lookup privately in the acknowledgement itself, with no second request", async () => {
    const res = await postSlashCommand(t.baseUrl, t.signingSecret, { text: "BRK_MT_SETUP_TIMEOUT", response_url: t.api.responseUrl("cmd1") });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const answer = (await res.json()) as Record<string, any>;
    expect(answer.response_type).toBe("ephemeral");
    expect(headersOf(answer.blocks)).toEqual(["BRK_MT_SETUP_TIMEOUT"]);
    expect(buttonsOf(answer.blocks).map((b) => b.text.text)).toContain("Share in channel");
    expect(messageViolations(asMessage(answer))).toEqual([]);
    await settled();
    expect(t.api.calls).toEqual([]);
  });

  it("answers help with the usage card and a fragment of several codes with a short list, in the acknowledgement", async () => {
    const help = (await (await postSlashCommand(t.baseUrl, t.signingSecret, { text: "help", response_url: t.api.responseUrl("help") })).json()) as Record<string, any>;
    const fuzzy = (await (await postSlashCommand(t.baseUrl, t.signingSecret, { text: "SETUP_TIMEOUT", response_url: t.api.responseUrl("fuzzy") })).json()) as Record<string, any>;
    expect(headersOf(help.blocks)).toEqual(["ZPA session status codes"]);
    expect(fuzzy.text).toContain("Codes that match “SETUP_TIMEOUT”");
    const suggestions = buttonsOf(fuzzy.blocks);
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(5);
  });

  it("acknowledges `auto status` at once and answers it on the response_url", async () => {
    t.api.holdAnswers("response_url", 400);
    const res = await postSlashCommand(t.baseUrl, t.signingSecret, { text: "auto status", response_url: t.api.responseUrl("auto1") });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    // The HTTP answer (the ack) came back while the answer's post was still being held.
    expect(t.api.callsTo("response_url").filter((c) => c.answeredAt !== undefined)).toHaveLength(0);
    const [answer] = await t.api.waitForAnswered("response_url", 1);
    t.api.holdAnswers("response_url", 0);
    expect(answer!.responseId).toBe("auto1");
    expect(answer!.body.response_type).toBe("ephemeral");
    expect(answer!.body.text).toMatch(/Auto-replies/);
  });
});

describe("thread auto-replies over HTTP", () => {
  it("replies once, in the thread, to a message with a pasted code", async () => {
    const event = channelMessage("Users see BRK_MT_SETUP_TIMEOUT in the diagnostics");
    const res = await postEvent(t.baseUrl, t.signingSecret, event);
    expect(res.status).toBe(200);
    const [reply] = await t.api.waitForCalls("chat.postMessage", 1);
    await settled();
    expect(t.api.callsTo("chat.postMessage")).toHaveLength(1);
    expect(reply!.body.channel).toBe(TEST_CHANNEL_ID);
    expect(reply!.body.thread_ts).toBe(event.ts);
    expect(headersOf(reply!.body.blocks)).toEqual(["BRK_MT_SETUP_TIMEOUT"]);
    expect(messageViolations(asMessage(reply!.body))).toEqual([]);
  });

  it("answers the same event delivered three times (Slack retries) exactly once", async () => {
    const body = JSON.stringify(eventCallback(channelMessage("AST_MT_SETUP_ERR_OPEN_SERVER_CONN again")));
    await postSigned(t.baseUrl, t.signingSecret, body, "application/json");
    for (const retry of [1, 2]) {
      await postSigned(t.baseUrl, t.signingSecret, body, "application/json", {
        headers: { "x-slack-retry-num": String(retry), "x-slack-retry-reason": "http_timeout" },
      });
    }
    await t.api.waitForCalls("chat.postMessage", 1);
    await settled();
    expect(t.api.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("answers a message that also @mentions the bot once, not once per event", async () => {
    const message = channelMessage(`<@${TEST_BOT_USER_ID}> what is FOHH_CLOSE_REASON_SOCKET_ERR?`);
    const mention = appMention("what is FOHH_CLOSE_REASON_SOCKET_ERR?", { ts: message.ts, event_ts: message.ts });
    await Promise.all([postEvent(t.baseUrl, t.signingSecret, message), postEvent(t.baseUrl, t.signingSecret, mention)]);
    await t.api.waitForCalls("chat.postMessage", 1);
    await settled();
    expect(t.api.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("ignores bot messages, its own messages, edits and joins", async () => {
    const ignored = [
      channelMessage("BRK_MT_SETUP_TIMEOUT", { bot_id: "B0OTHERBOT", subtype: "bot_message" }),
      channelMessage("BRK_MT_SETUP_TIMEOUT", { bot_id: TEST_BOT_ID, user: TEST_BOT_USER_ID }),
      channelMessage("BRK_MT_SETUP_TIMEOUT", {
        subtype: "message_changed",
        message: { type: "message", user: TEST_USER_ID, text: "BRK_MT_SETUP_TIMEOUT", ts: "1.1" },
      }),
      channelMessage("<@U0TESTUSER> has joined the channel BRK_MT_SETUP_TIMEOUT", { subtype: "channel_join" }),
    ];
    for (const event of ignored) expect((await postEvent(t.baseUrl, t.signingSecret, event)).status).toBe(200);
    await settled();
    expect(t.api.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("waits out a 429 from Slack, logs it, and still posts the reply exactly once", async () => {
    t.api.rateLimitNext("chat.postMessage", 1);
    await postEvent(t.baseUrl, t.signingSecret, channelMessage("FOHH_CLOSE_REASON_REDIRECT seen"));
    const calls = await t.api.waitForAnswered("chat.postMessage", 2, 8_000);
    await settled();
    expect(calls.map((c) => c.rateLimited)).toEqual([true, false]);
    expect(t.api.callsTo("chat.postMessage")).toHaveLength(2);
    expect(t.logLines.some((line) => /rate-limited chat\.postMessage; retrying after 1 s/.test(line))).toBe(true);
    expect(t.logLines.join("\n")).not.toContain(t.config.botToken);
  });
});

describe("buttons over HTTP", () => {
  it("Share in channel posts the card visibly, credited to the clicker", async () => {
    await postInteraction(
      t.baseUrl,
      t.signingSecret,
      blockActions([{ action_id: "zpa_share:BRK_MT_SETUP_TIMEOUT", value: "BRK_MT_SETUP_TIMEOUT", text: { type: "plain_text", text: "Share in channel" } }], {
        container: { type: "message", message_ts: "1700000000.000001", channel_id: TEST_CHANNEL_ID, is_ephemeral: true },
        response_url: t.api.responseUrl("share"),
      }),
    );
    const [shared] = await t.api.waitForCalls("response_url", 1);
    expect(shared!.body.response_type).toBe("in_channel");
    expect(shared!.body.replace_original).toBe(false);
    expect(headersOf(shared!.body.blocks)).toEqual(["BRK_MT_SETUP_TIMEOUT"]);
    expect(JSON.stringify(shared!.body.blocks)).toContain(`Shared by <@${TEST_USER_ID}>`);
  });

  it("a suggestion replaces the private answer with that card", async () => {
    await postInteraction(
      t.baseUrl,
      t.signingSecret,
      blockActions([{ action_id: "zpa_show:AST_MT_SETUP_TIMEOUT", value: "AST_MT_SETUP_TIMEOUT" }], {
        container: { type: "message", message_ts: "1700000000.000002", channel_id: TEST_CHANNEL_ID, is_ephemeral: true },
        response_url: t.api.responseUrl("suggestion"),
      }),
    );
    const [replaced] = await t.api.waitForCalls("response_url", 1);
    expect(replaced!.body.replace_original).toBe(true);
    expect(replaced!.body.response_type).toBe("ephemeral");
    expect(headersOf(replaced!.body.blocks)).toEqual(["AST_MT_SETUP_TIMEOUT"]);
  });

  it("Details in a thread summary shows the card to the clicker only, in the thread", async () => {
    await postInteraction(
      t.baseUrl,
      t.signingSecret,
      blockActions([{ action_id: "zpa_details:FOHH_CLOSE_REASON_SOCKET_ERR", value: "FOHH_CLOSE_REASON_SOCKET_ERR" }], {
        container: { type: "message", message_ts: "1700000000.000004", channel_id: TEST_CHANNEL_ID, is_ephemeral: false, thread_ts: "1700000000.000003" },
        message: { type: "message", ts: "1700000000.000004", thread_ts: "1700000000.000003", bot_id: TEST_BOT_ID, text: "codes" },
        response_url: t.api.responseUrl("details"),
      }),
    );
    const [ephemeral] = await t.api.waitForCalls("chat.postEphemeral", 1);
    expect(ephemeral!.body).toMatchObject({ channel: TEST_CHANNEL_ID, user: TEST_USER_ID, thread_ts: "1700000000.000003" });
    expect(headersOf(ephemeral!.body.blocks)).toEqual(["FOHH_CLOSE_REASON_SOCKET_ERR"]);
  });
});

describe("App Home over HTTP", () => {
  async function openedHome(): Promise<View> {
    await postEvent(t.baseUrl, t.signingSecret, appHomeOpened());
    const [publish] = await t.api.waitForCalls("views.publish", 1);
    t.api.clearCalls();
    expect(publish!.body.user_id).toBe(TEST_USER_ID);
    return publish!.body.view as View;
  }

  it("publishes a valid home view when the tab opens (and not for the Messages tab)", async () => {
    await postEvent(t.baseUrl, t.signingSecret, appHomeOpened({ tab: "messages" }));
    await settled();
    expect(t.api.callsTo("views.publish")).toHaveLength(0);
    const view = await openedHome();
    expect(view.type).toBe("home");
    expect(viewViolations(view)).toEqual([]);
    expect(JSON.stringify(view.blocks)).toMatch(/page 1 of \d+/);
  });

  it("Next page, a severity filter and View each make the right call", async () => {
    const home = await openedHome();
    await postInteraction(t.baseUrl, t.signingSecret, blockActions([{ action_id: "zpa_home_page:next", value: "2" }], homeContainer(home.private_metadata!)));
    const [paged] = await t.api.waitForCalls("views.publish", 1);
    expect(parseHomeState(paged!.body.view.private_metadata).page).toBe(2);
    expect(JSON.stringify(paged!.body.view.blocks)).toMatch(/page 2 of \d+/);

    t.api.clearCalls();
    await postInteraction(
      t.baseUrl,
      t.signingSecret,
      blockActions(
        [{ type: "static_select", action_id: "zpa_home_severity", block_id: "zpa_home_controls", selected_option: { text: { type: "plain_text", text: "Policy block" }, value: "policy" } }],
        homeContainer(paged!.body.view.private_metadata),
      ),
    );
    const [filtered] = await t.api.waitForCalls("views.publish", 1);
    expect(parseHomeState(filtered!.body.view.private_metadata)).toMatchObject({ severity: "policy", page: 1 });

    t.api.clearCalls();
    await postInteraction(
      t.baseUrl,
      t.signingSecret,
      blockActions([{ action_id: "zpa_home_view:BRK_MT_SETUP_TIMEOUT", value: "BRK_MT_SETUP_TIMEOUT" }], { ...homeContainer(home.private_metadata!), trigger_id: "trigger.view" }),
    );
    const [opened] = await t.api.waitForCalls("views.open", 1);
    expect(opened!.body.trigger_id).toBe("trigger.view");
    expect(headersOf(opened!.body.view.blocks)).toEqual(["BRK_MT_SETUP_TIMEOUT"]);
    expect(viewViolations(opened!.body.view as View)).toEqual([]);
  });

  it("Enter in the inline search box re-publishes the home with every match: all 10 SAML codes", async () => {
    const home = await openedHome();
    await postInteraction(
      t.baseUrl,
      t.signingSecret,
      blockActions([{ type: "plain_text_input", action_id: "zpa_home_query", block_id: "zpa_home_query:empty", value: "saml" }], homeContainer(home.private_metadata!)),
    );
    const [results] = await t.api.waitForCalls("views.publish", 1);
    const view = results!.body.view as View & { private_metadata: string };
    expect(parseHomeState(view.private_metadata).query).toBe("saml");
    const listed = view.blocks.flatMap((b: any) => (b.accessory?.action_id?.startsWith("zpa_home_view:") && !(b.block_id ?? "").startsWith("zpa_seen:") ? [b.accessory.value] : []));
    expect(listed).toEqual(expect.arrayContaining([
      "BRK_MT_AUTH_NO_SAML_ASSERTION_IN_MSG",
      "BRK_MT_AUTH_SAML_CANNOT_ADD_ATTR_TO_HASH",
      "BRK_MT_AUTH_SAML_CANNOT_ADD_ATTR_TO_HEAP",
      "BRK_MT_AUTH_SAML_DECODE_FAIL",
      "BRK_MT_AUTH_SAML_FAILURE",
      "BRK_MT_AUTH_SAML_FINGER_PRINT_FAIL",
      "BRK_MT_AUTH_SAML_NO_USER_ID",
      "BRK_MT_AUTH_TWO_SAML_ASSERTION_IN_MSG",
      "BRK_MT_SETUP_FAIL_SAML_EXPIRED",
      "ZPN_ERR_AUTH_SAML_EXPIRED",
    ]));
    expect(viewViolations(view)).toEqual([]);
  });

  it("a Home published before the search box still opens the search modal; an empty search is refused", async () => {
    const home = await openedHome();
    await postInteraction(
      t.baseUrl,
      t.signingSecret,
      blockActions([{ action_id: "zpa_home_search", value: "open" }], { ...homeContainer(home.private_metadata!), trigger_id: "trigger.search" }),
    );
    const [modal] = await t.api.waitForCalls("views.open", 1);
    expect(modal!.body.view.callback_id).toBe("zpa_home_search_modal");

    const refused = await postInteraction(t.baseUrl, t.signingSecret, searchSubmission("  ", modal!.body.view.private_metadata));
    expect(await refused.json()).toMatchObject({ response_action: "errors", errors: { zpa_query: expect.any(String) } });

    await postInteraction(t.baseUrl, t.signingSecret, searchSubmission("saml fingerprint", modal!.body.view.private_metadata));
    const [results] = await t.api.waitForCalls("views.publish", 1);
    expect(parseHomeState(results!.body.view.private_metadata).query).toBe("saml fingerprint");
    expect(JSON.stringify(results!.body.view.blocks)).toContain("BRK_MT_AUTH_SAML_FINGER_PRINT_FAIL");
    expect(JSON.stringify(results!.body.view.blocks)).toContain("Clear search");
  });
});
