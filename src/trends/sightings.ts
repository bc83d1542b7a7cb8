// The auto-reply path's memory: record who-posted-what (hashed), check for a spike, and claim the
// spike hint so it is added once per window. All state goes through the StateStore.
import { systemClock, type Clock, type CodeCount, type StateStore } from "../state/store.js";
import { spikeHintKey, spikeVerdict, type SpikeCheck } from "./spike.js";
import { topCodes, type TopOptions } from "./top.js";
import type { UserHasher } from "./user-hash.js";

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
