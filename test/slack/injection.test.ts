// Whatever people type, no outgoing payload may carry a live @channel, @here or user mention:
// every recorded Web API call and response_url post is scanned.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHttpTestApp, type HttpTestApp } from "../support/app.js";
import { appHomeOpened, appMention, blockActions, channelMessage, TEST_CHANNEL_ID } from "../support/payloads.js";
import { postEvent, postInteraction, postSlashCommand } from "../support/sign.js";
import { callsJson, homeContainer, LIVE_MENTION, searchSubmission } from "../support/slack.js";

let t: HttpTestApp;

beforeAll(async () => {
  t = await startHttpTestApp();
});
afterAll(async () => {
  await t.close();
});

// As Slack delivers them: real mention markup, and typed brackets as entities.
const HOSTILE = ["<!channel> <@U123> <!here>", "&lt;!channel&gt; &lt;@U123&gt; &lt;!here&gt;", "<!everyone|everyone> <@U123|bob>"];

describe("mention injection", () => {
  it("no slash command, message, mention, button or search sends a live mention", async () => {
    let expectedResponses = 0;
    const acks: string[] = [];
    for (const [i, hostile] of HOSTILE.entries()) {
      for (const text of [hostile, `${hostile} BRK_MT_SETUP_TIMEOUT`, `${hostile} setup timeoutt`, `BRK_MT_SETUP_TIMEOUT ${hostile} AST_MT_SETUP_TIMEOUT FOHH_CLOSE_REASON_REDIRECT CLT_CONN_FAILED`]) {
        // Lookups are answered in the acknowledgement's own body.
        const ack = await postSlashCommand(t.baseUrl, t.signingSecret, { text, response_url: t.api.responseUrl() });
        acks.push(await ack.text());
      }
      await postEvent(t.baseUrl, t.signingSecret, channelMessage(`${hostile} FOHH_CLOSE_REASON_SOCKET_ERR`));
      await postEvent(t.baseUrl, t.signingSecret, appMention(`${hostile} no code here ${i}`));
    }
    await postInteraction(
      t.baseUrl,
      t.signingSecret,
      blockActions([{ action_id: "zpa_share:BRK_MT_SETUP_TIMEOUT", value: "BRK_MT_SETUP_TIMEOUT" }], {
        container: { type: "message", message_ts: "1700000000.000001", channel_id: TEST_CHANNEL_ID, is_ephemeral: true },
        response_url: t.api.responseUrl(),
      }),
    );
    expectedResponses += 1;
    await postEvent(t.baseUrl, t.signingSecret, appHomeOpened());
    const [home] = await t.api.waitForCalls("views.publish", 1);
    await postInteraction(t.baseUrl, t.signingSecret, searchSubmission(HOSTILE[0]!, home!.body.view.private_metadata));
    await postInteraction(
      t.baseUrl,
      t.signingSecret,
      blockActions([{ action_id: "zpa_home_view:<!channel>", value: "<!channel>" }], { ...homeContainer(home!.body.view.private_metadata), trigger_id: "t.x" }),
    );

    await t.api.waitForCalls("response_url", expectedResponses);
    await t.api.waitForCalls("chat.postMessage", HOSTILE.length * 2);
    await t.api.waitForCalls("views.publish", 3);
    expect(await t.running.inFlight.drained(5_000)).toBe(true);

    const sent = callsJson(t.api.calls) + acks.join("\n");
    expect(acks.every((ack) => (JSON.parse(ack) as { blocks?: unknown[] }).blocks?.length)).toBe(true);
    expect(sent).toContain("&lt;!channel&gt;");
    expect(sent).not.toMatch(LIVE_MENTION);
  });
});
