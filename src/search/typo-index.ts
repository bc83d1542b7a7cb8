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
  /** Position among the spellings: equal answers keep catalog order. */
  order: number;
}

/**
 * Three sieves, cheapest first. The q-gram lemma (k edits destroy at most 2k bigrams; a swap counts as two
 * edits) says a spelling within the allowed edits shares all but 4k of the query's bigrams, so it must
 * share at least one of the query's 4k + 1 rarest: only spellings of a near length listed under those
 * bigrams are looked at, so the cost follows how many codes look alike, not the catalog's size. An exact
 * edit distance on the whole spelling decides (a "typo" is at most two keystrokes away), and fuse.js's bitap
 * scores what is left: it must agree, and it orders equal distances.
 */
export function buildTypoIndex(spellings: readonly Spelling[]): TypoIndex {
  const byGramAndLength = new Map<string, Candidate[]>();
  const gramCount = new Map<string, number>();
  const byLength = new Map<number, Candidate[]>();
  for (const [order, spelling] of spellings.entries()) {
    const candidate: Candidate = { spelling, grams: bigrams(spelling.compact), order };
    const length = spelling.compact.length;
    byLength.set(length, [...(byLength.get(length) ?? []), candidate]);
    for (const gram of candidate.grams.keys()) {
      gramCount.set(gram, (gramCount.get(gram) ?? 0) + 1);
      const key = gram + length;
      const list = byGramAndLength.get(key);
      if (list) list.push(candidate);
      else byGramAndLength.set(key, [candidate]);
    }
  }

  const candidatesFor = (query: string, grams: Map<string, number>, limit: number): Set<Candidate> => {
    const found = new Set<Candidate>();
    const lengths: number[] = [];
    for (let length = query.length - limit; length <= query.length + limit; length++) lengths.push(length);
    const needed = 4 * limit + 1;
    if (query.length - 1 < needed) {
      for (const length of lengths) for (const candidate of byLength.get(length) ?? []) found.add(candidate);
      return found;
    }
    // The rarest bigrams first, until they cover `needed` of the query's bigram occurrences.
    const rarest = [...grams].sort((a, b) => (gramCount.get(a[0]) ?? 0) - (gramCount.get(b[0]) ?? 0));
    let covered = 0;
    for (const [gram, count] of rarest) {
      for (const length of lengths) for (const candidate of byGramAndLength.get(gram + length) ?? []) found.add(candidate);
      covered += count;
      if (covered >= needed) break;
    }
    return found;
  };

  return {
    find(query) {
      const limit = allowedEdits(query.length);
      if (limit === 0) return { nearest: [], others: [] };
      const grams = bigrams(query);
      const Fuse = loadFuse();
      const pattern = query.slice(0, FUSE_PATTERN_MAX);
      const verified: Array<{ entry: Entry; distance: number; score: number; order: number }> = [];
      for (const { spelling, grams: known, order } of candidatesFor(query, grams, limit)) {
        const longer = Math.max(query.length, spelling.compact.length);
        if (sharedBigrams(grams, known) < longer - 1 - 2 * 2 * limit) continue;
        const distance = boundedEditDistance(query, spelling.compact, limit);
        if (distance > limit) continue;
        const fuzzy = Fuse.match(pattern, spelling.compact, FUSE_OPTIONS);
        if (fuzzy.isMatch) verified.push({ entry: spelling.entry, distance, score: fuzzy.score, order });
      }
      verified.sort((a, b) => a.distance - b.distance || a.score - b.score || a.order - b.order);
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
