// The Redis store dropped in as the bot's DedupeStore: two replicas get the same pasted code (the
// message event on one, the app_mention on the other) and exactly one of them answers.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { autoReply, type IncomingMessage } from "../../src/bot/auto-reply.js";
import { createBot, type Bot } from "../../src/bot/bot.js";
import { loadCatalog } from "../../src/catalog/load.js";
import { createSearch } from "../../src/search/index.js";
import { DAY_MS } from "../../src/state/buckets.js";
import { connectRedisStore } from "../../src/state/redis-store.js";
import type { StateStore } from "../../src/state/store.js";
import { startRedisServer, type RedisServer } from "../support/redis-server.js";
import { describeIfInstalled, REDIS_SERVER } from "../support/system-binaries.js";

let redis: RedisServer;
const stores: StateStore[] = [];
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  await redis?.stop();
});

describeIfInstalled(REDIS_SERVER)("two bot replicas sharing Redis", () => {
  it("answer a pasted code once between them, and again after a failed send is released", async () => {
    const catalog = loadCatalog();
    const search = createSearch(catalog);
    const keyPrefix = `t:${randomUUID()}:`;
    const replica = async (): Promise<Bot> => {
      const store = await connectRedisStore({ url: redis.url, keyPrefix, retentionMs: DAY_MS, recentWindowMs: 1_800_000 });
      stores.push(store);
      return createBot({ catalog, search, autoReply: { enabled: true, channels: null, dedupeHours: 24 }, dedupe: store });
    };
    const [a, b] = [await replica(), await replica()];
    const message: IncomingMessage = {
      channel: "C0OPS",
      user: "U0PASTER",
      text: "users get BRK_MT_SETUP_TIMEOUT since 9am",
      ts: "1712000000.000100",
      isMention: false,
    };

    const [fromA, fromB] = await Promise.all([autoReply(a, message, "U0BOT"), autoReply(b, { ...message, isMention: true }, "U0BOT")]);
    const answers = [fromA, fromB].filter((reply) => reply !== null);
    expect(answers).toHaveLength(1);
    expect(JSON.stringify(answers[0]!.outgoing)).toContain("BRK_MT_SETUP_TIMEOUT");

    // Slack redelivers the event to the other replica: still no second answer.
    expect(await autoReply(fromA ? b : a, message, "U0BOT")).toBeNull();
    // The send failed and the claim was given back: a redelivery may answer now.
    await answers[0]!.release();
    expect(await autoReply(b, message, "U0BOT")).not.toBeNull();
  });
});
