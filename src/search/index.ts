// The search API: createSearch(catalog) builds the indexes once; resolve(), scan() and byCode() read them.
import { loadCatalog } from "../catalog/load.js";
import type { Catalog } from "../catalog/types.js";
import { buildCodeIndex } from "./code-index.js";
import { buildFragmentIndex } from "./fragment-index.js";
import { buildResolver } from "./resolve.js";
import { scanText } from "./scan.js";
import { buildTitleIndex } from "./title-index.js";
import { buildTypoIndex } from "./typo-index.js";
import type { Search } from "./types.js";
import { buildWordsEngine, type WordsEngineName } from "./words-engines.js";
import { buildWordsMatcher, type WordsMatcher } from "./words-match.js";

export type { Resolution, ResolveHow, Search } from "./types.js";
export { MAX_QUERY_CHARS } from "./query.js";
export { MAX_SCAN_CHARS } from "./scan.js";

export interface SearchOptions {
  /** Free-text engine; "minisearch" (BM25) won the measurements in the README. */
  words?: WordsEngineName;
}

/**
 * Builds the indexes once; resolve and scan then only read them. The word index, two thirds of the build,
 * is made on the first query that needs it: a CLI lookup of a code never pays for it.
 */
export function createSearch(catalog: Catalog, options: SearchOptions = {}): Search {
  const entries = catalog.entries;
  const codes = buildCodeIndex(entries);
  let words: WordsMatcher | undefined;
  const resolve = buildResolver({
    codes,
    titles: buildTitleIndex(entries),
    fragments: buildFragmentIndex(codes.spellings),
    typos: buildTypoIndex(codes.spellings),
    words: (query) => (words ??= buildWordsMatcher(entries, buildWordsEngine(options.words ?? "minisearch", entries)))(query),
  });
  return {
    resolve,
    scan: (text) => scanText(codes, text),
    byCode: (code) => codes.exact.get(code.toUpperCase())?.entry,
  };
}

let shared: Search | undefined;

/** The search over data/catalog.json, built on first use and kept for the process. */
export function defaultSearch(): Search {
  shared ??= createSearch(loadCatalog());
  return shared;
}
