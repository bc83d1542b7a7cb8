// A word engine of our own: BM25 over precomputed postings, so a query costs the postings of its words.
import type { Entry } from "../catalog/types.js";
import { buildNeighbourIndex } from "./term-neighbours.js";
import { FIELD_BOOST, wordsDocs, type RankedEntry, type WordsEngine } from "./words-engines.js";
import { termsOf } from "./words-text.js";

type Field = keyof typeof FIELD_BOOST;
/** BM25's usual constants. */
const K1 = 1.2;
const B = 0.7;
/** A word matched only through a typo or as a prefix counts this much. */
const LOOSE_MATCH = 0.5;
/** A query word this long also matches longer index words it begins ("ephem" -> "ephemeral"). */
const MIN_PREFIX = 4;
/** At most this many index words per prefix, so "co" cannot fan out over half the vocabulary. */
const MAX_PREFIX_TERMS = 8;
/** A word in more than this share of documents is common ("service", "connection"): see `search`. */
const COMMON_SHARE = 0.25;

interface Posting {
  doc: number;
  /** Sum over fields of boost x BM25 term-frequency part; times the term's idf at query time. */
  weight: number;
}

/**
 * Same inputs as the minisearch engine (names, code read as words, description, steps), same term pipeline,
 * BM25 per field summed with the same boosts. The per-document part of each term's score is computed once at
 * build time; a query then adds idf x weight along the postings of its words (exact, one typo away, or
 * longer words they begin), so it costs what its rare words' postings cost, not a walk over every document.
 */
export function buildPostingsEngine(entries: readonly Entry[]): WordsEngine {
  const FIELDS = Object.keys(FIELD_BOOST) as Field[]; // read here: words-engines.ts imports this module
  const docs = wordsDocs(entries);
  const fieldTerms = docs.map((doc) => Object.fromEntries(FIELDS.map((field) => [field, termsOf(doc[field])])) as Record<Field, string[]>);
  const averageLength = Object.fromEntries(
    FIELDS.map((field) => [field, fieldTerms.reduce((sum, terms) => sum + terms[field].length, 0) / Math.max(1, docs.length)]),
  ) as Record<Field, number>;

  const postings = new Map<string, Posting[]>();
  fieldTerms.forEach((terms, doc) => {
    const weights = new Map<string, number>();
    for (const field of FIELDS) {
      const counts = new Map<string, number>();
      for (const term of terms[field]) counts.set(term, (counts.get(term) ?? 0) + 1);
      const norm = 1 - B + (B * terms[field].length) / Math.max(1, averageLength[field]);
      for (const [term, tf] of counts) {
        weights.set(term, (weights.get(term) ?? 0) + (FIELD_BOOST[field] * tf * (K1 + 1)) / (tf + K1 * norm));
      }
    }
    for (const [term, weight] of weights) {
      const list = postings.get(term);
      if (list) list.push({ doc, weight });
      else postings.set(term, [{ doc, weight }]);
    }
  });
  const idf = new Map([...postings].map(([term, list]) => [term, Math.log(1 + (docs.length - list.length + 0.5) / (list.length + 0.5))]));
  const vocabulary = [...postings.keys()].sort();
  // Common words also get a document -> weight map, so they can score only the documents rarer words found.
  const commonCutoff = Math.max(8, COMMON_SHARE * docs.length);
  const weightsOf = new Map(
    [...postings].filter(([, list]) => list.length > commonCutoff).map(([term, list]) => [term, new Map(list.map((p) => [p.doc, p.weight]))]),
  );
  const neighbours = buildNeighbourIndex(vocabulary);

  const prefixed = (term: string): string[] => {
    if (term.length < MIN_PREFIX) return [];
    let low = 0;
    let high = vocabulary.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (vocabulary[mid]! < term) low = mid + 1;
      else high = mid;
    }
    const found: string[] = [];
    for (let i = low; i < vocabulary.length && found.length < MAX_PREFIX_TERMS && vocabulary[i]!.startsWith(term); i++) {
      if (vocabulary[i] !== term) found.push(vocabulary[i]!);
    }
    return found;
  };

  return {
    search(query, limit) {
      const scores = new Map<number, number>();
      const wanted: Array<[string, number]> = [];
      for (const term of new Set(termsOf(query))) {
        wanted.push([term, 1]);
        for (const other of new Set([...neighbours(term), ...prefixed(term)])) if (other !== term) wanted.push([other, LOOSE_MATCH]);
      }
      // Rare words first, along their postings. A common word then only adds to documents already found,
      // unless no rarer word found any: its long postings are walked only when they are all there is.
      const add = (term: string, factor: number): void => {
        const weight = factor * (idf.get(term) ?? 0);
        const byDoc = weightsOf.get(term);
        if (byDoc && scores.size > 0) {
          for (const [doc, score] of scores) {
            const found = byDoc.get(doc);
            if (found !== undefined) scores.set(doc, score + weight * found);
          }
          return;
        }
        for (const posting of postings.get(term) ?? []) scores.set(posting.doc, (scores.get(posting.doc) ?? 0) + weight * posting.weight);
      };
      wanted.sort((a, b) => (postings.get(a[0])?.length ?? 0) - (postings.get(b[0])?.length ?? 0));
      for (const [term, factor] of wanted) add(term, factor);
      const ranked = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit);
      return ranked.map(([doc, relevance]): RankedEntry => ({ entry: entries[doc]!, relevance }));
    },
  };
}
