// State settings from the environment. Like src/config.ts, errors name the variable, never its value.
import { ConfigError, readDecimal, readVariable, type Env } from "../config.js";
import { DAY_MS } from "./buckets.js";
import { DEFAULT_KEY_PREFIX } from "./redis-keys.js";

export interface StateConfig {
  /** Unset: the in-process store. */
  redisUrl: string | undefined;
  keyPrefix: string;
  retentionMs: number;
  spikeWindowMs: number;
  spikeMinPeople: number;
  /** Unset: a random salt per process (distinct-people counts then differ between replicas). */
  salt: string | undefined;
}

export const DEFAULT_RETENTION_DAYS = 30;
export const DEFAULT_SPIKE_WINDOW_MINUTES = 30;
export const DEFAULT_SPIKE_MIN_PEOPLE = 5;
export const MIN_SALT_LENGTH = 16;

export function readStateConfig(env: Env): StateConfig {
  return {
    redisUrl: readRedisUrl(env),
    keyPrefix: readKeyPrefix(env),
    retentionMs: readDecimal(env, "SIGHTINGS_RETENTION_DAYS", DEFAULT_RETENTION_DAYS, 1, 365, "days") * DAY_MS,
    spikeWindowMs: readDecimal(env, "SPIKE_WINDOW_MINUTES", DEFAULT_SPIKE_WINDOW_MINUTES, 1, 24 * 60, "minutes") * 60_000,
    spikeMinPeople: readDecimal(env, "SPIKE_MIN_PEOPLE", DEFAULT_SPIKE_MIN_PEOPLE, 1, 100_000, "people"),
    salt: readSalt(env),
  };
}

function readRedisUrl(env: Env): string | undefined {
  const raw = readVariable(env, "REDIS_URL");
  if (raw === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== "redis:" && url?.protocol !== "rediss:") {
    throw new ConfigError("REDIS_URL", "must be a redis:// or rediss:// URL such as redis://localhost:6379");
  }
  // The Redis client decodes these and throws (URIError, no variable named) on a stray "%".
  if (!decodes(url.username) || !decodes(url.password)) {
    throw new ConfigError("REDIS_URL", "has a user or password with a % not followed by two hex digits (write % as %25)");
  }
  // ioredis reads the database with parseInt and sends whatever it got: /abc crashed it, /1x silently meant 1.
  if (!/^\/?(\d{1,9})?$/.test(url.pathname)) {
    throw new ConfigError("REDIS_URL", "has a database that is not a whole number (write redis://host:6379/0 or leave it out)");
  }
  return raw;
}

/** The database number a REDIS_URL names (0 when it names none); the URL passed readStateConfig. */
export function redisDatabaseOf(url: string): number {
  const digits = new URL(url).pathname.slice(1);
  return digits === "" ? 0 : Number(digits);
}

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

function readKeyPrefix(env: Env): string {
  const raw = readVariable(env, "REDIS_KEY_PREFIX");
  if (raw === undefined) return DEFAULT_KEY_PREFIX;
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(raw)) {
    throw new ConfigError("REDIS_KEY_PREFIX", "must be 1 to 64 letters, digits or _ . : - (such as zpa:)");
  }
  return raw;
}

function readSalt(env: Env): string | undefined {
  const raw = readVariable(env, "SIGHTINGS_SALT");
  if (raw !== undefined && raw.length < MIN_SALT_LENGTH) {
    throw new ConfigError("SIGHTINGS_SALT", `must be at least ${MIN_SALT_LENGTH} characters (a random secret shared by all replicas)`);
  }
  return raw;
}
