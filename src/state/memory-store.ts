// In-process state: the default, nothing to install. Each process has its own, so replicas do not share it.
// Memory stays bounded: entries expire like their Redis counterparts and every map has a size cap.
import { HOUR_MS, hourBucketsBetween, hourBucket, rankCodes } from "./buckets.js";
import { MemoryDedupeStore } from "./memory-dedupe.js";
import {
  assertClaimKey,
  MAX_EDITED_CODES,
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
  type RecentActivity,
  type Sighting,
  type SightingLimits,
  type StateStore,
} from "./store.js";

export interface MemoryStoreOptions extends SightingLimits {
  clock?: Clock;
  /** Cap on claims, on settings, on tracked channel/code pairs and on codes per hour, each. */
  maxEntries?: number;
}

export interface MemoryStateStore extends StateStore {
  readonly kind: "memory";
  /** How many entries are held right now, expired ones not yet pruned included. */
  entryCount(): number;
}

export const DEFAULT_MAX_ENTRIES = 50_000;
/** Beyond this many people per code per hour the distinct count stops growing (a lower bound). */
const MAX_PEOPLE_PER_TALLY = 10_000;
const PRUNE_EVERY_MS = 1_000;

interface Expiring<T> {
  value: T;
  expiresAtMs: number;
}

interface CodeTally {
  count: number;
  people: Set<string>;
}

interface HourTally {
  lastWriteMs: number;
  codes: Map<string, CodeTally>;
}

interface RecentTrail {
  lastWriteMs: number;
  /** In recording order; trimmed to the recent window. */
  sightings: Array<{ timeMs: number; userHash: string }>;
}

export function createMemoryStore(options: MemoryStoreOptions): MemoryStateStore {
  const clock = options.clock ?? systemClock;
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const { retentionMs, recentWindowMs } = options;
  const recentTtlMs = Math.min(recentWindowMs, retentionMs);

  const claims = new MemoryDedupeStore({ maxEntries, now: clock });
  const settings = new Map<string, Expiring<ChannelSetting>>();
  const hours = new Map<number, HourTally>();
  const recent = new Map<string, RecentTrail>();
  /** Versions per code, newest first. */
  const notes = new Map<string, EditedNote[]>();
  /** In recording order. */
  let feedback: Feedback[] = [];
  let lastPruneMs = -Infinity;

  const hourAlive = (tally: HourTally, now: number) => now < tally.lastWriteMs + retentionMs;
  const trailAlive = (trail: RecentTrail, now: number) => now < trail.lastWriteMs + recentTtlMs;

  function prune(now: number): void {
    lastPruneMs = now;
    for (const [key, entry] of settings) if (entry.expiresAtMs <= now) settings.delete(key);
    for (const [hour, tally] of hours) if (!hourAlive(tally, now)) hours.delete(hour);
    for (const [key, trail] of recent) if (!trailAlive(trail, now)) recent.delete(key);
  }

  function pruneIfDue(now: number): void {
    if (now - lastPruneMs >= PRUNE_EVERY_MS || now < lastPruneMs) prune(now);
  }

  /** Makes room for one more key: expired entries go first (at most one sweep a second), then the oldest inserted. */
  function makeRoom<K>(map: Map<K, unknown>, now: number): void {
    if (map.size < maxEntries) return;
    pruneIfDue(now);
    while (map.size >= maxEntries) {
      const oldest = map.keys().next();
      if (oldest.done) break;
      map.delete(oldest.value);
    }
  }

  const trailKey = (code: string, channel: string) => `${channel}\u0000${code}`;

  return {
    kind: "memory",
    where: "in-process",

    async claim(key, ttlMs) {
      assertClaimKey(key, ttlMs);
      return claims.claim(key, ttlMs);
    },

    release: (key) => claims.release(key),

    async getChannelSetting(channel) {
      const entry = settings.get(channel);
      return entry && entry.expiresAtMs > clock() ? { ...entry.value } : null;
    },

    async setChannelSetting(channel, setting) {
      const now = clock();
      settings.delete(channel);
      makeRoom(settings, now);
      settings.set(channel, { value: { ...setting }, expiresAtMs: now + SETTING_TTL_MS });
    },

    async recordSighting(sighting: Sighting) {
      const now = clock();
      pruneIfDue(now);

      const hour = hourBucket(sighting.timeMs);
      let tally = hours.get(hour);
      if (!tally || !hourAlive(tally, now)) {
        tally = { lastWriteMs: now, codes: new Map() };
        hours.set(hour, tally);
      }
      tally.lastWriteMs = now;
      let codeTally = tally.codes.get(sighting.code);
      if (!codeTally) {
        makeRoom(tally.codes, now);
        codeTally = { count: 0, people: new Set() };
        tally.codes.set(sighting.code, codeTally);
      }
      codeTally.count += 1;
      if (codeTally.people.size < MAX_PEOPLE_PER_TALLY) codeTally.people.add(sighting.userHash);

      const key = trailKey(sighting.code, sighting.channel);
      let trail = recent.get(key);
      if (!trail || !trailAlive(trail, now)) trail = { lastWriteMs: now, sightings: [] };
      // Re-inserting keeps the map in least-recently-written order for makeRoom.
      recent.delete(key);
      makeRoom(recent, now);
      recent.set(key, trail);
      trail.lastWriteMs = now;
      trail.sightings.push({ timeMs: sighting.timeMs, userHash: sighting.userHash });
      const oldestKept = now - recentWindowMs;
      const firstRecent = trail.sightings.findIndex((item) => item.timeMs >= oldestKept);
      trail.sightings.splice(0, firstRecent === -1 ? trail.sightings.length : firstRecent);
      if (trail.sightings.length > MAX_RECENT_SIGHTINGS_PER_CODE) {
        trail.sightings.splice(0, trail.sightings.length - MAX_RECENT_SIGHTINGS_PER_CODE);
      }
    },

    async topCodes(sinceMs, limit) {
      const now = clock();
      pruneIfDue(now);
      const totals = new Map<string, { count: number; people: Set<string> }>();
      // As in the Redis store: hours older than the retention are gone, so a very early sinceMs costs nothing.
      for (const hour of hourBucketsBetween(Math.max(sinceMs, now - retentionMs - HOUR_MS), now)) {
        const tally = hours.get(hour);
        if (!tally || !hourAlive(tally, now)) continue;
        for (const [code, codeTally] of tally.codes) {
          const total = totals.get(code) ?? { count: 0, people: new Set<string>() };
          total.count += codeTally.count;
          for (const person of codeTally.people) total.people.add(person);
          totals.set(code, total);
        }
      }
      const counts: CodeCount[] = [...totals].map(([code, total]) => ({ code, count: total.count, people: total.people.size }));
      return rankCodes(counts).slice(0, Math.max(0, limit));
    },

    async recentActivity(code, channel, sinceMs): Promise<RecentActivity> {
      const now = clock();
      const trail = recent.get(trailKey(code, channel));
      if (!trail || !trailAlive(trail, now)) return { count: 0, people: 0 };
      const from = Math.max(sinceMs, now - recentWindowMs);
      // No upper bound: another replica's clock may run a little ahead of this one.
      const inWindow = trail.sightings.filter((item) => item.timeMs >= from);
      return { count: inWindow.length, people: new Set(inWindow.map((item) => item.userHash)).size };
    },

    async saveEditedNote(code, note) {
      const versions = notes.get(code) ?? [];
      if (!notes.has(code) && notes.size >= MAX_EDITED_CODES) throw new RangeError(`at most ${MAX_EDITED_CODES} codes can have an edited note`);
      notes.set(code, [structuredClone(note), ...versions].slice(0, NOTE_VERSIONS_KEPT));
    },

    async editedNotes() {
      return new Map([...notes].map(([code, versions]) => [code, structuredClone(versions[0]!)]));
    },

    async editedNoteHistory(code) {
      return structuredClone(notes.get(code) ?? []);
    },

    async recordFeedback(vote) {
      const oldest = clock() - retentionMs;
      feedback = feedback.filter((f) => f.timeMs >= oldest);
      feedback.push(structuredClone(vote));
      if (feedback.length > MAX_FEEDBACK_KEPT) feedback.splice(0, feedback.length - MAX_FEEDBACK_KEPT);
    },

    async feedbackSince(sinceMs) {
      const from = Math.max(sinceMs, clock() - retentionMs);
      return structuredClone(feedback.filter((f) => f.timeMs >= from).sort((a, b) => a.timeMs - b.timeMs));
    },

    isHealthy: () => true,
    onHealthChange: () => () => {},

    async close() {
      settings.clear();
      hours.clear();
      recent.clear();
      notes.clear();
      feedback = [];
    },

    entryCount() {
      let codes = 0;
      for (const tally of hours.values()) codes += tally.codes.size;
      return claims.size + settings.size + codes + recent.size + notes.size + feedback.length;
    },
  };
}
