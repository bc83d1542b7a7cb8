// Auto-reply handling throughput through the real bot path (autoReply: scan + channel setting + dedupe
// + sightings + spike check + render), with "send" only counting the outgoing reply. Same run: no state
// (the pre-state path, for reference), in-process state (the baseline of the ratio), and Redis over
// loopback (needs redis-server on PATH; skipped without one).
import { randomUUID } from "node:crypto";
import { autoReply, type IncomingMessage } from "../src/bot/auto-reply.js";
import { createBot, type Bot } from "../src/bot/bot.js";
import { loadCatalog } from "../src/catalog/load.js";
import { createSearch } from "../src/search/index.js";
import { DAY_MS } from "../src/state/buckets.js";
import { createMemoryStore } from "../src/state/memory-store.js";
import { connectRedisStore } from "../src/state/redis-store.js";
import { systemClock, type StateStore } from "../src/state/store.js";
import { createSightings, createUserHasher } from "../src/state/sightings.js";
import { redisServerInstalled, startRedisServer } from "../test/support/redis-server.js";

const MESSAGES = 3_000;
const WARM_UP = 300;
const CONCURRENCY = [1, 16];
const WINDOW_MS = 30 * 60_000;
const BOT_USER = "U0BENCHBOT";

const catalog = loadCatalog();
const search = createSearch(catalog);
const CODES = catalog.entries.map((entry) => entry.code);

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  replies: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function coreWith(store: StateStore | undefined): Bot {
  const config = { catalog, search, autoReply: { enabled: true, channels: null, dedupeHours: 24 } };
  if (!store) return createBot(config);
  const sightings = createSightings(store, { hashUser: createUserHasher("bench-salt-0123456789abcdef"), spikeWindowMs: WINDOW_MS, spikeMinPeople: 5 });
  return createBot(config, { store, sightings, clock: systemClock });
}

/** A pasted log line: one or two codes, ten channels, 200 people, every fifth message a reply in an earlier thread. */
function messageFor(label: string, n: number): IncomingMessage {
  const code = CODES[(n * 7) % CODES.length]!;
  const second = n % 3 === 0 ? ` then ${CODES[(n * 13) % CODES.length]!}` : "";
  const ts = `1700000000.${label}${n}`;
  return {
    channel: `C0BENCH${n % 10}`,
    user: `U0PERSON${n % 200}`,
    text: `2024-05-01T09:12:44Z zpa-connector[812]: session closed status=${code}${second} app=10.1.2.${n % 250}:443`,
    ts,
    ...(n % 5 === 4 ? { threadTs: `1700000000.${label}${n - 1}` } : {}),
    isMention: false,
  };
}

async function handle(core: Bot, label: string, count: number, concurrency: number): Promise<Figures> {
  const times: number[] = [];
  let next = 0;
  let replies = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const n = next++;
      const started = performance.now();
      const reply = await autoReply(core, messageFor(label, n), BOT_USER);
      if (reply) replies += reply.outgoing.kind === "postMessage" ? 1 : 0;
      times.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - started;
  times.sort((a, b) => a - b);
  return { perSecond: count / (elapsed / 1000), p50: percentile(times, 50), p99: percentile(times, 99), replies };
}

function line(name: string, figures: Figures, baseline: Figures | undefined, role: string): string {
  const ratio = baseline ? `  ${(baseline.perSecond / figures.perSecond).toFixed(2)}x the in-process time per message` : `  (${role})`;
  return (
    `${name.padEnd(34)} ${figures.perSecond.toFixed(0).padStart(7)} msg/s  p50 ${figures.p50.toFixed(3)} ms  ` +
    `p99 ${figures.p99.toFixed(3)} ms  ${figures.replies} replies${ratio}`
  );
}

async function rows(name: string, core: Bot, baselines: Map<number, Figures> | undefined, role = "baseline"): Promise<Map<number, Figures>> {
  const out = new Map<number, Figures>();
  for (const concurrency of CONCURRENCY) {
    await handle(core, `w${name.length}${concurrency}`, WARM_UP, concurrency);
    const figures = await handle(core, `${name.length}${concurrency}x`, MESSAGES, concurrency);
    out.set(concurrency, figures);
    console.log(line(`${name}, ${concurrency} in flight`, figures, baselines?.get(concurrency), role));
  }
  return out;
}

export async function run(): Promise<void> {
  console.log(`${MESSAGES} pasted log lines per row (after ${WARM_UP} warm-up) through autoReply; sending is not timed`);
  const memory = createMemoryStore({ retentionMs: 30 * DAY_MS, recentWindowMs: WINDOW_MS });
  await rows("no state", coreWith(undefined), undefined, "reference: no settings, sightings or spike check");
  const baselines = await rows("in-process state", coreWith(memory), undefined);
  await memory.close();

  if (!(await redisServerInstalled())) {
    console.log("Redis: skipped (no redis-server on PATH; apt-get install redis-server)");
    return;
  }
  const server = await startRedisServer();
  try {
    const redis = await connectRedisStore({ retentionMs: 30 * DAY_MS, recentWindowMs: WINDOW_MS, url: server.url, keyPrefix: `bench:${randomUUID()}:` });
    await rows("Redis state (loopback)", coreWith(redis), baselines);
    await redis.close();
  } finally {
    await server.stop();
  }
}
