// The auto-reply state path per message (dedupe claim + sighting record + spike check), in-process
// against Redis over loopback, same run; plus the 7-day top list that "Seen this week" reads.
// Baseline: the in-process store. Redis needs a redis-server on PATH; without one it is skipped.
import { randomUUID } from "node:crypto";
import { DAY_MS } from "../src/state/buckets.js";
import { createMemoryStore } from "../src/state/memory-store.js";
import { connectRedisStore } from "../src/state/redis-store.js";
import type { SightingLimits, StateStore } from "../src/state/store.js";
import { createSightings, createUserHasher } from "../src/state/sightings.js";
import { redisServerInstalled, startRedisServer } from "../test/support/redis-server.js";

const LIMITS: SightingLimits = { retentionMs: 30 * DAY_MS, recentWindowMs: 30 * 60_000 };
const MESSAGES = 4_000;
const WARM_UP = 300;
const CONCURRENCY = [1, 32];
const TOP_QUERIES = 50;
const CODES = ["BRK_MT_SETUP_TIMEOUT", "AST_MT_SETUP_ERR_OPEN_SERVER_CONN", "ZPN_ERR_SCIM_INACTIVE", "BRK_MT_CLOSED_FROM_ASSISTANT"];

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** What one channel message costs the state: exactly what the auto-reply path will call. */
async function messagePath(store: StateStore, label: string, count: number, concurrency: number): Promise<Figures> {
  const sightings = createSightings(store, {
    hashUser: createUserHasher("bench-salt-0123456789abcdef"),
    spikeWindowMs: LIMITS.recentWindowMs,
    spikeMinPeople: 5,
  });
  const times: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const n = next++;
      const code = CODES[n % CODES.length]!;
      const channel = `C0BENCH${n % 10}`;
      const started = performance.now();
      if (await store.claim(`reply:${channel}:${label}.${n}:${code}`, 3_600_000)) {
        await sightings.observe(code, channel, `U${n % 200}`);
      }
      times.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - started;
  times.sort((a, b) => a - b);
  return { perSecond: count / (elapsed / 1000), p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function topQuery(store: StateStore): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < TOP_QUERIES; i += 1) {
    const started = performance.now();
    await store.topCodes(Date.now() - 7 * DAY_MS, 10);
    times.push(performance.now() - started);
  }
  return percentile(times.sort((a, b) => a - b), 50);
}

function line(name: string, figures: Figures, baseline: Figures | undefined): string {
  const ratio = baseline ? `  ${(baseline.perSecond / figures.perSecond).toFixed(1)}x the in-process time per message` : "  (baseline)";
  return `${name.padEnd(30)} ${figures.perSecond.toFixed(0).padStart(8)} msg/s  p50 ${figures.p50.toFixed(3)} ms  p99 ${figures.p99.toFixed(3)} ms${ratio}`;
}

export async function run(): Promise<void> {
  console.log(`${MESSAGES} messages per row (after ${WARM_UP} warm-up), each: dedupe claim + record + spike check`);
  const memory = createMemoryStore(LIMITS);
  const baselines = new Map<number, Figures>();
  for (const concurrency of CONCURRENCY) {
    await messagePath(memory, `warm${concurrency}`, WARM_UP, concurrency);
    const figures = await messagePath(memory, `mem${concurrency}`, MESSAGES, concurrency);
    baselines.set(concurrency, figures);
    console.log(line(`in-process, ${concurrency} in flight`, figures, undefined));
  }
  const memoryTop = await topQuery(memory);
  console.log(`in-process heap after ${2 * (MESSAGES + WARM_UP)} messages: ${(process.memoryUsage().heapUsed / 1e6).toFixed(1)} MB, ${memory.entryCount()} entries`);
  await memory.close();

  if (!(await redisServerInstalled())) {
    console.log("Redis: skipped (no redis-server on PATH; apt-get install redis-server)");
    console.log(`7-day top list, p50 of ${TOP_QUERIES}: in-process ${memoryTop.toFixed(3)} ms`);
    return;
  }
  const server = await startRedisServer();
  try {
    const redis = await connectRedisStore({ ...LIMITS, url: server.url, keyPrefix: `bench:${randomUUID()}:` });
    for (const concurrency of CONCURRENCY) {
      await messagePath(redis, `warm${concurrency}`, WARM_UP, concurrency);
      const figures = await messagePath(redis, `redis${concurrency}`, MESSAGES, concurrency);
      console.log(line(`Redis (loopback), ${concurrency} in flight`, figures, baselines.get(concurrency)));
    }
    const redisTop = await topQuery(redis);
    console.log(`7-day top list, p50 of ${TOP_QUERIES}: in-process ${memoryTop.toFixed(3)} ms, Redis ${redisTop.toFixed(3)} ms`);
    await redis.close();
  } finally {
    await server.stop();
  }
}
