// Picks the store from the configuration (Redis when REDIS_URL is set) and builds the sightings on it.
import type { Env } from "../config.js";
import { createSightings, type Sightings } from "./sightings.js";
import { createUserHasher, randomSalt, sightingsSalt } from "./sightings.js";
import { readStateConfig, type StateConfig } from "./config.js";
import { createMemoryStore } from "./memory-store.js";
import { connectRedisStore } from "./redis-store.js";
import { systemClock, type Clock, type StateStore } from "./store.js";

export interface OpenOptions {
  clock?: Clock;
}

/** Throws StateUnavailableError ("Redis at host:port is unreachable ...") when REDIS_URL cannot be reached. */
export async function openStateStore(config: StateConfig, options: OpenOptions = {}): Promise<StateStore> {
  const limits = { retentionMs: config.retentionMs, recentWindowMs: config.spikeWindowMs, clock: options.clock ?? systemClock };
  if (config.redisUrl === undefined) return createMemoryStore(limits);
  return connectRedisStore({ ...limits, url: config.redisUrl, keyPrefix: config.keyPrefix });
}

/** The bot's memory: per-channel settings, dedupe claims and sightings, all in one store. */
export interface State {
  store: StateStore;
  sightings: Sightings;
  /** The time the store and sightings read; tests move it instead of waiting. */
  clock: Clock;
}

/**
 * Everything the bot's state needs, from the environment. Throws ConfigError for a bad variable and
 * StateUnavailableError for an unreachable Redis; warns (once) when SIGHTINGS_SALT is unset.
 */
export async function openState(env: Env, warn: (line: string) => void, options: OpenOptions = {}): Promise<State> {
  const config = readStateConfig(env);
  const store = await openStateStore(config, options);
  const clock = options.clock ?? systemClock;
  return { store, sightings: sightingsOn(store, config, sightingsSalt(config.salt, warn), clock), clock };
}

/**
 * Default in-process state, for an app started without one (tests, embedding). Its salt is random
 * and silent: nothing outside this process ever compares its hashes.
 */
export function openInProcessState(config: StateConfig = readStateConfig({})): State {
  const store = createMemoryStore({ retentionMs: config.retentionMs, recentWindowMs: config.spikeWindowMs });
  return { store, sightings: sightingsOn(store, config, config.salt ?? randomSalt()), clock: systemClock };
}

function sightingsOn(store: StateStore, config: StateConfig, salt: string, clock: Clock = systemClock): Sightings {
  return createSightings(store, {
    hashUser: createUserHasher(salt),
    spikeWindowMs: config.spikeWindowMs,
    spikeMinPeople: config.spikeMinPeople,
    clock,
  });
}
