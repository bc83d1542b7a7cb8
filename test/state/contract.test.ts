// One contract, two stores: the in-process one and a real redis-server started for this file.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS } from "../../src/state/buckets.js";
import { createMemoryStore } from "../../src/state/memory-store.js";
import { connectRedisStore } from "../../src/state/redis-store.js";
import { NOTE_VERSIONS_KEPT, type SightingLimits, type StateStore } from "../../src/state/store.js";
import { createSightings, type Sightings, createUserHasher } from "../../src/state/sightings.js";
import { startRedisServer, type RedisServer } from "../support/redis-server.js";
import { describeIfInstalled, REDIS_SERVER } from "../support/system-binaries.js";

// Started by the Redis block only, so the in-process half runs on a machine without redis-server.
let redis: RedisServer;

const LONG: SightingLimits = { retentionMs: 30 * DAY_MS, recentWindowMs: 30 * 60_000 };

interface Harness {
  store: StateStore;
  sightings: Sightings;
  /**
   * Moves the store's clock. For Redis, a short step (up to 10 s) is also really waited out, so Redis's
   * own TTLs run; long steps (days) only move the clock, which is consistent as long as the TTLs in play
   * are far longer than the test.
   */
  elapse(ms: number): Promise<void>;
}

interface Implementation {
  name: string;
  open(limits: SightingLimits, spikeMinPeople?: number): Promise<Harness>;
}

const opened: StateStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

function harness(store: StateStore, clock: { now: number }, limits: SightingLimits, spikeMinPeople: number, realWait: boolean): Harness {
  opened.push(store);
  return {
    store,
    sightings: createSightings(store, {
      hashUser: createUserHasher("contract-test-salt-0123456789"),
      spikeWindowMs: limits.recentWindowMs,
      spikeMinPeople,
      clock: () => clock.now,
    }),
    async elapse(ms) {
      if (realWait && ms <= 10_000) await new Promise((resolve) => setTimeout(resolve, ms));
      clock.now += ms;
    },
  };
}

const implementations: Implementation[] = [
  {
    name: "in-process",
    async open(limits, spikeMinPeople = 5) {
      const clock = { now: Date.now() };
      return harness(createMemoryStore({ ...limits, clock: () => clock.now }), clock, limits, spikeMinPeople, false);
    },
  },
  {
    name: "Redis",
    async open(limits, spikeMinPeople = 5) {
      const clock = { now: Date.now() };
      const store = await connectRedisStore({ ...limits, url: redis.url, keyPrefix: `t:${randomUUID()}:`, clock: () => clock.now });
      return harness(store, clock, limits, spikeMinPeople, true);
    },
  },
];

/** The contract both stores keep, declared inside each store's block. */
function storeContract(implementation: Implementation): void {
  it("dedupes: a key is claimed once until its TTL passes, and release gives it back", async () => {
    const { store, elapse } = await implementation.open(LONG);
    // TTLs of seconds: long enough for a loaded CI machine, short enough to wait out with Redis.
    expect(await store.claim("reply:C1:171.1:BRK_MT_SETUP_TIMEOUT", 2_000)).toBe(true);
    expect(await store.claim("reply:C1:171.1:BRK_MT_SETUP_TIMEOUT", 2_000)).toBe(false);
    expect(await store.claim("reply:C1:171.2:BRK_MT_SETUP_TIMEOUT", 2_000)).toBe(true);
    await store.release("reply:C1:171.2:BRK_MT_SETUP_TIMEOUT");
    expect(await store.claim("reply:C1:171.2:BRK_MT_SETUP_TIMEOUT", 2_000)).toBe(true);
    await elapse(2_100);
    expect(await store.claim("reply:C1:171.1:BRK_MT_SETUP_TIMEOUT", 2_000)).toBe(true);
  });

  it("refuses empty or oversized claim keys instead of storing them", async () => {
    const { store } = await implementation.open(LONG);
    await expect(store.claim("", 1000)).rejects.toThrow(RangeError);
    await expect(store.claim("k".repeat(513), 1000)).rejects.toThrow(/1 to 512 characters/);
    await expect(store.claim("ok", 0)).rejects.toThrow(/ttlMs/);
  });

  it("keeps a channel's auto-reply override with who changed it and when", async () => {
    const { store } = await implementation.open(LONG);
    expect(await store.getChannelSetting("C0AAA")).toBeNull();
    await store.setChannelSetting("C0AAA", { autoReply: "off", changedBy: "U0ADMIN", changedAtMs: 1_700_000_000_000 });
    await store.setChannelSetting("C0BBB", { autoReply: "on", changedBy: "U0OTHER", changedAtMs: 1_700_000_000_001 });
    expect(await store.getChannelSetting("C0AAA")).toEqual({ autoReply: "off", changedBy: "U0ADMIN", changedAtMs: 1_700_000_000_000 });
    await store.setChannelSetting("C0AAA", { autoReply: "on", changedBy: "U0SECOND", changedAtMs: 1_700_000_100_000 });
    expect(await store.getChannelSetting("C0AAA")).toMatchObject({ autoReply: "on", changedBy: "U0SECOND" });
    expect(await store.getChannelSetting("C0BBB")).toMatchObject({ autoReply: "on", changedBy: "U0OTHER" });
  });

  it("compare-and-sets a channel's override: of concurrent changes from one reading, exactly one wins", async () => {
    const { store } = await implementation.open(LONG);
    const first = { autoReply: "off" as const, changedBy: "U0FIRST", changedAtMs: 1_700_000_000_000 };
    const tries = Array.from({ length: 8 }, (_, i) => ({ autoReply: "off" as const, changedBy: `U0RACER${i}`, changedAtMs: 1_700_000_000_000 + i }));
    const won = await Promise.all(tries.map((next) => store.replaceChannelSetting("C0RACE", null, next)));
    expect(won.filter(Boolean)).toHaveLength(1);
    const winner = tries[won.indexOf(true)]!;
    expect(await store.getChannelSetting("C0RACE")).toEqual(winner);

    // A stale expectation loses and changes nothing; the current one wins; null removes the override.
    expect(await store.replaceChannelSetting("C0RACE", first, { ...first, autoReply: "on" })).toBe(false);
    expect(await store.getChannelSetting("C0RACE")).toEqual(winner);
    expect(await store.replaceChannelSetting("C0RACE", winner, first)).toBe(true);
    expect(await store.getChannelSetting("C0RACE")).toEqual(first);
    expect(await store.replaceChannelSetting("C0RACE", first, null)).toBe(true);
    expect(await store.getChannelSetting("C0RACE")).toBeNull();
  });

  it("ranks the week's codes across channels with sightings and distinct people", async () => {
    const { sightings, elapse } = await implementation.open(LONG);
    // Nine days ago: inside retention, outside the 7-day list.
    await sightings.record("AST_MT_SETUP_ERR_OPEN_SERVER_CONN", "C0OPS", "U1");
    await elapse(2 * DAY_MS);
    for (const [user, channel] of [["U1", "C0OPS"], ["U2", "C0OPS"], ["U2", "C0HELP"], ["U3", "C0HELP"]] as const) {
      await sightings.record("BRK_MT_SETUP_TIMEOUT", channel, user);
    }
    await sightings.record("ZPN_ERR_SCIM_INACTIVE", "C0HELP", "U4");
    await sightings.record("ZPN_ERR_SCIM_INACTIVE", "C0HELP", "U4");
    await elapse(7 * DAY_MS - 60_000);

    expect(await sightings.top()).toEqual([
      { code: "BRK_MT_SETUP_TIMEOUT", count: 4, people: 3 },
      { code: "ZPN_ERR_SCIM_INACTIVE", count: 2, people: 1 },
    ]);
    expect(await sightings.top({ limit: 1 })).toHaveLength(1);
    const tenDays = await sightings.top({ days: 10 });
    expect(tenDays.map((row) => row.code)).toContain("AST_MT_SETUP_ERR_OPEN_SERVER_CONN");
  });

  it("forgets sightings once the retention has passed", async () => {
    const { sightings, store, elapse } = await implementation.open({ retentionMs: 2_000, recentWindowMs: 30 * 60_000 });
    await sightings.record("BRK_MT_SETUP_TIMEOUT", "C0OPS", "U1");
    expect(await sightings.top()).toHaveLength(1);
    expect((await sightings.spike("BRK_MT_SETUP_TIMEOUT", "C0OPS")).count).toBe(1);
    await elapse(2_500);
    expect(await sightings.top()).toEqual([]);
    expect(await store.recentActivity("BRK_MT_SETUP_TIMEOUT", "C0OPS", 0)).toEqual({ count: 0, people: 0 });
  });

  it("calls it a spike when enough different people post a code in one channel within the window", async () => {
    const { sightings, elapse } = await implementation.open(LONG, 3);
    await sightings.record("BRK_MT_SETUP_TIMEOUT", "C0OPS", "U1");
    await sightings.record("BRK_MT_SETUP_TIMEOUT", "C0OPS", "U1");
    await sightings.record("BRK_MT_SETUP_TIMEOUT", "C0OPS", "U2");
    await sightings.record("BRK_MT_SETUP_TIMEOUT", "C0ELSEWHERE", "U3");
    expect(await sightings.spike("BRK_MT_SETUP_TIMEOUT", "C0OPS")).toEqual({ count: 3, people: 2, windowMinutes: 30, isSpike: false });

    await elapse(10 * 60_000);
    await sightings.record("BRK_MT_SETUP_TIMEOUT", "C0OPS", "U3");
    expect(await sightings.spike("BRK_MT_SETUP_TIMEOUT", "C0OPS")).toMatchObject({ count: 4, people: 3, isSpike: true });
    expect((await sightings.spike("BRK_MT_SETUP_TIMEOUT", "C0ELSEWHERE")).people).toBe(1);

    // 25 minutes on, the first three sightings are older than the 30-minute window.
    await elapse(25 * 60_000);
    expect(await sightings.spike("BRK_MT_SETUP_TIMEOUT", "C0OPS")).toMatchObject({ count: 1, people: 1, isSpike: false });
  });

  it("adds the spike hint once per code, channel and window", async () => {
    const { sightings, elapse } = await implementation.open({ retentionMs: 30 * DAY_MS, recentWindowMs: 3_000 }, 2);
    const first = await sightings.observe("BRK_MT_SETUP_TIMEOUT", "C0OPS", "U1");
    expect(first).toMatchObject({ addSpikeHint: false, spike: { isSpike: false } });
    const second = await sightings.observe("BRK_MT_SETUP_TIMEOUT", "C0OPS", "U2");
    expect(second).toMatchObject({ addSpikeHint: true, spike: { people: 2, isSpike: true } });
    const third = await sightings.observe("BRK_MT_SETUP_TIMEOUT", "C0OPS", "U3");
    expect(third).toMatchObject({ addSpikeHint: false, spike: { people: 3, isSpike: true } });
    // Same spike in another channel gets its own hint.
    await sightings.record("BRK_MT_SETUP_TIMEOUT", "C0HELP", "U1");
    expect((await sightings.observe("BRK_MT_SETUP_TIMEOUT", "C0HELP", "U2")).addSpikeHint).toBe(true);

    await elapse(3_100);
    await sightings.record("BRK_MT_SETUP_TIMEOUT", "C0OPS", "U7");
    expect((await sightings.observe("BRK_MT_SETUP_TIMEOUT", "C0OPS", "U8")).addSpikeHint).toBe(true);
  });

  it("rejects codes and channels that are not ids, since they become parts of keys", async () => {
    const { sightings } = await implementation.open(LONG);
    await expect(sightings.record("brk:*", "C0OPS", "U1")).rejects.toThrow(/ZPA status code/);
    await expect(sightings.record("BRK_MT_SETUP_TIMEOUT", "C0OPS:x", "U1")).rejects.toThrow(/channel id/);
    expect(await sightings.top()).toEqual([]);
  });

  it("keeps the newest team note per code and at least 10 earlier versions, newest first", async () => {
    const { store } = await implementation.open(LONG);
    for (let i = 1; i <= NOTE_VERSIONS_KEPT + 3; i++) {
      await store.saveEditedNote("BRK_MT_SETUP_TIMEOUT", { text: `v${i}`, links: [], editedBy: "U0EDITOR", editedAtMs: i });
    }
    await store.saveEditedNote("AST_MT_SETUP_ERR_OPEN_SERVER_CONN", {
      text: "other",
      links: [{ title: "KB", url: "https://kb.example.com/1" }],
      owner: "Network team",
      editedBy: "U0EDITOR2",
      editedAtMs: 5,
    });
    const latest = await store.editedNotes();
    expect(latest.get("BRK_MT_SETUP_TIMEOUT")?.text).toBe(`v${NOTE_VERSIONS_KEPT + 3}`);
    expect(latest.get("AST_MT_SETUP_ERR_OPEN_SERVER_CONN")).toEqual({
      text: "other",
      links: [{ title: "KB", url: "https://kb.example.com/1" }],
      owner: "Network team",
      editedBy: "U0EDITOR2",
      editedAtMs: 5,
    });
    const history = await store.editedNoteHistory("BRK_MT_SETUP_TIMEOUT");
    expect(history.length).toBeGreaterThanOrEqual(11);
    expect(history.map((note) => note.text).slice(0, 3)).toEqual([`v${NOTE_VERSIONS_KEPT + 3}`, `v${NOTE_VERSIONS_KEPT + 2}`, `v${NOTE_VERSIONS_KEPT + 1}`]);
  });

  it("keeps feedback votes for the sightings' retention, then forgets them", async () => {
    const { store, elapse } = await implementation.open(LONG);
    const now = Date.now();
    const vote = { query: "saml too big", code: "BRK_MT_AUTH_SAML_TOO_LARGE", vote: "down" as const, alternatives: ["X"], userHash: "h1" };
    await store.recordFeedback({ ...vote, timeMs: now });
    await store.recordFeedback({ ...vote, vote: "up", userHash: "h2", timeMs: now });
    expect((await store.feedbackSince(0)).map((f) => f.vote).sort()).toEqual(["down", "up"]);
    await elapse(LONG.retentionMs + DAY_MS);
    expect(await store.feedbackSince(0)).toEqual([]);
  });
}

describe("in-process store", () => storeContract(implementations[0]!));

describeIfInstalled(REDIS_SERVER)("Redis store", () => {
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  storeContract(implementations[1]!);
});
