// Codes compared as sets of segments, so SETUP_MT_BRK_TIMEOUT finds BRK_MT_SETUP_TIMEOUT.
import type { Entry } from "../catalog/types.js";
import type { Spelling } from "./code-index.js";
import { boundedEditDistance } from "./edit-distance.js";
import { buildNeighbourIndex } from "./term-neighbours.js";

export interface SegmentHits {
  /** Entries at the lowest cost (one entry: a confident reading). */
  nearest: Entry[];
  /** Further entries that also fit, best first. */
  others: Entry[];
}

export interface SegmentIndex {
  /** `segments` are the query's upper-case segments, in the order written. */
  find(segments: readonly string[]): SegmentHits;
}

/** A segment this long may carry one typo and still count as the same segment. */
const TYPO_SEGMENT = 5;
/** Costs: a typo inside a segment, a code segment the query left out. */
const TYPO_COST = 1;
const MISSING_COST = 2;
/** At most this many of the code's segments may be missing from the query. */
const MAX_MISSING = 1;

interface Known {
  spelling: Spelling;
  segments: string[];
  order: number;
}

/**
 * Every query segment must be a segment of the code (or one typo from one); one code segment may be missing,
 * or one query segment may be a different spelling of the code's left-over segment (same first two letters,
 * as EXPORTER for EXPTR). Candidates come only from the postings of the query's two rarest segments among
 * codes of a fitting segment count, so the cost follows how many codes look alike, not the catalog's size.
 */
export function buildSegmentIndex(spellings: readonly Spelling[]): SegmentIndex {
  const known: Known[] = spellings.map((spelling) => ({ spelling, segments: spelling.text.split("_").filter(Boolean), order: 0 }));
  // Keyed by segment and the code's segment count: a fitting code has as many segments as the query, or
  // one more (the one left out), so clones of longer or shorter codes are never looked at.
  const postings = new Map<string, Known[]>();
  const segmentCount = new Map<string, number>();
  for (const [order, item] of known.entries()) {
    item.order = order;
    for (const segment of new Set(item.segments)) {
      segmentCount.set(segment, (segmentCount.get(segment) ?? 0) + 1);
      const key = `${segment}#${item.segments.length}`;
      const list = postings.get(key);
      if (list) list.push(item);
      else postings.set(key, [item]);
    }
  }
  const neighbours = buildNeighbourIndex(segmentCount.keys());
  const spellingsOf = (segment: string): string[] =>
    segmentCount.has(segment) ? [segment] : segment.length >= TYPO_SEGMENT ? neighbours(segment) : [];

  const cost = (query: readonly string[], code: readonly string[]): number => {
    const left = [...code];
    let total = 0;
    const unmatched: string[] = [];
    for (const segment of query) {
      let at = left.indexOf(segment);
      let typo = false;
      if (at === -1 && segment.length >= TYPO_SEGMENT) {
        at = left.findIndex((candidate) => boundedEditDistance(segment, candidate, 1) <= 1);
        typo = at !== -1;
      }
      if (at === -1) unmatched.push(segment);
      else {
        left.splice(at, 1);
        if (typo) total += TYPO_COST;
      }
    }
    if (unmatched.length > 1) return Infinity;
    if (unmatched.length === 1) {
      // A different spelling of the one segment left over (EXPORTER for EXPTR).
      if (left.length !== 1 || unmatched[0]!.slice(0, 2) !== left[0]!.slice(0, 2)) return Infinity;
      return total + MISSING_COST;
    }
    if (left.length > MAX_MISSING) return Infinity;
    return total + left.length * MISSING_COST;
  };

  return {
    find(segments) {
      const none: SegmentHits = { nearest: [], others: [] };
      if (segments.length < 2) return none;
      // Codes under the two rarest segments the query has (one query segment may be spelled otherwise).
      const counts = [segments.length, segments.length + 1];
      const lists = segments
        .map((segment) => spellingsOf(segment).flatMap((known) => counts.flatMap((count) => postings.get(`${known}#${count}`) ?? [])))
        .filter((list) => list.length)
        .sort((a, b) => a.length - b.length);
      if (lists.length < segments.length - 1) return none;
      const candidates = new Set([...(lists[0] ?? []), ...(lists[1] ?? [])]);
      const scored: Array<{ entry: Entry; cost: number; order: number }> = [];
      for (const item of candidates) {
        const value = cost(segments, item.segments);
        if (value < Infinity) scored.push({ entry: item.spelling.entry, cost: value, order: item.order });
      }
      scored.sort((a, b) => a.cost - b.cost || a.order - b.order);
      const seen = new Set<Entry>();
      const unique = scored.filter((hit) => !seen.has(hit.entry) && seen.add(hit.entry));
      const best = unique[0]?.cost;
      return {
        nearest: unique.filter((hit) => hit.cost === best).map((hit) => hit.entry),
        others: unique.filter((hit) => hit.cost !== best).map((hit) => hit.entry),
      };
    },
  };
}
