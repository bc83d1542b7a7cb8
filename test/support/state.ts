// State for in-process test apps: the in-process store or a Redis store on a private redis-server,
// with its own key prefix, short limits where a test needs them, and one salt shared by replicas.
import { randomUUID } from "node:crypto";
import type { State } from "../../src/state/open.js";
import { DAY_MS } from "../../src/state/buckets.js";
import { createMemoryStore } from "../../src/state/memory-store.js";
import { connectRedisStore } from "../../src/state/redis-store.js";
import { systemClock, type StateStore } from "../../src/state/store.js";
import { createSightings, createUserHasher } from "../../src/state/sightings.js";

export type StoreKind = "in-process" | "Redis";

export interface TestStateOptions {
  /** Required for "Redis": redis://127.0.0.1:<port> of a server the test started. */
  redisUrl?: string;
  /** Share one prefix between replicas; default: a fresh one, so tests never see each other's keys. */
  keyPrefix?: string;
  retentionMs?: number;
  spikeWindowMs?: number;
  spikeMinPeople?: number;
}

export const TEST_SIGHTINGS_SALT = "test-sightings-salt-shared-by-replicas";

export async function openTestState(kind: StoreKind, options: TestStateOptions = {}): Promise<State> {
  const limits = { retentionMs: options.retentionMs ?? 30 * DAY_MS, recentWindowMs: options.spikeWindowMs ?? 30 * 60_000 };
  let store: StateStore;
  if (kind === "in-process") {
    store = createMemoryStore(limits);
  } else {
    if (!options.redisUrl) throw new Error("openTestState: a Redis state needs redisUrl");
    store = await connectRedisStore({ ...limits, url: options.redisUrl, keyPrefix: options.keyPrefix ?? newKeyPrefix() });
  }
  const sightings = createSightings(store, {
    hashUser: createUserHasher(TEST_SIGHTINGS_SALT),
    spikeWindowMs: limits.recentWindowMs,
    spikeMinPeople: options.spikeMinPeople ?? 5,
  });
  return { store, sightings, clock: systemClock };
}

export function newKeyPrefix(): string {
  return `t:${randomUUID()}:`;
}
