import Fuse from "fuse.js";
import type { Entry } from "../catalog/types.js";
import type { Spelling } from "./code-index.js";
import { boundedEditDistance } from "./edit-distance.js";

/** fuse.js's bitap compares at most 32 characters at once; longer patterns are slow and blur. */
const FUSE_PATTERN_MAX = 32;
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

/**
 * fuse.js proposes, edit distance decides. Spellings are grouped by length, and a query only meets the
 * groups within two characters of its own length, so fuse.js compares a few dozen strings instead of all;
 * each group's threshold lets through about two errors, and only the query's first 32 characters go to
 * bitap. Every proposal is then checked with an exact edit distance on the whole spelling.
 */
export function buildTypoIndex(spellings: readonly Spelling[]): TypoIndex {
  const groups = new Map<number, Spelling[]>();
  for (const spelling of spellings) {
    const group = groups.get(spelling.compact.length) ?? [];
    group.push(spelling);
    groups.set(spelling.compact.length, group);
  }
  const fuses = new Map<number, Fuse<Spelling>>();
  for (const [length, group] of groups) {
    fuses.set(
      length,
      new Fuse(group, {
        keys: ["compact"],
        isCaseSensitive: true,
        ignoreLocation: true,
        includeScore: true,
        threshold: Math.min(0.3, 2.5 / Math.min(length, FUSE_PATTERN_MAX)),
      }),
    );
  }
  return {
    find(query) {
      const limit = allowedEdits(query.length);
      if (limit === 0) return { nearest: [], others: [] };
      const pattern = query.slice(0, FUSE_PATTERN_MAX);
      const distances = new Map<Entry, number>();
      for (let length = query.length - limit; length <= query.length + limit; length++) {
        for (const hit of fuses.get(length)?.search(pattern, { limit: 10 }) ?? []) {
          const distance = boundedEditDistance(query, hit.item.compact, limit);
          const entry = hit.item.entry;
          if (distance <= limit && distance < (distances.get(entry) ?? Infinity)) distances.set(entry, distance);
        }
      }
      const ranked = [...distances].sort((a, b) => a[1] - b[1]);
      const best = ranked[0]?.[1];
      return {
        nearest: ranked.filter(([, d]) => d === best).map(([entry]) => entry),
        others: ranked.filter(([, d]) => d !== best).map(([entry]) => entry),
      };
    },
  };
}
