// In-process state: the default, nothing to install. Each process has its own, so replicas do not share it.
// Memory stays bounded by age and by count: entries expire like their Redis counterparts, and every kind of
// entry has a cap on its total (claims, settings, channel/code trails, code tallies, recent sightings, people).
import { HOUR_MS, hourBucketsBetween, hourBucket, rankCodes } from "./buckets.js";
import { MemoryDedupeStore } from "./memory-dedupe.js";
import {
  assertClaimKey,
  MAX_EDITED_CODES,
  MAX_FEEDBACK_KEPT,
  MAX_RECENT_SIGHTINGS_PER_CODE,
  NOTE_VERSIONS_KEPT,
  sameSetting,
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
  /**
   * Cap on claims, on settings, on channel/code trails, on code tallies (all hours together) and on recent
   * sightings (all trails together), each; distinct people in tallies may reach PEOPLE_PER_ENTRY times it.
   */
  maxEntries?: number;
}

export interface MemoryStateStore extends StateStore {
  readonly kind: "memory";
  /** How many entries are held right now, expired ones not yet pruned included. */
  entryCount(): number;
  /** Each kind's total, for tests of the caps. */
  heldCounts(): {
    claims: number;
    settings: number;
    tallies: number;
    people: number;
    trails: number;
    recentSightings: number;
    editedNotes: number;
    feedback: number;
  };
}

/** About 2 MB of claims; a bigger workspace that needs longer memory than this shares a Redis. */
export const DEFAULT_MAX_ENTRIES = 20_000;
/** Beyond this many people per code per hour the distinct count stops growing (a lower bound). */
const MAX_PEOPLE_PER_TALLY = 10_000;
/** Hashed people across every tally: past this total, distinct counts stop growing until old hours expire. */
const PEOPLE_PER_ENTRY = 5;
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
  /** In recording order; at most maxFeedback, oldest dropped first. */
  let feedback: Feedback[] = [];
  const maxFeedback = Math.min(MAX_FEEDBACK_KEPT, maxEntries);
  const maxPeople = maxEntries * PEOPLE_PER_ENTRY;
  // Totals over every hour and every trail, kept as entries come and go, so the caps cost no scan.
  let tallyCount = 0;
  let peopleCount = 0;
  let recentCount = 0;
  let lastPruneMs = -Infinity;

  const hourAlive = (tally: HourTally, now: number) => now < tally.lastWriteMs + retentionMs;
  const trailAlive = (trail: RecentTrail, now: number) => now < trail.lastWriteMs + recentTtlMs;

  function dropHour(hour: number): void {
    const tally = hours.get(hour);
    if (!tally) return;
    for (const codeTally of tally.codes.values()) peopleCount -= codeTally.people.size;
    tallyCount -= tally.codes.size;
    hours.delete(hour);
  }

  function dropCodeTally(tally: HourTally, code: string): void {
    const codeTally = tally.codes.get(code);
    if (!codeTally) return;
    peopleCount -= codeTally.people.size;
    tallyCount -= 1;
    tally.codes.delete(code);
  }

  function dropTrail(key: string): void {
    const trail = recent.get(key);
    if (!trail) return;
    recentCount -= trail.sightings.length;
    recent.delete(key);
  }

  function trimTrail(trail: RecentTrail, count: number): void {
    if (count <= 0) return;
    trail.sightings.splice(0, count);
    recentCount -= count;
  }

  function prune(now: number): void {
    lastPruneMs = now;
    for (const [key, entry] of settings) if (entry.expiresAtMs <= now) settings.delete(key);
    for (const [hour, tally] of hours) if (!hourAlive(tally, now)) dropHour(hour);
    for (const [key, trail] of recent) if (!trailAlive(trail, now)) dropTrail(key);
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

  /** Counts the sighting in its hour; the oldest hours (then the hour's oldest codes) make room at the cap. */
  function tallySighting(sighting: Sighting, now: number): void {
    const hour = hourBucket(sighting.timeMs);
    let tally = hours.get(hour);
    if (tally && !hourAlive(tally, now)) dropHour(hour);
    if (!tally || !hours.has(hour)) {
      tally = { lastWriteMs: now, codes: new Map() };
      hours.set(hour, tally);
    }
    tally.lastWriteMs = now;
    let codeTally = tally.codes.get(sighting.code);
    if (!codeTally) {
      if (tallyCount >= maxEntries) pruneIfDue(now);
      for (const oldest of hours.keys()) {
        if (tallyCount < maxEntries || oldest === hour) break;
        dropHour(oldest);
      }
      while (tallyCount >= maxEntries && tally.codes.size > 0) dropCodeTally(tally, tally.codes.keys().next().value!);
      codeTally = { count: 0, people: new Set() };
      tally.codes.set(sighting.code, codeTally);
      tallyCount += 1;
    }
    codeTally.count += 1;
    if (codeTally.people.size < MAX_PEOPLE_PER_TALLY && peopleCount < maxPeople && !codeTally.people.has(sighting.userHash)) {
      codeTally.people.add(sighting.userHash);
      peopleCount += 1;
    }
  }

  /** Adds the sighting to its channel/code trail; past the caps, the least recently written trails go first. */
  function trailSighting(sighting: Sighting, now: number): void {
    const key = trailKey(sighting.code, sighting.channel);
    let trail = recent.get(key);
    if (trail && !trailAlive(trail, now)) dropTrail(key);
    if (!trail || !recent.has(key)) trail = { lastWriteMs: now, sightings: [] };
    // Re-inserting keeps the map in least-recently-written order.
    recent.delete(key);
    if (recent.size >= maxEntries) pruneIfDue(now);
    while (recent.size >= maxEntries) dropTrail(recent.keys().next().value!);
    recent.set(key, trail);
    trail.lastWriteMs = now;
    trail.sightings.push({ timeMs: sighting.timeMs, userHash: sighting.userHash });
    recentCount += 1;
    const oldestKept = now - recentWindowMs;
    const firstRecent = trail.sightings.findIndex((item) => item.timeMs >= oldestKept);
    trimTrail(trail, firstRecent === -1 ? trail.sightings.length : firstRecent);
    trimTrail(trail, trail.sightings.length - MAX_RECENT_SIGHTINGS_PER_CODE);
    for (const oldestKey of recent.keys()) {
      if (recentCount <= maxEntries || oldestKey === key) break;
      dropTrail(oldestKey);
    }
    trimTrail(trail, recentCount - maxEntries);
  }

  function liveSetting(channel: string): ChannelSetting | null {
    const entry = settings.get(channel);
    return entry && entry.expiresAtMs > clock() ? entry.value : null;
  }

  function storeSetting(channel: string, setting: ChannelSetting): void {
    const now = clock();
    settings.delete(channel);
    makeRoom(settings, now);
    settings.set(channel, { value: { ...setting }, expiresAtMs: now + SETTING_TTL_MS });
  }

  return {
    kind: "memory",
    where: "in-process",

    async claim(key, ttlMs) {
      assertClaimKey(key, ttlMs);
      return claims.claim(key, ttlMs);
    },

    release: (key) => claims.release(key),

    async getChannelSetting(channel) {
      const setting = liveSetting(channel);
      return setting ? { ...setting } : null;
    },

    async setChannelSetting(channel, setting) {
      storeSetting(channel, setting);
    },

    async replaceChannelSetting(channel, expected, next) {
      // No await between the read and the write: nothing else runs in between.
      if (!sameSetting(liveSetting(channel), expected)) return false;
      if (next === null) settings.delete(channel);
      else storeSetting(channel, next);
      return true;
    },

    async recordSighting(sighting: Sighting) {
      const now = clock();
      pruneIfDue(now);
      tallySighting(sighting, now);
      trailSighting(sighting, now);
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
      if (feedback.length > maxFeedback) feedback.splice(0, feedback.length - maxFeedback);
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
      tallyCount = peopleCount = recentCount = 0;
    },

    entryCount() {
      return claims.size + settings.size + tallyCount + recent.size + notes.size + feedback.length;
    },

    heldCounts() {
      return {
        claims: claims.size,
        settings: settings.size,
        tallies: tallyCount,
        people: peopleCount,
        trails: recent.size,
        recentSightings: recentCount,
        editedNotes: notes.size,
        feedback: feedback.length,
      };
    },
  };
}
