// The search API: createSearch(catalog) builds the indexes once; resolve(), scan() and byCode() read them.
import { loadCatalog } from "../catalog/load.js";
import type { Catalog } from "../catalog/types.js";
import { buildCodeIndex } from "./code-index.js";
import { buildFragmentIndex } from "./fragment-index.js";
import { buildResolver } from "./resolve.js";
import { searchAll } from "./search-all.js";
import { scanText } from "./scan.js";
import { buildSegmentIndex } from "./segment-index.js";
import { buildTitleIndex } from "./title-index.js";
import { buildTypoIndex } from "./typo-index.js";
import type { Search } from "./types.js";
import { buildWordsEngine, type WordsEngineName } from "./words-engines.js";
import { buildWordsMatcher, type WordsMatcher } from "./words-match.js";

export type { Confidence, Resolution, ResolveHow, Search } from "./types.js";
export { MAX_QUERY_CHARS } from "./query.js";
export { MAX_SCAN_CHARS } from "./scan.js";

export interface SearchOptions {
  /** Free-text engine; "postings" (our own BM25) is the default: it scales (docs/search.md). */
  words?: WordsEngineName;
}

/**
 * Builds the indexes once; resolve and scan then only read them. The word index, two thirds of the build,
 * is made on the first query that needs it: a CLI lookup of a code never pays for it.
 */
export function createSearch(catalog: Catalog, options: SearchOptions = {}): Search {
  const entries = catalog.entries;
  const codes = buildCodeIndex(entries);
  let built: WordsMatcher | undefined;
  const matcher = (): WordsMatcher => (built ??= buildWordsMatcher(entries, buildWordsEngine(options.words ?? "postings", entries)));
  const words: WordsMatcher = Object.assign((query: string) => matcher()(query), { every: (query: string) => matcher().every(query) });
  const fragments = buildFragmentIndex(codes.spellings);
  const resolve = buildResolver({
    codes,
    titles: buildTitleIndex(entries),
    fragments,
    typos: buildTypoIndex(codes.spellings),
    segments: buildSegmentIndex(codes.spellings),
    words,
  });
  return {
    resolve,
    scan: (text) => scanText(codes, text),
    searchAll: (query) => searchAll(query, { resolve, scan: (text) => scanText(codes, text), fragments, words }),
    byCode: (code) => codes.exact.get(code.toUpperCase())?.entry,
    codes,
  };
}

let shared: Search | undefined;

/** The search over data/catalog.json, built on first use and kept for the process. */
export function defaultSearch(): Search {
  shared ??= createSearch(loadCatalog());
  return shared;
}
