// The state's settings from the environment, the choice of store, the user hashing, and the
// in-process store's memory bounds.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config.js";
import { DAY_MS } from "../../src/state/buckets.js";
import { readStateConfig } from "../../src/state/config.js";
import { createMemoryStore } from "../../src/state/memory-store.js";
import { openState } from "../../src/state/open.js";
import { createUserHasher, RANDOM_SALT_WARNING } from "../../src/state/sightings.js";
import { startRedisServer, type RedisServer } from "../support/redis-server.js";
import { describeIfInstalled, REDIS_SERVER } from "../support/system-binaries.js";
import { configErrorFrom } from "../support/config-error.js";

const configError = (env: Record<string, string>): ConfigError => configErrorFrom(() => readStateConfig(env));

describe("state configuration", () => {
  it("defaults to the in-process store, 30 days, a 30-minute window and 5 people", () => {
    expect(readStateConfig({})).toEqual({
      redisUrl: undefined,
      keyPrefix: "zpa:",
      retentionMs: 30 * DAY_MS,
      spikeWindowMs: 30 * 60_000,
      spikeMinPeople: 5,
      salt: undefined,
    });
  });

  it("reads every variable", () => {
    const config = readStateConfig({
      REDIS_URL: "rediss://bot:pw@redis.internal:6380/2",
      REDIS_KEY_PREFIX: "zpa-prod:",
      SIGHTINGS_RETENTION_DAYS: "14",
      SPIKE_WINDOW_MINUTES: "10",
      SPIKE_MIN_PEOPLE: "3",
      SIGHTINGS_SALT: "a-long-random-shared-secret",
    });
    expect(config).toEqual({
      redisUrl: "rediss://bot:pw@redis.internal:6380/2",
      keyPrefix: "zpa-prod:",
      retentionMs: 14 * DAY_MS,
      spikeWindowMs: 10 * 60_000,
      spikeMinPeople: 3,
      salt: "a-long-random-shared-secret",
    });
  });

  it("names the bad variable and never echoes its value", () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ REDIS_URL: "http://user:hunter2-secret@cache:6379" }, "REDIS_URL"],
      [{ REDIS_URL: "hunter2-secret" }, "REDIS_URL"],
      [{ REDIS_URL: "redis://bot:hunter2%secret@cache:6379" }, "REDIS_URL"],
      [{ REDIS_KEY_PREFIX: "zpa prod*" }, "REDIS_KEY_PREFIX"],
      [{ SIGHTINGS_RETENTION_DAYS: "0" }, "SIGHTINGS_RETENTION_DAYS"],
      [{ SIGHTINGS_RETENTION_DAYS: "1.5" }, "SIGHTINGS_RETENTION_DAYS"],
      [{ SPIKE_WINDOW_MINUTES: "soon" }, "SPIKE_WINDOW_MINUTES"],
      [{ SPIKE_MIN_PEOPLE: "-2" }, "SPIKE_MIN_PEOPLE"],
      [{ SIGHTINGS_SALT: "short" }, "SIGHTINGS_SALT"],
      [{ REDIS_URL: "redis://bot:hunter2-secret@cache:6379/abc" }, "REDIS_URL"],
      [{ REDIS_URL: "redis://bot:hunter2-secret@cache:6379/1x" }, "REDIS_URL"],
      [{ REDIS_URL: "redis://bot:hunter2-secret@cache:6379/-1" }, "REDIS_URL"],
      [{ SPIKE_MIN_PEOPLE: "0x10" }, "SPIKE_MIN_PEOPLE"],
    ];
    for (const [env, variable] of cases) {
      const error = configError(env);
      expect(error.variable).toBe(variable);
      expect(error.message.startsWith(variable)).toBe(true);
      expect(error.message).not.toContain("hunter2");
      expect(error.message).not.toContain(Object.values(env)[0]);
    }
  });
});

describeIfInstalled(REDIS_SERVER)("opening the state", () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it("uses the in-process store without REDIS_URL and warns once about the random salt", async () => {
    const warnings: string[] = [];
    const state = await openState({}, (line) => warnings.push(line));
    expect(state.store.kind).toBe("memory");
    expect(state.store.where).toBe("in-process");
    expect(warnings).toEqual([RANDOM_SALT_WARNING]);
    await state.sightings.record("BRK_MT_SETUP_TIMEOUT", "C0OPS", "U1");
    expect(await state.sightings.top()).toEqual([{ code: "BRK_MT_SETUP_TIMEOUT", count: 1, people: 1 }]);
    await state.store.close();
  });

  it("uses Redis when REDIS_URL is set, and is quiet with a salt", async () => {
    const warnings: string[] = [];
    const state = await openState(
      { REDIS_URL: redis.url, REDIS_KEY_PREFIX: "t:open:", SIGHTINGS_SALT: "shared-by-all-replicas-1" },
      (line) => warnings.push(line),
    );
    expect(state.store.kind).toBe("redis");
    expect(state.store.where).toBe(`Redis at 127.0.0.1:${redis.port}`);
    expect(warnings).toEqual([]);
    expect(await state.store.claim("k", 10_000)).toBe(true);
    await state.store.close();
  });

  it("writes to the database REDIS_URL names", async () => {
    const state = await openState({ REDIS_URL: `${redis.url}/3`, REDIS_KEY_PREFIX: "t:db:" }, () => undefined);
    await state.store.claim("in-db-3", 10_000);
    await state.store.close();
    const inspector = new Redis(`${redis.url}/3`);
    try {
      expect(await inspector.exists("t:db:claim:in-db-3")).toBe(1);
      expect(await inspector.select(0).then(() => inspector.exists("t:db:claim:in-db-3"))).toBe(0);
    } finally {
      inspector.disconnect();
    }
  });

  it("refuses a database this Redis does not have with a ConfigError naming REDIS_URL, and writes nothing to db 0", async () => {
    const error = await openState({ REDIS_URL: `${redis.url}/99999`, REDIS_KEY_PREFIX: "t:nodb:" }, () => undefined).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe("REDIS_URL");
    expect((error as ConfigError).message).toMatch(/^REDIS_URL names database 99999, which this Redis does not have/);
    const inspector = new Redis(redis.url);
    try {
      expect(await inspector.keys("t:nodb:*")).toEqual([]);
    } finally {
      inspector.disconnect();
    }
  });
});

describe("user hashing", () => {
  it("gives the same person the same hash under one salt, and an unrelated one under another", () => {
    const replicaA = createUserHasher("shared-by-all-replicas-1");
    const replicaB = createUserHasher("shared-by-all-replicas-1");
    const otherDeployment = createUserHasher("a-different-secret-salt");
    expect(replicaA("U0123ABCD")).toBe(replicaB("U0123ABCD"));
    expect(replicaA("U0123ABCD")).not.toBe(replicaA("U0123ABCE"));
    expect(replicaA("U0123ABCD")).not.toBe(otherDeployment("U0123ABCD"));
    expect(replicaA("U0123ABCD")).not.toContain("U0123ABCD");
  });
});

describe("the in-process store's memory", () => {
  it("stays within its bounds however many claims, channels and codes arrive", async () => {
    let now = Date.now();
    const store = createMemoryStore({ retentionMs: DAY_MS, recentWindowMs: 30 * 60_000, clock: () => now, maxEntries: 100 });
    for (let i = 0; i < 2_000; i += 1) {
      await store.claim(`reply:C0OPS:${i}:BRK_MT_SETUP_TIMEOUT`, 3_600_000);
      await store.recordSighting({ code: `CODE_${i % 300}`, channel: `C${i}`, timeMs: now, userHash: `h${i}` });
      await store.setChannelSetting(`C${i}`, { autoReply: "off", changedBy: "U1", changedAtMs: now });
    }
    // claims + settings + codes in the one hour + channel/code pairs, each capped at 100.
    expect(store.entryCount()).toBeLessThanOrEqual(400);
    // The newest claims are kept: a redelivery of a recent event is still caught.
    expect(await store.claim("reply:C0OPS:1999:BRK_MT_SETUP_TIMEOUT", 3_600_000)).toBe(false);

    now += DAY_MS + 1;
    expect(await store.topCodes(0, 10)).toEqual([]);
    expect(store.entryCount()).toBeLessThanOrEqual(200);
  });

  it("caps sightings by count inside their window too: recent sightings, code tallies and people, all trails and hours together", async () => {
    let now = Date.now();
    const store = createMemoryStore({ retentionMs: 30 * DAY_MS, recentWindowMs: 30 * 60_000, clock: () => now, maxEntries: 100 });
    // 5,000 sightings within one spike window, over 100 hours of retention: none expires by age.
    for (let i = 0; i < 5_000; i += 1) {
      if (i % 50 === 0) now += 3_600_000 / 100;
      await store.recordSighting({ code: `CODE_${i % 7}`, channel: `C${i % 30}`, timeMs: now, userHash: `person-${i}` });
    }
    const held = store.heldCounts();
    expect(held.recentSightings).toBeLessThanOrEqual(100);
    expect(held.trails).toBeLessThanOrEqual(100);
    expect(held.tallies).toBeLessThanOrEqual(100);
    expect(held.people).toBeLessThanOrEqual(500);
    // The newest activity is what is kept: the latest trail still counts its latest sighting.
    expect((await store.recentActivity(`CODE_${4_999 % 7}`, `C${4_999 % 30}`, now - 60_000)).count).toBeGreaterThan(0);
    expect((await store.topCodes(now - 3_600_000, 10)).length).toBeGreaterThan(0);
  });
});
