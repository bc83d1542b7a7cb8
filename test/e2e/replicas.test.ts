// The state wired into the running bot, end to end: real Bolt apps in HTTP mode, signed requests over
// loopback, the fake Slack Web API recording what users would see. Each single-app suite runs against
// the in-process store and a real private redis-server; the replica and outage suites need Redis.
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { State } from "../../src/state/open.js";
import type { View } from "../../src/render/types.js";
import { SEEN_BLOCK_PREFIX } from "../../src/render/home.js";
import { startHttpTestApp, type HttpTestApp } from "../support/app.js";
import type { RecordedCall } from "../support/fake-slack-api.js";
import { appHomeOpened, appMention, channelMessage, eventCallback, TEST_CHANNEL_ID } from "../support/payloads.js";
import { startRedisServer, type RedisServer } from "../support/redis-server.js";
import { describeIfInstalled, REDIS_SERVER } from "../support/system-binaries.js";
import { postEvent, postSigned, postSlashCommand } from "../support/sign.js";
import { newKeyPrefix, openTestState, type StoreKind, type TestStateOptions } from "../support/state.js";
import { callsJson, LIVE_MENTION } from "../support/slack.js";

let redis: RedisServer | undefined;
const apps: HttpTestApp[] = [];
const states: State[] = [];

/** The file's redis-server, started by the first block that needs it, so the in-process block runs without one. */
function startsRedisServer(): void {
  beforeAll(async () => {
    redis ??= await startRedisServer();
  });
}

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
  await Promise.all(states.splice(0).map((state) => state.store.close()));
});
afterAll(async () => {
  await redis?.stop();
});

async function stateFor(kind: StoreKind, options: TestStateOptions = {}): Promise<State> {
  const state = await openTestState(kind, { redisUrl: redis?.url, ...options });
  states.push(state);
  return state;
}

async function appOn(state: State, autoReply: Partial<HttpTestApp["config"]["autoReply"]> = {}): Promise<HttpTestApp> {
  const app = await startHttpTestApp({ state, autoReply });
  apps.push(app);
  return app;
}

/** Every handler started so far has finished: "no call" then means none will come. */
async function settled(...running: HttpTestApp[]): Promise<void> {
  for (const app of running) expect(await app.running.inFlight.drained(5_000)).toBe(true);
}

async function slash(app: HttpTestApp, text: string, fields: Record<string, string> = {}): Promise<RecordedCall> {
  const id = `cmd-${Math.random().toString(36).slice(2)}`;
  const response = await postSlashCommand(app.baseUrl, app.signingSecret, { text, response_url: app.api.responseUrl(id), ...fields });
  expect(response.status).toBe(200);
  return app.api.waitForResponsePost(id);
}

/** A lookup: answered in the acknowledgement's own body. */
async function lookupAck(app: HttpTestApp, text: string): Promise<{ blocks: Array<Record<string, unknown>> }> {
  const response = await postSlashCommand(app.baseUrl, app.signingSecret, { text, response_url: app.api.responseUrl() });
  expect(response.status).toBe(200);
  return (await response.json()) as { blocks: Array<Record<string, unknown>> };
}

/** Posts a channel message and waits until the app has handled it; returns the thread replies it sent. */
async function paste(app: HttpTestApp, text: string, fields: Record<string, unknown> = {}): Promise<RecordedCall[]> {
  const before = app.api.callsTo("chat.postMessage").length;
  const event = channelMessage(text, fields);
  expect((await postEvent(app.baseUrl, app.signingSecret, event)).status).toBe(200);
  await settled(app);
  return app.api.callsTo("chat.postMessage").slice(before).filter((call) => call.body.thread_ts === event.ts);
}

async function openHome(app: HttpTestApp): Promise<View> {
  const before = app.api.callsTo("views.publish").length;
  await postEvent(app.baseUrl, app.signingSecret, appHomeOpened());
  const published = await app.api.waitForCalls("views.publish", before + 1);
  return published[before]!.body.view as View;
}

function seenThisWeek(view: View): string[] {
  return view.blocks.flatMap((b) => (b.type === "section" && (b.block_id ?? "").startsWith(SEEN_BLOCK_PREFIX) ? [b.text?.text ?? ""] : []));
}

const text = (call: RecordedCall | undefined): string => JSON.stringify(call?.body ?? {});

/** What the bot does with either store, declared inside each store's block. */
function botWithState(kind: StoreKind): void {
  it("`/zpa-code auto off|status|on`: ephemeral confirmation, a visible note naming the user, and the channel follows it", async () => {
    const app = await appOn(await stateFor(kind));
    const off = await slash(app, "auto off", { user_id: "U0CHANGER" });
    expect(off.body.response_type).toBe("ephemeral");
    expect(text(off)).toContain("Done: auto-replies are now *off* in this channel");
    const [note] = app.api.callsTo("chat.postMessage");
    expect(note!.body.channel).toBe(TEST_CHANNEL_ID);
    expect(note!.body.thread_ts).toBeUndefined();
    expect(note!.body.text).toMatch(/^:gear: <@U0CHANGER> turned auto-replies \*off\* in this channel/);

    expect(await paste(app, "users get BRK_MT_SETUP_TIMEOUT")).toEqual([]);
    const status = await slash(app, "auto status", { user_id: "U0SOMEONE" });
    expect(text(status)).toMatch(/Auto-replies are \*off\* in this channel.*<@U0CHANGER> turned them off here <!date\^/);

    // An @mention is a direct question: answered even here.
    await postEvent(app.baseUrl, app.signingSecret, appMention("what is AST_MT_SETUP_ERR_OPEN_SERVER_CONN?"));
    await settled(app);
    expect(text(app.api.callsTo("chat.postMessage").at(-1))).toContain("AST_MT_SETUP_ERR_OPEN_SERVER_CONN");

    await slash(app, "auto on", { user_id: "U0OTHER" });
    expect(app.api.callsTo("chat.postMessage").at(-1)!.body.text).toMatch(/^:gear: <@U0OTHER> turned auto-replies \*on\*/);
    expect(await paste(app, "users get BRK_MT_SETUP_TIMEOUT")).toHaveLength(1);
    expect(callsJson(app.api.calls)).not.toMatch(LIVE_MENTION);
  });

  it("`/zpa-code auto off` where the bot is not a member: a clear private answer, and nothing changes", async () => {
    const app = await appOn(await stateFor(kind));
    app.api.answer("chat.postMessage", () => ({ ok: false, error: "not_in_channel" }));
    const answer = await slash(app, "auto off");
    expect(text(answer)).toContain("I'm not a member of this channel");
    expect(text(answer)).toContain("/invite @zpa-codes");
    expect(text(await slash(app, "auto status"))).toContain("Auto-replies are *on* in this channel");
  });

  it("`/zpa-code auto on` overrides AUTO_REPLY_CHANNELS for that channel; `auto xyz` gets the usage hint", async () => {
    const app = await appOn(await stateFor(kind), { channels: new Set(["C0ELSEWHERE"]) });
    expect(await paste(app, "BRK_MT_SETUP_TIMEOUT")).toEqual([]);
    expect(text(await slash(app, "auto status"))).toContain("not on the bot's list of auto-reply channels (AUTO_REPLY_CHANNELS)");
    await slash(app, "auto on");
    expect(await paste(app, "BRK_MT_SETUP_TIMEOUT")).toHaveLength(1);
    const usage = await slash(app, "auto xyz");
    expect(text(usage)).toContain("`/zpa-code auto status`");
    expect(text(usage)).toContain("“xyz”");
  });

  it("App Home shows Seen this week with each code's count and distinct people, and forgets them after the retention", async () => {
    const app = await appOn(await stateFor(kind, { retentionMs: 2_000 }));
    expect(JSON.stringify((await openHome(app)).blocks)).toContain("Nothing seen yet this week.");

    await paste(app, "BRK_MT_SETUP_TIMEOUT", { user: "U0ANN" });
    await paste(app, "BRK_MT_SETUP_TIMEOUT again", { user: "U0ANN" });
    await paste(app, "BRK_MT_SETUP_TIMEOUT and AST_MT_SETUP_ERR_OPEN_SERVER_CONN", { user: "U0BEN" });
    // A retried delivery and the app_mention of the same message count once.
    const retried = JSON.stringify(eventCallback(channelMessage("FOHH_CLOSE_REASON_SOCKET_ERR BRK_MT_SETUP_TIMEOUT", { user: "U0CAT" })));
    await postSigned(app.baseUrl, app.signingSecret, retried, "application/json");
    await postSigned(app.baseUrl, app.signingSecret, retried, "application/json", { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } });
    const asked = channelMessage("<@U0TESTBOT> FOHH_CLOSE_REASON_SOCKET_ERR?", { user: "U0DAN" });
    await postEvent(app.baseUrl, app.signingSecret, asked);
    await postEvent(app.baseUrl, app.signingSecret, appMention("FOHH_CLOSE_REASON_SOCKET_ERR?", { ts: asked.ts, user: "U0DAN" }));
    await settled(app);

    const rows = seenThisWeek(await openHome(app));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/`BRK_MT_SETUP_TIMEOUT`.*\n4 times · 3 people$/);
    expect(rows[1]).toMatch(/`FOHH_CLOSE_REASON_SOCKET_ERR`.*\n2 times · 2 people$/);
    expect(rows[2]).toMatch(/`AST_MT_SETUP_ERR_OPEN_SERVER_CONN`.*\n1 time · 1 person$/);

    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const later = await openHome(app);
    expect(seenThisWeek(later)).toEqual([]);
    expect(JSON.stringify(later.blocks)).toContain("Nothing seen yet this week.");
  });

  it("adds the spike hint once when SPIKE_MIN_PEOPLE people paste a code within the window, not again", async () => {
    const app = await appOn(await stateFor(kind, { spikeMinPeople: 3 }));
    const replies: RecordedCall[] = [];
    for (const user of ["U0ANN", "U0BEN", "U0CAT", "U0DAN"]) replies.push(...(await paste(app, "VPN down? BRK_MT_SETUP_TIMEOUT", { user })));
    expect(replies).toHaveLength(4);
    expect(replies.map((reply) => text(reply).includes(":rotating_light:"))).toEqual([false, false, true, false]);
    expect(text(replies[2])).toContain("*BRK_MT_SETUP_TIMEOUT* seen 3 times by 3 people in this channel in the last 30 min: possibly an outage");
  });
}

describe("the bot with in-process state", () => botWithState("in-process"));

describeIfInstalled(REDIS_SERVER)("the bot with Redis state", () => {
  startsRedisServer();
  botWithState("Redis");
});

describeIfInstalled(REDIS_SERVER)("two replicas sharing Redis", () => {
  startsRedisServer();

  async function replicas(): Promise<[HttpTestApp, HttpTestApp]> {
    const keyPrefix = newKeyPrefix();
    const a = await appOn(await stateFor("Redis", { keyPrefix }));
    const b = await appOn(await stateFor("Redis", { keyPrefix }));
    return [a, b];
  }
  const replies = (...running: HttpTestApp[]): RecordedCall[] => running.flatMap((app) => app.api.callsTo("chat.postMessage"));

  it("answer the same Slack event, delivered to both, once", async () => {
    const [a, b] = await replicas();
    const body = JSON.stringify(eventCallback(channelMessage("users get BRK_MT_SETUP_TIMEOUT since 9am")));
    await Promise.all([
      postSigned(a.baseUrl, a.signingSecret, body, "application/json"),
      postSigned(b.baseUrl, b.signingSecret, body, "application/json", { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } }),
    ]);
    // The message event on one replica and its app_mention on the other: still one answer.
    const asked = channelMessage("<@U0TESTBOT> what is AST_MT_SETUP_ERR_OPEN_SERVER_CONN?");
    await Promise.all([
      postEvent(a.baseUrl, a.signingSecret, asked),
      postEvent(b.baseUrl, b.signingSecret, appMention("what is AST_MT_SETUP_ERR_OPEN_SERVER_CONN?", { ts: asked.ts })),
    ]);
    await settled(a, b);
    const sent = replies(a, b);
    expect(sent).toHaveLength(2);
    expect(sent.filter((call) => text(call).includes("BRK_MT_SETUP_TIMEOUT"))).toHaveLength(1);
    expect(sent.filter((call) => text(call).includes("AST_MT_SETUP_ERR_OPEN_SERVER_CONN"))).toHaveLength(1);
  });

  it("share channel settings: `auto off` through one silences the other, `auto on` through the other restores both", async () => {
    const [a, b] = await replicas();
    await slash(a, "auto off", { user_id: "U0CHANGER" });
    expect(a.api.callsTo("chat.postMessage")).toHaveLength(1);
    expect(await paste(b, "BRK_MT_SETUP_TIMEOUT")).toEqual([]);
    expect(text(await slash(b, "auto status"))).toContain("<@U0CHANGER> turned them off here");

    await slash(b, "auto on", { user_id: "U0OTHER" });
    expect(await paste(a, "BRK_MT_SETUP_TIMEOUT")).toHaveLength(1);
    expect(await paste(b, "AST_MT_SETUP_ERR_OPEN_SERVER_CONN")).toHaveLength(1);
  });

  it("race 8 concurrent `auto off` (then `auto on`) on one channel: one channel note per real change, the others hear it already is so", async () => {
    const pair = await replicas();
    for (const change of ["off", "on"] as const) {
      // Counted per replica: each has its own fake Slack, so a note may land on either.
      const before = pair.map((app) => replies(app).length);
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) => slash(pair[i % 2]!, `auto ${change}`, { user_id: `U0RACER${change.toUpperCase()}${i}` })),
      );
      await settled(...pair);
      const notes = pair.flatMap((app, i) => replies(app).slice(before[i]));
      expect(notes).toHaveLength(1);
      expect(notes[0]!.body).toMatchObject({ channel: TEST_CHANNEL_ID });
      expect(text(notes[0])).toContain(`turned auto-replies *${change}*`);
      const told = answers.filter((answer) => text(answer).includes(`are already *${change}* in this channel`));
      expect(told, answers.map(text).join("\n")).toHaveLength(7);
    }
  });

  it("count sightings together, and keep no raw user id or message text in Redis except the changer of a setting", async () => {
    const keyPrefix = newKeyPrefix();
    const a = await appOn(await stateFor("Redis", { keyPrefix, spikeMinPeople: 2 }));
    const b = await appOn(await stateFor("Redis", { keyPrefix, spikeMinPeople: 2 }));
    await paste(a, "secret-hostname-7 BRK_MT_SETUP_TIMEOUT", { user: "U0PASTERA" });
    const second = await paste(b, "secret-hostname-7 BRK_MT_SETUP_TIMEOUT", { user: "U0PASTERB" });
    expect(text(second[0])).toContain("seen 2 times by 2 people");
    await slash(a, "auto off", { user_id: "U0CHANGER" });
    expect(seenThisWeek(await openHome(b))[0]).toMatch(/\n2 times · 2 people$/);

    const inspector = new Redis(redis!.url, { lazyConnect: true });
    await inspector.connect();
    try {
      const keys = await inspector.keys(`${keyPrefix}*`);
      expect(keys.length).toBeGreaterThan(5);
      for (const key of keys) {
        const dump = key + ((await inspector.dumpBuffer(key))?.toString("latin1") ?? "");
        expect(dump, key).not.toMatch(/U0PASTER|secret-hostname/);
        if (!key.startsWith(`${keyPrefix}channel:`)) expect(dump, key).not.toContain("U0CHANGER");
        expect(await inspector.pttl(key), key).toBeGreaterThan(0);
      }
      expect(await inspector.hgetall(`${keyPrefix}channel:${TEST_CHANNEL_ID}`)).toMatchObject({ autoReply: "off", changedBy: "U0CHANGER" });
    } finally {
      inspector.disconnect();
    }
  });
});

describeIfInstalled(REDIS_SERVER)("when Redis goes away mid-run", () => {
  it("keeps answering slash commands, skips auto-replies with a log line saying why, and resumes when Redis is back", async () => {
    const own = await startRedisServer();
    try {
      const state = await openTestState("Redis", { redisUrl: own.url });
      states.push(state);
      const app = await appOn(state);
      expect(await paste(app, "BRK_MT_SETUP_TIMEOUT")).toHaveLength(1);

      await own.stop();
      await until(() => !state.store.isHealthy(), "the store to notice Redis is gone");
      const lookup = await lookupAck(app, "AST_MT_SETUP_ERR_OPEN_SERVER_CONN");
      expect(lookup.blocks[0]).toMatchObject({ type: "header", text: { text: "AST_MT_SETUP_ERR_OPEN_SERVER_CONN" } });
      expect(text(await slash(app, "auto off"))).toContain("Channel settings are temporarily unavailable");
      expect(await paste(app, "FOHH_CLOSE_REASON_SOCKET_ERR")).toEqual([]);
      expect(app.api.callsTo("chat.postMessage")).toHaveLength(1);
      const logged = app.logLines.join("\n");
      expect(logged).toMatch(new RegExp(`Redis at 127\\.0\\.0\\.1:${own.port} is unreachable: skipping auto-replies`));
      expect(logged).toMatch(new RegExp(`Thread reply in ${TEST_CHANNEL_ID} skipped: Redis at 127\\.0\\.0\\.1:${own.port} is unavailable`));
      expect(JSON.stringify((await openHome(app)).blocks)).toContain("Not available right now");

      await own.start();
      await until(() => state.store.isHealthy(), "the store to reconnect");
      expect(await paste(app, "FOHH_CLOSE_REASON_SOCKET_ERR")).toHaveLength(1);
      expect(app.logLines.join("\n")).toContain("is reachable again: auto-replies resume");
    } finally {
      await own.stop();
    }
  });
});

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
