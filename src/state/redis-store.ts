// Shared state in Redis, so several bot replicas dedupe, count and remember settings as one.
// Operations fail fast while Redis is away (no offline queue) and ioredis reconnects on its own.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { HOUR_MS, hourBucket, hourBucketsBetween, rankCodes } from "./buckets.js";
import { ConfigError } from "../config.js";
import { redisDatabaseOf } from "./config.js";
import { parseEditedNote, parseFeedback } from "./records.js";
import { DEFAULT_KEY_PREFIX, redisKeys } from "./redis-keys.js";
import {
  StateUnavailableError,
  assertClaimKey,
  MAX_FEEDBACK_KEPT,
  MAX_RECENT_SIGHTINGS_PER_CODE,
  NOTE_VERSIONS_KEPT,
  SETTING_TTL_MS,
  systemClock,
  type ChannelSetting,
  type Clock,
  type CodeCount,
  type EditedNote,
  type Feedback,
  type HealthListener,
  type SightingLimits,
  type StateStore,
} from "./store.js";

export interface RedisStoreOptions extends SightingLimits {
  /** redis://[user:password@]host:port[/db] or rediss:// for TLS. */
  url: string;
  /** Namespace of every key; tests use a unique one. */
  keyPrefix?: string;
  clock?: Clock;
  connectTimeoutMs?: number;
  commandTimeoutMs?: number;
  /** Longest pause between reconnect attempts after Redis went away. */
  maxReconnectDelayMs?: number;
}

export interface RedisStateStore extends StateStore {
  readonly kind: "redis";
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 2_000;
export const DEFAULT_COMMAND_TIMEOUT_MS = 1_000;
export const DEFAULT_MAX_RECONNECT_DELAY_MS = 1_000;
/** ZUNION and ZADD GT arrived in Redis 6.2. */
const MINIMUM_VERSION = [6, 2] as const;

/** "host:port" of a Redis URL: what messages may show (never the user or password). */
export function redisAddress(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname || "localhost"}:${parsed.port || "6379"}`;
}

/** Connects, or throws StateUnavailableError("Redis at host:port is unreachable ...") for the app to exit on. */
export async function connectRedisStore(options: RedisStoreOptions): Promise<RedisStateStore> {
  const address = redisAddress(options.url);
  const describe = reasonOf(options.url);
  const client = new Redis(options.url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    commandTimeout: options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
    // ioredis waits this long for an already-closed socket on disconnect(), delaying a CLI's exit.
    disconnectTimeout: 200,
    retryStrategy: (attempt) => Math.min(attempt * 100, options.maxReconnectDelayMs ?? DEFAULT_MAX_RECONNECT_DELAY_MS),
  });
  let lastError: unknown;
  // A listener must always be attached, or ioredis prints every connection error itself.
  client.on("error", (error: unknown) => (lastError = error));
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new StateUnavailableError(`Redis at ${address} is unreachable (${describe(lastError ?? error)})`, { cause: error });
  }
  try {
    await requireVersion(client, address);
    await requireDatabase(client, redisDatabaseOf(options.url));
  } catch (error) {
    client.disconnect();
    if (error instanceof StateUnavailableError || error instanceof ConfigError) throw error;
    throw new StateUnavailableError(`Redis at ${address} is unreachable (${describe(error)})`, { cause: error });
  }
  return createRedisStore(client, address, describe, options);
}

async function requireVersion(client: Redis, address: string): Promise<void> {
  const info = await client.info("server");
  const version = /^redis_version:(\d+)\.(\d+)/m.exec(info);
  if (!version) return;
  const [major, minor] = [Number(version[1]), Number(version[2])];
  if (major < MINIMUM_VERSION[0] || (major === MINIMUM_VERSION[0] && minor < MINIMUM_VERSION[1])) {
    throw new StateUnavailableError(
      `Redis at ${address} is version ${major}.${minor}; zpa-codes needs ${MINIMUM_VERSION.join(".")} or later`,
    );
  }
}

/**
 * ioredis only logs a failed SELECT and goes on in database 0, so a URL naming a database this Redis lacks
 * would share database 0 with whoever else uses it. Selecting again here turns that into a configuration error.
 */
async function requireDatabase(client: Redis, db: number): Promise<void> {
  try {
    await client.select(db);
  } catch (error) {
    if (error instanceof Error && error.name === "ReplyError") {
      throw new ConfigError("REDIS_URL", `names database ${db}, which this Redis does not have (${error.message.replace(/^ERR /, "")})`);
    }
    throw error;
  }
}

/** Error text with any credentials of the URL blanked out, in case a driver message ever echoes them. */
function reasonOf(url: string): (error: unknown) => string {
  const parsed = new URL(url);
  const secrets = [parsed.password, decodeURIComponent(parsed.password), parsed.username].filter((s) => s.length >= 3);
  return (error) => {
    let text = error instanceof Error ? error.message : String(error);
    for (const secret of secrets) text = text.split(secret).join("***");
    return text.replace(/\s+/g, " ").slice(0, 200);
  };
}

function createRedisStore(
  client: Redis,
  address: string,
  describe: (error: unknown) => string,
  options: RedisStoreOptions,
): RedisStateStore {
  const clock = options.clock ?? systemClock;
  const keys = redisKeys(options.keyPrefix ?? DEFAULT_KEY_PREFIX);
  const { retentionMs, recentWindowMs } = options;
  const recentTtlMs = Math.min(recentWindowMs, retentionMs);

  let healthy = client.status === "ready";
  const listeners = new Set<HealthListener>();
  const setHealthy = (value: boolean) => {
    if (value === healthy) return;
    healthy = value;
    for (const listener of [...listeners]) listener(value);
  };
  client.on("ready", () => setHealthy(true));
  client.on("close", () => setHealthy(false));
  client.on("end", () => setHealthy(false));

  const unavailable = (reason: string, cause?: unknown) =>
    new StateUnavailableError(`Redis at ${address} is unavailable (${reason})`, { cause });

  /** Runs one operation; connection trouble becomes StateUnavailableError, Redis's own replies stay as they are. */
  async function run<T>(operation: () => Promise<T>): Promise<T> {
    if (client.status !== "ready") throw unavailable("not connected");
    try {
      return await operation();
    } catch (error) {
      if (error instanceof Error && error.name === "ReplyError") throw error;
      throw unavailable(describe(error), error);
    }
  }

  /** MULTI/EXEC results with the first failed command rethrown. */
  function results(replies: Array<[Error | null, unknown]> | null): unknown[] {
    if (!replies) throw new Error("transaction aborted");
    for (const [error] of replies) if (error) throw error;
    return replies.map(([, value]) => value);
  }

  return {
    kind: "redis",
    where: `Redis at ${address}`,

    async claim(key, ttlMs) {
      assertClaimKey(key, ttlMs);
      return run(async () => (await client.set(keys.claim(key), "1", "PX", ttlMs, "NX")) === "OK");
    },

    release: (key) =>
      run(async () => {
        await client.del(keys.claim(key));
      }),

    getChannelSetting: (channel) =>
      run(async () => parseSetting(await client.hgetall(keys.channelSetting(channel)))),

    replaceChannelSetting: (channel, expected, next) =>
      run(async () => {
        const args = [...settingFields(expected), ...settingFields(next), String(SETTING_TTL_MS)];
        return (await client.eval(REPLACE_SETTING_SCRIPT, 1, keys.channelSetting(channel), ...args)) === 1;
      }),

    setChannelSetting: (channel, setting) =>
      run(async () => {
        const key = keys.channelSetting(channel);
        results(
          await client
            .multi()
            .hset(key, { autoReply: setting.autoReply, changedBy: setting.changedBy, changedAtMs: String(setting.changedAtMs) })
            .pexpire(key, SETTING_TTL_MS)
            .exec(),
        );
      }),

    recordSighting: (sighting) =>
      run(async () => {
        const now = clock();
        const hour = hourBucket(sighting.timeMs);
        const codes = keys.codesInHour(hour);
        const people = keys.peopleInHour(hour, sighting.code);
        const recent = keys.recentSightings(sighting.channel, sighting.code);
        const recentPeople = keys.recentPeople(sighting.channel, sighting.code);
        const tooOld = `(${now - recentWindowMs}`;
        const member = `${sighting.timeMs}:${sighting.userHash}:${randomBytes(4).toString("hex")}`;
        results(
          await client
            .multi()
            .zincrby(codes, 1, sighting.code)
            .pexpire(codes, retentionMs)
            .pfadd(people, sighting.userHash)
            .pexpire(people, retentionMs)
            .zadd(recent, sighting.timeMs, member)
            .zremrangebyscore(recent, "-inf", tooOld)
            .zremrangebyrank(recent, 0, -(MAX_RECENT_SIGHTINGS_PER_CODE + 1))
            .pexpire(recent, recentTtlMs)
            .zadd(recentPeople, "GT", sighting.timeMs, sighting.userHash)
            .zremrangebyscore(recentPeople, "-inf", tooOld)
            .pexpire(recentPeople, recentTtlMs)
            .exec(),
        );
      }),

    topCodes: (sinceMs, limit) =>
      run(async () => {
        const now = clock();
        // Older hours have expired anyway; not naming them keeps a --days 365 query small.
        const hours = hourBucketsBetween(Math.max(sinceMs, now - retentionMs - HOUR_MS), now);
        const flat = await client.zunion(hours.length, ...hours.map(keys.codesInHour), "WITHSCORES");
        const counts: CodeCount[] = [];
        for (let i = 0; i + 1 < flat.length; i += 2) counts.push({ code: flat[i]!, count: Number(flat[i + 1]), people: 0 });
        const top = rankCodes(counts).slice(0, Math.max(0, limit));
        if (top.length === 0) return [];
        const pipeline = client.pipeline();
        for (const entry of top) pipeline.pfcount(...hours.map((hour) => keys.peopleInHour(hour, entry.code)));
        const people = results(await pipeline.exec());
        return rankCodes(top.map((entry, i) => ({ ...entry, people: Number(people[i]) })));
      }),

    recentActivity: (code, channel, sinceMs) =>
      run(async () => {
        const from = Math.max(sinceMs, clock() - recentWindowMs);
        // No upper bound: another replica's clock may run a little ahead of this one.
        const [count, people] = results(
          await client
            .pipeline()
            .zcount(keys.recentSightings(channel, code), from, "+inf")
            .zcount(keys.recentPeople(channel, code), from, "+inf")
            .exec(),
        );
        return { count: Number(count), people: Number(people) };
      }),

    saveEditedNote: (code, note) =>
      run(async () => {
        const json = JSON.stringify(note);
        const history = keys.noteHistory(code);
        results(
          await client
            .multi()
            .hset(keys.editedNotes(), code, json)
            .lpush(history, json)
            .ltrim(history, 0, NOTE_VERSIONS_KEPT - 1)
            .exec(),
        );
      }),

    editedNotes: () =>
      run(async () => {
        const notes = new Map<string, EditedNote>();
        for (const [code, json] of Object.entries(await client.hgetall(keys.editedNotes()))) {
          const note = parseEditedNote(json);
          if (note) notes.set(code, note);
        }
        return notes;
      }),

    editedNoteHistory: (code) =>
      run(async () => {
        const versions = await client.lrange(keys.noteHistory(code), 0, NOTE_VERSIONS_KEPT - 1);
        return versions.map(parseEditedNote).filter((note): note is EditedNote => note !== null);
      }),

    recordFeedback: (feedback) =>
      run(async () => {
        const key = keys.feedback();
        // The random suffix keeps two identical votes in the same millisecond as two members.
        const member = `${JSON.stringify(feedback)}\u0000${randomBytes(4).toString("hex")}`;
        results(
          await client
            .multi()
            .zadd(key, feedback.timeMs, member)
            .zremrangebyscore(key, "-inf", `(${clock() - retentionMs}`)
            .zremrangebyrank(key, 0, -(MAX_FEEDBACK_KEPT + 1))
            .pexpire(key, retentionMs)
            .exec(),
        );
      }),

    feedbackSince: (sinceMs) =>
      run(async () => {
        const from = Math.max(sinceMs, clock() - retentionMs);
        const members = await client.zrangebyscore(keys.feedback(), from, "+inf");
        return members.map((member) => parseFeedback(member.slice(0, member.lastIndexOf("\u0000")))).filter((f): f is Feedback => f !== null);
      }),

    isHealthy: () => healthy,
    onHealthChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async close() {
      listeners.clear();
      try {
        if (client.status === "ready") await client.quit();
      } catch {
        // Already gone: nothing to flush.
      }
      client.disconnect();
    },
  };
}

/**
 * Compare-and-set of a channel's hash in one atomic step. ARGV: the expected autoReply, changedBy, changedAtMs
 * ("" when no override is expected), the next three ("" to remove the override), the expiry in ms.
 */
const REPLACE_SETTING_SCRIPT = `
local current = redis.call('HMGET', KEYS[1], 'autoReply', 'changedBy', 'changedAtMs')
for i = 1, 3 do
  if (current[i] or '') ~= ARGV[i] then return 0 end
end
if ARGV[4] == '' then
  redis.call('DEL', KEYS[1])
else
  redis.call('HSET', KEYS[1], 'autoReply', ARGV[4], 'changedBy', ARGV[5], 'changedAtMs', ARGV[6])
  redis.call('PEXPIRE', KEYS[1], ARGV[7])
end
return 1
`;

function settingFields(setting: ChannelSetting | null): [string, string, string] {
  return setting ? [setting.autoReply, setting.changedBy, String(setting.changedAtMs)] : ["", "", ""];
}

function parseSetting(hash: Record<string, string>): ChannelSetting | null {
  const { autoReply, changedBy, changedAtMs } = hash;
  if ((autoReply !== "on" && autoReply !== "off") || changedBy === undefined || changedAtMs === undefined) return null;
  const at = Number(changedAtMs);
  return Number.isFinite(at) ? { autoReply, changedBy, changedAtMs: at } : null;
}
