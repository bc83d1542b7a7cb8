// The one state contract that dedupe, channel settings and sightings go through. Two implementations:
// in-process (memory-store.ts, the default) and Redis (redis-store.ts, shared by every replica).

import type { Link } from "../catalog/types.js";

/** "Have we already done this?": the part of the store that dedupe needs, so tests can pass a bare one. */
export interface DedupeStore {
  /** True the first time `key` is claimed within `ttlMs`; false while an earlier claim is alive. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Gives a claim back (the work failed), so a retry may claim it again. */
  release(key: string): Promise<void>;
}

/** The shared store cannot be reached; the message names host:port only, never credentials. */
export class StateUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StateUnavailableError";
  }
}

/** Milliseconds since the epoch; injectable so tests can move time instead of waiting. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/** A per-channel auto-reply override set by someone in Slack; absent means the environment default. */
export interface ChannelSetting {
  autoReply: "on" | "off";
  /** Slack user id of whoever changed it. */
  changedBy: string;
  changedAtMs: number;
}

/** One code seen in one channel. userHash is a salted hash: raw user ids and message text never reach a store. */
export interface Sighting {
  code: string;
  channel: string;
  timeMs: number;
  userHash: string;
}

export interface CodeCount {
  code: string;
  /** Sightings in the period. */
  count: number;
  /** Distinct people (hashed users) in the period; approximate above a few hundred with Redis (HyperLogLog). */
  people: number;
}

export interface RecentActivity {
  count: number;
  people: number;
}

/** A team note saved from Slack's "Edit team note": the note and who saved it when. */
export interface EditedNote {
  text: string;
  links: Link[];
  owner?: string;
  /** Slack user id of the editor. */
  editedBy: string;
  editedAtMs: number;
}

/** Versions of one code's note a store keeps (newest first); older ones are dropped. */
export const NOTE_VERSIONS_KEPT = 20;
/** Codes with a Slack-edited note a store holds at most (the catalog has under 200). */
export const MAX_EDITED_CODES = 5_000;

/** "Right code?" answered on a card: what was asked, what was shown, and what else was offered. */
export interface Feedback {
  query: string;
  code: string;
  vote: "up" | "down";
  /** The other codes the answer offered (a 👎 says one of them may have been meant). */
  alternatives: string[];
  /** Salted hash, as for sightings: raw user ids never reach a store. */
  userHash: string;
  timeMs: number;
}

/** Votes a store keeps within the retention; the oldest go first beyond this. */
export const MAX_FEEDBACK_KEPT = 100_000;

/** How long sightings live and how far back the recent (spike) window reaches. */
export interface SightingLimits {
  retentionMs: number;
  recentWindowMs: number;
}

/** A setting lapses back to the environment default after a year without changes (every key expires). */
export const SETTING_TTL_MS = 365 * 24 * 3_600_000;
/** Bounds what one caller can make a store hold. */
export const MAX_CLAIM_KEY_LENGTH = 512;
export const MAX_RECENT_SIGHTINGS_PER_CODE = 10_000;

export function assertClaimKey(key: string, ttlMs: number): void {
  if (key.length === 0 || key.length > MAX_CLAIM_KEY_LENGTH) {
    throw new RangeError(`claim key must be 1 to ${MAX_CLAIM_KEY_LENGTH} characters`);
  }
  if (!(Number.isInteger(ttlMs) && ttlMs > 0)) throw new RangeError("claim ttlMs must be a positive whole number");
}

export function sameSetting(a: ChannelSetting | null, b: ChannelSetting | null): boolean {
  if (a === null || b === null) return a === b;
  return a.autoReply === b.autoReply && a.changedBy === b.changedBy && a.changedAtMs === b.changedAtMs;
}

export type HealthListener = (healthy: boolean) => void;

/** Also a DedupeStore, so it drops in wherever the bot dedupes. */
export interface StateStore extends DedupeStore {
  /** "memory" or "redis", for messages such as `zpa-code stats`. */
  readonly kind: "memory" | "redis";
  /** Where the state lives, e.g. "in-process" or "Redis at 10.0.0.5:6379" (never a password). */
  readonly where: string;

  /** True exactly once per key until ttlMs passes: the first caller, across every replica sharing the store. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Gives a claim back (the work failed), so a retry may claim it again. */
  release(key: string): Promise<void>;

  getChannelSetting(channel: string): Promise<ChannelSetting | null>;
  setChannelSetting(channel: string, setting: ChannelSetting): Promise<void>;
  /**
   * Compare-and-set, atomic across replicas: stores `next` (null removes the override) only while the stored
   * override still equals `expected` in every field (null: none stored). False when another change came first.
   */
  replaceChannelSetting(channel: string, expected: ChannelSetting | null, next: ChannelSetting | null): Promise<boolean>;

  recordSighting(sighting: Sighting): Promise<void>;
  /** Codes seen since sinceMs (whole hours), most seen first, at most `limit`. */
  topCodes(sinceMs: number, limit: number): Promise<CodeCount[]>;
  /** Sightings of one code in one channel since sinceMs (at most recentWindowMs back). */
  recentActivity(code: string, channel: string, sinceMs: number): Promise<RecentActivity>;

  /** Saves a code's note as its newest version (the last NOTE_VERSIONS_KEPT are kept). Notes never expire. */
  saveEditedNote(code: string, note: EditedNote): Promise<void>;
  /** The newest Slack-edited note of every code that has one. */
  editedNotes(): Promise<Map<string, EditedNote>>;
  /** One code's versions, newest first. */
  editedNoteHistory(code: string): Promise<EditedNote[]>;

  /** Kept for the sightings' retention, like the sightings themselves. */
  recordFeedback(feedback: Feedback): Promise<void>;
  /** Votes since sinceMs, oldest first. */
  feedbackSince(sinceMs: number): Promise<Feedback[]>;

  /** False while a shared store is unreachable: callers should skip auto-replies rather than risk duplicates. */
  isHealthy(): boolean;
  /** Called on every change of isHealthy(); returns the unsubscribe function. */
  onHealthChange(listener: HealthListener): () => void;
  close(): Promise<void>;
}
