// The free-text engines behind the word search (minisearch, fuse.js), behind one interface.
import { lssAdminAction, type Entry } from "../catalog/types.js";
import { loadFuse, loadMiniSearch } from "./libraries.js";
import { splitComponentPrefix } from "./normalize.js";
import { buildPostingsEngine } from "./words-postings.js";
import { codeAsText, splitWords, termsOf, termsOfWord } from "./words-text.js";

/** Free-text engines the resolver can use; all three are measured (docs/search.md, bench/search.bench.ts). */
export const WORDS_ENGINES = ["postings", "minisearch", "fuse"] as const;
export type WordsEngineName = (typeof WORDS_ENGINES)[number];

export interface RankedEntry {
  entry: Entry;
  /** Engine's own relevance, higher is better; only comparable within one result list. */
  relevance: number;
}

export interface WordsEngine {
  search(query: string, limit: number): RankedEntry[];
}

/** What a reader would call an entry: its titles, its code read as words, its description and its steps. */
export interface WordsDoc {
  id: number;
  names: string;
  codeWords: string;
  description: string;
  /** Remediation steps: people quote the fix they were told. */
  steps: string;
}

export const FIELD_BOOST = { names: 3, codeWords: 2, description: 1, steps: 1 } as const;

export function wordsDocs(entries: readonly Entry[]): WordsDoc[] {
  return entries.map((entry, id) => ({
    id,
    names: [entry.title, ...entry.altTitles, ...entry.extraMeanings.map((m) => m.title)]
      .map((title) => splitComponentPrefix(title).rest)
      .join(" | "),
    codeWords: [entry.code, ...entry.aliases].map(codeAsText).join(" ") + " " + entry.componentName,
    description: [entry.description, ...entry.extraMeanings.map((m) => m.description)].join(" "),
    steps: [
      ...(entry.remediationSource === "fallback" ? [] : [...entry.remediation, ...entry.extraMeanings.flatMap((m) => m.remediation)]),
      // Zscaler's LSS status list gives its own admin action per code; people quote that fix too.
      ...(entry.remediationSource === "lss" ? [] : [lssAdminAction(entry.lss) ?? ""]),
    ].join(" "),
  }));
}

export function buildMiniSearchEngine(entries: readonly Entry[]): WordsEngine {
  const MiniSearch = loadMiniSearch();
  const index = new MiniSearch<WordsDoc>({
    fields: ["names", "codeWords", "description", "steps"],
    tokenize: splitWords,
    processTerm: (word) => {
      const terms = termsOfWord(word);
      return terms.length ? [...terms] : null;
    },
    searchOptions: {
      boost: FIELD_BOOST,
      prefix: (term) => term.length >= 4,
      fuzzy: (term) => (term.length >= 5 ? 1 : false),
      combineWith: "OR",
    },
  });
  index.addAll(wordsDocs(entries));
  return {
    search(query, limit) {
      return index
        .search(query)
        .slice(0, limit)
        .map((hit) => ({ entry: entries[hit.id as number]!, relevance: hit.score }));
    },
  };
}

export function buildFuseTokenEngine(entries: readonly Entry[]): WordsEngine {
  const Fuse = loadFuse();
  const fuse = new Fuse(wordsDocs(entries), {
    useTokenSearch: true,
    tokenize: termsOf,
    ignoreLocation: true,
    includeScore: true,
    keys: Object.entries(FIELD_BOOST).map(([name, weight]) => ({ name, weight })),
  });
  return {
    search(query, limit) {
      return fuse
        .search(query, { limit })
        .map((hit) => ({ entry: entries[hit.item.id]!, relevance: 1 - (hit.score ?? 1) }));
    },
  };
}

export function buildWordsEngine(name: WordsEngineName, entries: readonly Entry[]): WordsEngine {
  if (name === "postings") return buildPostingsEngine(entries);
  return name === "fuse" ? buildFuseTokenEngine(entries) : buildMiniSearchEngine(entries);
}
