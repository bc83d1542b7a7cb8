// The real entry point (npm start) with state: it refuses to start without its Redis, names a bad state
// variable, and on SIGTERM closes the store only after the reply in flight went out.
import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startFakeSlackApi, type FakeSlackApi } from "../support/fake-slack-api.js";
import { channelMessage } from "../support/payloads.js";
import { freePort, startRedisServer, type RedisServer } from "../support/redis-server.js";
import { describeIfInstalled, REDIS_SERVER } from "../support/system-binaries.js";
import { postEvent } from "../support/sign.js";
import { spawnMain } from "../support/spawn-main.js";

const BOT = "xoxb-9999-8888-STATEbotTOKEN";
const SIGNING = "5tateSigningSecret0123456789abcd";
const SLACK = { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, PORT: "0" };

let api: FakeSlackApi;
let redis: RedisServer;
beforeAll(async () => {
  [api, redis] = await Promise.all([startFakeSlackApi(), startRedisServer()]);
});
afterAll(async () => {
  await api?.close();
  await redis?.stop();
});

describeIfInstalled(REDIS_SERVER)("npm start with state", () => {
  it("exits 69 with one line naming host:port (never the password) when Redis is unreachable", async () => {
    const port = await freePort();
    const main = spawnMain({ ...SLACK, SLACK_API_URL: api.apiUrl, REDIS_URL: `redis://zpa:pa55-w0rd-x@127.0.0.1:${port}` });
    const { code } = await main.exited();
    expect(code).toBe(69);
    const lines = main.output().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Cannot start: Redis at 127\\.0\\.0\\.1:${port} is unreachable \\(.+\\); check REDIS_URL$`));
    expect(main.output()).not.toContain("pa55-w0rd-x");
    expect(api.callsTo("auth.test")).toEqual([]);
  });

  it.concurrent.each([
    ["SPIKE_MIN_PEOPLE", { SPIKE_MIN_PEOPLE: "many" }],
    ["REDIS_URL", { REDIS_URL: "http://cache.internal:6379" }],
    ["SIGHTINGS_SALT", { SIGHTINGS_SALT: "short" }],
  ])("exits 78 with one line naming a bad %s", async (variable, env) => {
    const main = spawnMain({ ...SLACK, SLACK_API_URL: api.apiUrl, ...env });
    const { code } = await main.exited();
    expect(code).toBe(78);
    const lines = main.output().trim().split("\n");
    expect(lines).toEqual([expect.stringContaining(`Configuration error: ${variable} `)]);
    for (const value of Object.values(env)) expect(main.output()).not.toContain(value);
  });

  it.concurrent.each([
    ["/abc", "has a database that is not a whole number"],
    ["/99999", "names database 99999, which this Redis does not have"],
  ])("exits 78 with one line naming REDIS_URL for a database ending in %s (not db 0 in silence)", async (path, problem) => {
    const main = spawnMain({ ...SLACK, SLACK_API_URL: api.apiUrl, REDIS_URL: `${redis.url}${path}` });
    const { code } = await main.exited();
    expect(code).toBe(78);
    expect(main.output().trim().split("\n")).toEqual([expect.stringMatching(new RegExp(`^Configuration error: REDIS_URL ${problem}`))]);
  });

  it("on SIGTERM lets the reply in flight finish, then closes the Redis store and exits 0", async () => {
    api.holdAnswers("chat.postMessage", 1_000);
    const main = spawnMain({
      ...SLACK,
      SLACK_API_URL: api.apiUrl,
      REDIS_URL: redis.url,
      SIGHTINGS_SALT: "a-salt-shared-by-every-replica",
      LOG_LEVEL: "info",
    });
    try {
      await main.waitForOutput(new RegExp(`State: Redis at 127\\.0\\.0\\.1:${redis.port}`));
      const [, port] = await main.waitForOutput(/listening on port (\d+)/);
      const accepted = await postEvent(`http://127.0.0.1:${port}`, SIGNING, channelMessage("users see BRK_MT_SETUP_TIMEOUT", { user: "U0SIGTERM" }));
      expect(accepted.status).toBe(200);
      const [reply] = await api.waitForCalls("chat.postMessage", 1);
      main.child.kill("SIGTERM");
      const { code } = await main.exited();
      expect(code).toBe(0);
      expect(reply!.answerStartedAt).toBeDefined();
      const closed = /^(\S+) INFO .*State store closed \(Redis at 127\.0\.0\.1:\d+\)$/m.exec(main.output());
      expect(closed, main.output()).not.toBeNull();
      // The store closes only after the reply in flight got its answer, so no earlier than the fake began writing it
      // (answeredAt is read in a callback that a loaded test process may run late).
      expect(Date.parse(closed![1]!)).toBeGreaterThanOrEqual(reply!.answerStartedAt!);
      for (const secret of [BOT, SIGNING, "a-salt-shared-by-every-replica"]) expect(main.output()).not.toContain(secret);
    } finally {
      api.holdAnswers("chat.postMessage", 0);
      main.child.kill("SIGKILL");
    }
    // The sighting went to the shared store, hashed.
    const inspector = new Redis(redis.url);
    try {
      const keys = await inspector.keys("zpa:*");
      expect(keys.some((key) => key.startsWith("zpa:seen:"))).toBe(true);
      for (const key of keys) expect(key + ((await inspector.dumpBuffer(key))?.toString("latin1") ?? "")).not.toContain("U0SIGTERM");
    } finally {
      inspector.disconnect();
    }
  });
});
