// Sightings: who posted which code where (users hashed), spikes of one code in a channel, the spike
// hint claimed once per window, and the most seen codes ("Seen this week"). All kept in the StateStore.
import { createHmac, randomBytes } from "node:crypto";
import { DAY_MS } from "./buckets.js";
import { systemClock, type Clock, type CodeCount, type RecentActivity, type StateStore } from "./store.js";

// --- Users: counted without knowing who they are; only a salted, truncated HMAC of the id is stored.
export type UserHasher = (userId: string) => string;

/** 96 bits: no collisions among any workspace's users, yet useless without the salt. */
export function createUserHasher(salt: string): UserHasher {
  return (userId) => createHmac("sha256", salt).update(userId).digest("base64url").slice(0, 16);
}

export const RANDOM_SALT_WARNING =
  "SIGHTINGS_SALT is not set: using a random salt for this process, so distinct-people counts will not match " +
  "across replicas or restarts. Set SIGHTINGS_SALT to one random secret shared by every replica.";

/** A salt for this process alone: its hashes match no other process's. */
export function randomSalt(): string {
  return randomBytes(32).toString("base64url");
}

/** The configured salt, or a random one for this process (with a warning, once). */
export function sightingsSalt(configured: string | undefined, warn: (line: string) => void): string {
  if (configured !== undefined) return configured;
  warn(RANDOM_SALT_WARNING);
  return randomSalt();
}

// --- Spikes: a code is "spiking" in a channel when enough different people posted it within the window.
export interface SpikeCheck extends RecentActivity {
  windowMinutes: number;
  isSpike: boolean;
}

export function spikeVerdict(activity: RecentActivity, windowMs: number, minPeople: number): SpikeCheck {
  return { ...activity, windowMinutes: Math.round(windowMs / 60_000), isSpike: activity.people >= minPeople };
}

/** The claim that lets one reply per window (across replicas) carry the spike hint. */
export function spikeHintKey(code: string, channel: string): string {
  return `spike-hint:${channel}:${code}`;
}

// --- "Seen this week": the most posted codes over the last N days, across channels.
export const DEFAULT_TOP_DAYS = 7;
export const DEFAULT_TOP_LIMIT = 10;
export const MAX_TOP_DAYS = 365;

export interface TopOptions {
  days?: number;
  limit?: number;
  clock?: Clock;
}

export function topCodes(store: StateStore, options: TopOptions = {}): Promise<CodeCount[]> {
  const days = options.days ?? DEFAULT_TOP_DAYS;
  if (!(Number.isInteger(days) && days >= 1 && days <= MAX_TOP_DAYS)) {
    throw new RangeError(`days must be a whole number from 1 to ${MAX_TOP_DAYS}`);
  }
  const now = (options.clock ?? systemClock)();
  return store.topCodes(now - days * DAY_MS, options.limit ?? DEFAULT_TOP_LIMIT);
}

// --- The sightings API the bot uses.

export interface SightingsOptions {
  hashUser: UserHasher;
  spikeWindowMs: number;
  spikeMinPeople: number;
  clock?: Clock;
}

export interface Observation {
  spike: SpikeCheck;
  /** True for the one reply per code, channel and window that should carry the spike hint. */
  addSpikeHint: boolean;
}

export interface Sightings {
  /** The salted hash stored in place of a user id (feedback uses the same one). */
  hashUser: UserHasher;
  /** Counts one sighting now; the user id is hashed before it reaches the store. */
  record(code: string, channel: string, userId: string): Promise<void>;
  spike(code: string, channel: string): Promise<SpikeCheck>;
  /** True once per code, channel and spike window, across replicas. */
  claimSpikeHint(code: string, channel: string): Promise<boolean>;
  /** record + spike + (when spiking) claimSpikeHint: everything an auto-reply needs, in one call. */
  observe(code: string, channel: string, userId: string): Promise<Observation>;
  top(options?: Omit<TopOptions, "clock">): Promise<CodeCount[]>;
}

const CODE = /^[A-Z][A-Z0-9_]{0,99}$/;
const CHANNEL = /^[A-Z0-9]{1,40}$/;

/** True for ids shaped like Slack's channel ids: the only channels sightings are kept for. */
export function isSightingChannel(channel: string): boolean {
  return CHANNEL.test(channel);
}

/** Codes and channel ids become parts of store keys, so only their real shapes are accepted. */
function checkIds(code: string, channel: string): void {
  if (!CODE.test(code)) throw new RangeError("sighting code must look like a ZPA status code (A-Z, 0-9, _)");
  if (!CHANNEL.test(channel)) throw new RangeError("sighting channel must be a Slack channel id");
}

export function createSightings(store: StateStore, options: SightingsOptions): Sightings {
  const clock = options.clock ?? systemClock;
  const { hashUser, spikeWindowMs, spikeMinPeople } = options;

  const sightings: Sightings = {
    hashUser,
    async record(code, channel, userId) {
      checkIds(code, channel);
      if (userId === "") throw new RangeError("sighting user id is empty");
      await store.recordSighting({ code, channel, timeMs: clock(), userHash: hashUser(userId) });
    },

    async spike(code, channel) {
      checkIds(code, channel);
      const activity = await store.recentActivity(code, channel, clock() - spikeWindowMs);
      return spikeVerdict(activity, spikeWindowMs, spikeMinPeople);
    },

    async claimSpikeHint(code, channel) {
      checkIds(code, channel);
      return store.claim(spikeHintKey(code, channel), spikeWindowMs);
    },

    async observe(code, channel, userId) {
      await sightings.record(code, channel, userId);
      const spike = await sightings.spike(code, channel);
      const addSpikeHint = spike.isSpike && (await sightings.claimSpikeHint(code, channel));
      return { spike, addSpikeHint };
    },

    top: (topOptions = {}) => topCodes(store, { ...topOptions, clock }),
  };
  return sightings;
}
