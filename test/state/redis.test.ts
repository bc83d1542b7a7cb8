// What only the Redis store promises: replicas share it, every key is namespaced and expiring, no raw
// user ids are stored, and it fails fast and recovers when Redis goes away. Real redis-servers only.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { DAY_MS } from "../../src/state/buckets.js";
import { StateUnavailableError, type StateStore } from "../../src/state/store.js";
import { connectRedisStore, type RedisStoreOptions } from "../../src/state/redis-store.js";
import { createSightings, createUserHasher } from "../../src/state/sightings.js";
import { freePort, startRedisServer, type RedisServer } from "../support/redis-server.js";
import { describeIfInstalled, REDIS_SERVER } from "../support/system-binaries.js";

let redis: RedisServer;
let inspector: Redis;
beforeAll(async () => {
  redis = await startRedisServer();
  inspector = new Redis(redis.url, { lazyConnect: true });
  await inspector.connect();
});
afterAll(async () => {
  inspector?.disconnect();
  await redis?.stop();
});

const opened: StateStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

async function open(options: Partial<RedisStoreOptions> & { keyPrefix: string }): Promise<StateStore> {
  const store = await connectRedisStore({ url: redis.url, retentionMs: 30 * DAY_MS, recentWindowMs: 30 * 60_000, ...options });
  opened.push(store);
  return store;
}

async function keysUnder(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await inspector.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== "0");
  return keys.sort();
}

const hashUser = createUserHasher("redis-test-salt-0123456789");
const sightingsOn = (store: StateStore) => createSightings(store, { hashUser, spikeWindowMs: 30 * 60_000, spikeMinPeople: 2 });

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describeIfInstalled(REDIS_SERVER)("two bot replicas on one Redis", () => {
  it("answer once: a dedupe claim through one is seen by the other", async () => {
    const prefix = `t:${randomUUID()}:`;
    const [a, b] = [await open({ keyPrefix: prefix }), await open({ keyPrefix: prefix })];
    const key = "reply:C0OPS:1712.0001:BRK_MT_SETUP_TIMEOUT";
    // Both race for the same Slack event, as two replicas behind one load balancer would.
    const results = await Promise.all([a.claim(key, 60_000), b.claim(key, 60_000), a.claim(key, 60_000), b.claim(key, 60_000)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    await a.release(key);
    expect(await b.claim(key, 60_000)).toBe(true);
  });

  it("share channel settings and sightings, and add the spike hint once between them", async () => {
    const prefix = `t:${randomUUID()}:`;
    const [a, b] = [await open({ keyPrefix: prefix }), await open({ keyPrefix: prefix })];
    await a.setChannelSetting("C0OPS", { autoReply: "off", changedBy: "U0ADMIN", changedAtMs: 1_700_000_000_000 });
    expect(await b.getChannelSetting("C0OPS")).toEqual({ autoReply: "off", changedBy: "U0ADMIN", changedAtMs: 1_700_000_000_000 });

    const [onA, onB] = [sightingsOn(a), sightingsOn(b)];
    expect((await onA.observe("BRK_MT_SETUP_TIMEOUT", "C0OPS", "U1")).addSpikeHint).toBe(false);
    const hints = await Promise.all([
      onB.observe("BRK_MT_SETUP_TIMEOUT", "C0OPS", "U2"),
      onA.observe("BRK_MT_SETUP_TIMEOUT", "C0OPS", "U3"),
    ]);
    expect(hints.filter((hint) => hint.addSpikeHint)).toHaveLength(1);
    expect(await onB.top()).toEqual([{ code: "BRK_MT_SETUP_TIMEOUT", count: 3, people: 3 }]);
  });

  it("do not see another deployment's keys under a different prefix", async () => {
    const mine = await open({ keyPrefix: `t:${randomUUID()}:` });
    const theirs = await open({ keyPrefix: `t:${randomUUID()}:` });
    await sightingsOn(theirs).record("BRK_MT_SETUP_TIMEOUT", "C0OPS", "U1");
    expect(await mine.claim("reply:C0OPS:1:BRK_MT_SETUP_TIMEOUT", 60_000)).toBe(true);
    expect(await theirs.claim("reply:C0OPS:1:BRK_MT_SETUP_TIMEOUT", 60_000)).toBe(true);
    expect(await sightingsOn(mine).top()).toEqual([]);
  });
});

describeIfInstalled(REDIS_SERVER)("Redis keys", () => {
  it("all carry the prefix and an expiry, and hold hashed users only", async () => {
    const prefix = `t:${randomUUID()}:`;
    const store = await open({ keyPrefix: prefix });
    const sightings = sightingsOn(store);
    await store.claim("reply:C0OPS:1:BRK_MT_SETUP_TIMEOUT", 60_000);
    await store.setChannelSetting("C0OPS", { autoReply: "on", changedBy: "U0ADMIN", changedAtMs: Date.now() });
    await sightings.observe("BRK_MT_SETUP_TIMEOUT", "C0OPS", "U0RAWUSER1");
    await sightings.observe("BRK_MT_SETUP_TIMEOUT", "C0OPS", "U0RAWUSER2");

    const keys = await keysUnder(prefix);
    expect(keys.map((key) => key.slice(prefix.length).split(":")[0])).toEqual(
      expect.arrayContaining(["claim", "channel", "seen", "people", "recent", "recent-people"]),
    );
    for (const key of keys) {
      expect(await inspector.pttl(key), key).toBeGreaterThan(0);
      const dump = (await inspector.dumpBuffer(key))?.toString("latin1") ?? "";
      expect(key + dump, key).not.toContain("U0RAWUSER");
    }
    const people = await inspector.zrange(keys.find((key) => key.includes("recent-people:"))!, 0, -1);
    expect(people.sort()).toEqual([hashUser("U0RAWUSER1"), hashUser("U0RAWUSER2")].sort());
  });

  it("really expire: with a two-second retention nothing is left after it", async () => {
    const prefix = `t:${randomUUID()}:`;
    const store = await open({ keyPrefix: prefix, retentionMs: 2_000, recentWindowMs: 60_000 });
    await sightingsOn(store).record("BRK_MT_SETUP_TIMEOUT", "C0OPS", "U1");
    await store.claim("reply:C0OPS:1:BRK_MT_SETUP_TIMEOUT", 2_000);
    expect((await keysUnder(prefix)).length).toBeGreaterThanOrEqual(5);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await keysUnder(prefix)).toEqual([]);
  });
});

describeIfInstalled(REDIS_SERVER)("when Redis is not there", () => {
  it("at start: a clear error naming host:port, never the password", async () => {
    const port = await freePort();
    const error = await connectRedisStore({
      url: `redis://zpa:s3cret-Pa55word@127.0.0.1:${port}/0`,
      retentionMs: DAY_MS,
      recentWindowMs: 60_000,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StateUnavailableError);
    expect((error as Error).message).toMatch(new RegExp(`^Redis at 127\\.0\\.0\\.1:${port} is unreachable`));
    expect((error as Error).message).not.toContain("s3cret");
  });

  it("mid-run: operations fail fast and health goes false; both come back when Redis returns", async () => {
    const own = await startRedisServer();
    try {
      const store = await connectRedisStore({ url: own.url, retentionMs: DAY_MS, recentWindowMs: 60_000, keyPrefix: "t:" });
      opened.push(store);
      const changes: boolean[] = [];
      store.onHealthChange((healthy) => changes.push(healthy));
      expect(store.isHealthy()).toBe(true);
      expect(await store.claim("before", 60_000)).toBe(true);

      await own.stop();
      await until(() => !store.isHealthy(), "health to turn false");
      await expect(store.claim("during", 60_000)).rejects.toThrow(StateUnavailableError);
      await expect(store.getChannelSetting("C0OPS")).rejects.toThrow(new RegExp(`Redis at 127\\.0\\.0\\.1:${own.port} is unavailable`));
      await expect(sightingsOn(store).record("BRK_MT_SETUP_TIMEOUT", "C0OPS", "U1")).rejects.toThrow(StateUnavailableError);

      await own.start();
      await until(() => store.isHealthy(), "health to come back");
      expect(await store.claim("after", 60_000)).toBe(true);
      expect(changes).toEqual([false, true]);
    } finally {
      await own.stop();
    }
  });
});
