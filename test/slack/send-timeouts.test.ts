// Slack calls that hang or fail, against the real HTTP-mode app: every Web API and response_url attempt
// times out after SLACK_API_TIMEOUT_MS and is retried, a response_url 429 waits out Retry-After, and a thread
// reply that fails after Bolt acknowledged the event is sent again in-process, or logged as lost.
import { afterEach, describe, expect, it } from "vitest";
import { loggedLine, startHttpTestApp, type HttpTestApp } from "../support/app.js";
import { channelMessage, nextTs, TEST_BOT_ID, TEST_CHANNEL_ID } from "../support/payloads.js";
import { postEvent, postSlashCommand } from "../support/sign.js";

/** Short so a hung attempt is abandoned soon; the tests wait on calls, never on a clock. */
const TIMEOUT_MS = 300;
const CODE = "BRK_MT_SETUP_TIMEOUT";

let app: HttpTestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** chat.postMessage answered with Slack's `error` for the first `failures` calls (all of them when Infinity). */
function failPostMessage(target: HttpTestApp, error: string, failures: number): void {
  let seen = 0;
  target.api.answer("chat.postMessage", (body) => {
    seen += 1;
    if (seen <= failures) return { ok: false, error };
    const ts = nextTs();
    return { channel: body.channel, ts, message: { type: "message", text: body.text, ts, bot_id: TEST_BOT_ID } };
  });
}

describe("SLACK_API_TIMEOUT_MS", () => {
  it("a first chat.postMessage that never answers: the thread reply still goes out, once, on the retry", async () => {
    app = await startHttpTestApp({ slackApiTimeoutMs: TIMEOUT_MS });
    app.api.hangNext("chat.postMessage");
    const message = channelMessage(`users see ${CODE}`);
    expect((await postEvent(app.baseUrl, app.signingSecret, message)).status).toBe(200);

    const [answered] = await app.api.waitForAnswered("chat.postMessage", 1, 15_000);
    const attempts = app.api.callsTo("chat.postMessage");
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.answeredAt).toBeUndefined();
    expect(answered!.body).toMatchObject({ channel: TEST_CHANNEL_ID, thread_ts: message.ts });
    expect(answered!.body.text).toContain(CODE);
  });

  it("a response_url post that never answers: the answer (here to `auto status`) still arrives on the retry", async () => {
    app = await startHttpTestApp({ slackApiTimeoutMs: TIMEOUT_MS });
    app.api.hangNext("response_url");
    const id = "hung-once";
    expect((await postSlashCommand(app.baseUrl, app.signingSecret, { text: "auto status", response_url: app.api.responseUrl(id) })).status).toBe(200);

    const [answered] = await app.api.waitForAnswered("response_url", 1, 15_000);
    expect(app.api.callsTo("response_url")).toHaveLength(2);
    expect(answered!.responseId).toBe(id);
    expect(JSON.stringify(answered!.body)).toContain("Auto-replies are");
    expect(await loggedLine(app, /A response_url post failed \(no answer within 300 ms\); retrying/)).not.toContain(id);
  });
});

describe("a 429 on a response_url", () => {
  it("is waited out (Retry-After) and retried, like the Web API's", async () => {
    app = await startHttpTestApp({ slackApiTimeoutMs: 2_000 });
    app.api.rateLimitNext("response_url", 1);
    const id = "rate-limited";
    await postSlashCommand(app.baseUrl, app.signingSecret, { text: "auto status", response_url: app.api.responseUrl(id) });

    const [answered] = await app.api.waitForAnswered("response_url", 2, 15_000).then((calls) => calls.filter((c) => !c.rateLimited));
    const posts = app.api.callsTo("response_url");
    expect(posts.map((post) => post.rateLimited)).toEqual([true, false]);
    expect(JSON.stringify(answered!.body)).toContain("Auto-replies are");
    await loggedLine(app, /A response_url post was rate-limited; retrying after 1 s/);
  });
});

describe("a thread reply that fails after the event was acknowledged", () => {
  it("is sent again in-process after a transient error (internal_error), and goes out once", async () => {
    app = await startHttpTestApp({ sendRetryPausesMs: [10, 10, 10] });
    failPostMessage(app, "internal_error", 2);
    await postEvent(app.baseUrl, app.signingSecret, channelMessage(`users see ${CODE}`));

    const calls = await app.api.waitForAnswered("chat.postMessage", 3);
    expect(calls).toHaveLength(3);
    await loggedLine(app, new RegExp(`Thread reply \\(${CODE}\\) in ${TEST_CHANNEL_ID} failed \\(internal_error\\); trying again`));
    expect(app.logLines.join("\n")).not.toContain("Thread reply lost");
  });

  it("is logged as lost, naming the code and the channel, once the retries are spent", async () => {
    app = await startHttpTestApp({ sendRetryPausesMs: [10, 10] });
    failPostMessage(app, "fatal_error", Infinity);
    await postEvent(app.baseUrl, app.signingSecret, channelMessage(`users see ${CODE}`));

    await loggedLine(app, new RegExp(`ERROR .*Thread reply lost: ${CODE} in ${TEST_CHANNEL_ID} \\(fatal_error\\)`));
    expect(app.api.callsTo("chat.postMessage")).toHaveLength(3);
  });

  it("is not retried when Slack's answer is final (is_archived), and is logged as lost", async () => {
    app = await startHttpTestApp({ sendRetryPausesMs: [10, 10] });
    failPostMessage(app, "is_archived", Infinity);
    await postEvent(app.baseUrl, app.signingSecret, channelMessage(`users see ${CODE}`));

    await loggedLine(app, new RegExp(`Thread reply lost: ${CODE} in ${TEST_CHANNEL_ID} \\(is_archived\\)`));
    expect(app.api.callsTo("chat.postMessage")).toHaveLength(1);
  });
});
