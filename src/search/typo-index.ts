// Typo matching of codes (fuse.js bitap), bounded by how many edits a code of that length allows.
import type { Entry } from "../catalog/types.js";
import type { Spelling } from "./code-index.js";
import { boundedEditDistance } from "./edit-distance.js";
import { loadFuse } from "./libraries.js";

/** fuse.js's bitap compares at most 32 characters at once; longer patterns are slow and blur. */
const FUSE_PATTERN_MAX = 32;
const FUSE_OPTIONS = { isCaseSensitive: true, ignoreLocation: true, threshold: 0.4 } as const;

/** A typo is at most this many keystrokes; fewer for short codes, where two edits make another word. */
export function allowedEdits(length: number): number {
  return length >= 8 ? 2 : length >= 5 ? 1 : 0;
}

export interface TypoHits {
  /** Entries at the smallest distance found (one entry: a confident correction). */
  nearest: Entry[];
  /** Further verified candidates, nearest first. */
  others: Entry[];
}

export interface TypoIndex {
  /** `compactQuery` is upper case without separators. */
  find(compactQuery: string): TypoHits;
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + 2 <= text.length; i++) {
    const gram = text.slice(i, i + 2);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function sharedBigrams(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let shared = 0;
  for (const [gram, count] of a) shared += Math.min(count, b.get(gram) ?? 0);
  return shared;
}

interface Candidate {
  spelling: Spelling;
  grams: Map<string, number>;
}

/**
 * Three sieves, cheapest first. A length and bigram filter drops spellings that cannot be within the
 * allowed edits (q-gram lemma: k edits destroy at most 2k bigrams; a swap counts as two edits), which
 * leaves a handful of ~190. An exact edit distance on the whole spelling decides (a "typo" is at most two
 * keystrokes away), and fuse.js's bitap scores what is left: it must agree, and it orders equal distances.
 * Measured against running fuse.js over every spelling: same answers, several times faster (README).
 */
export function buildTypoIndex(spellings: readonly Spelling[]): TypoIndex {
  const candidates: Candidate[] = spellings.map((spelling) => ({ spelling, grams: bigrams(spelling.compact) }));
  return {
    find(query) {
      const limit = allowedEdits(query.length);
      if (limit === 0) return { nearest: [], others: [] };
      const grams = bigrams(query);
      const Fuse = loadFuse();
      const pattern = query.slice(0, FUSE_PATTERN_MAX);
      const verified: Array<{ entry: Entry; distance: number; score: number }> = [];
      for (const { spelling, grams: known } of candidates) {
        const longer = Math.max(query.length, spelling.compact.length);
        if (Math.abs(query.length - spelling.compact.length) > limit) continue;
        if (sharedBigrams(grams, known) < longer - 1 - 2 * 2 * limit) continue;
        const distance = boundedEditDistance(query, spelling.compact, limit);
        if (distance > limit) continue;
        const fuzzy = Fuse.match(pattern, spelling.compact, FUSE_OPTIONS);
        if (fuzzy.isMatch) verified.push({ entry: spelling.entry, distance, score: fuzzy.score });
      }
      verified.sort((a, b) => a.distance - b.distance || a.score - b.score);
      const seen = new Set<Entry>(); // an entry with an alias can be verified twice; keep its best
      const unique = verified.filter((hit) => !seen.has(hit.entry) && seen.add(hit.entry));
      const best = unique[0]?.distance;
      return {
        nearest: unique.filter((hit) => hit.distance === best).map((hit) => hit.entry),
        others: unique.filter((hit) => hit.distance !== best).map((hit) => hit.entry),
      };
    },
  };
}
