// Plain-language queries: weighs the query words against each entry and decides whether one answer is clear.
import type { Entry } from "../catalog/types.js";
import { buildNeighbourIndex } from "./term-neighbours.js";
import { wordsDocs, type WordsEngine } from "./words-engines.js";
import { splitWords, termsOf, termsOfWord } from "./words-text.js";

export interface WordsVerdict {
  /** Set only when one entry clearly answers the words. */
  match: Entry | null;
  /** Other candidates, best first. */
  others: Entry[];
}

const CANDIDATES = 8;
/** Content words beyond this are ignored: a question is short, and every word costs an index lookup. */
export const MAX_WORDS = 10;
/** Share of the query's weight an answer must contain. */
const MIN_COVERAGE = 0.6;
/** A word found only in the description is weaker evidence than one in the entry's name or code. */
const DESCRIPTION_ONLY = 0.5;
/** A word is informative when at most this share of entries mention it ("service edge" is not). */
const INFORMATIVE_SHARE = 0.15;
/** A rival is a tie when it scores within this of the best and the engine rates it this close too. */
const TIE_SCORE = 0.1;
const TIE_RELEVANCE = 0.75;
/** How much fitting the title (see `overlap`) adds to covering the query. */
const TITLE_FIT_WEIGHT = 0.5;

/**
 * Jaccard overlap of a title's terms and the query's `queryTerms` terms (a title term counts when it is
 * in `nearQuery`: a query term or one typo from one). 1 when the query is the title in other words.
 */
function overlap(title: readonly string[], queryTerms: number, nearQuery: ReadonlySet<string>): number {
  const shared = title.filter((term) => nearQuery.has(term)).length;
  return shared / (title.length + queryTerms - shared);
}

/** "@channel", "<@U123>", "<!here>" address people; they say nothing about the problem. */
function withoutMentions(text: string): string {
  return text.replace(/<[@!#][^>]*>|@[\w.-]+/g, " ");
}

interface Profile {
  /** Terms of the entry's titles and code. */
  named: Set<string>;
  /** Terms of its description. */
  described: Set<string>;
  titles: string[][];
}

interface Group {
  word: string;
  terms: readonly string[];
  /** The terms and the known terms one typo away from them. */
  near: string[];
  /** Inverse document frequency of the group's rarest term; unknown words weigh most. */
  weight: number;
  informative: boolean;
}

/**
 * The engine ranks; this decides whether to trust its answer. Each candidate gets a score: the weighted
 * share of query words it contains (rare words weigh more, words only in its description half), plus how
 * closely the query repeats one of its titles. The best is a match only if it contains most of the query,
 * at least two of its words, one of them informative and in the entry's name or code, and no rival scores
 * about the same. Otherwise the words only suggest: one word is never enough for a confident answer.
 */
export type WordsMatcher = (query: string) => WordsVerdict;

export function buildWordsMatcher(entries: readonly Entry[], engine: WordsEngine): WordsMatcher {
  const profiles = new Map<Entry, Profile>();
  const documentFrequency = new Map<string, number>();
  wordsDocs(entries).forEach((doc, i) => {
    const named = new Set(termsOf(`${doc.names} ${doc.codeWords}`));
    const described = new Set(termsOf(doc.description));
    for (const term of new Set([...named, ...described])) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
    profiles.set(entries[i]!, {
      named,
      described,
      titles: doc.names.split(" | ").map(termsOf).filter((terms) => terms.length),
    });
  });
  const neighbours = buildNeighbourIndex(documentFrequency.keys());
  const idf = (term: string): number => Math.log((entries.length + 1) / ((documentFrequency.get(term) ?? 0) + 1));
  const informativeIdf = Math.log((entries.length + 1) / (INFORMATIVE_SHARE * entries.length + 1));

  const toGroups = (query: string): Group[] => {
    const byWord = new Map(splitWords(withoutMentions(query)).map((word) => [word, termsOfWord(word)]));
    return [...byWord]
      .filter(([, terms]) => terms.length)
      .slice(0, MAX_WORDS)
      .map(([word, terms]) => {
        const weight = Math.max(...terms.map(idf));
        const near = [...new Set([...terms, ...terms.flatMap(neighbours)])];
        return { word, terms, near, weight, informative: weight >= informativeIdf };
      });
  };

  return (query) => {
    const groups = toGroups(query);
    if (groups.length === 0) return { match: null, others: [] };
    const queryTerms = new Set(groups.flatMap((group) => group.terms)).size;
    const nearQuery = new Set(groups.flatMap((group) => group.near));
    const totalWeight = groups.reduce((sum, group) => sum + group.weight, 0);
    const ranked = engine.search(groups.map((group) => group.word).join(" "), CANDIDATES).map((hit, order) => {
      const { named, described, titles } = profiles.get(hit.entry)!;
      let coveredWeight = 0;
      let coveredGroups = 0;
      let informativeNamed = 0;
      for (const group of groups) {
        const factor = group.near.some((t) => named.has(t))
          ? 1
          : group.near.some((t) => described.has(t))
            ? DESCRIPTION_ONLY
            : 0;
        coveredWeight += factor * group.weight;
        if (factor) coveredGroups++;
        if (factor === 1 && group.informative) informativeNamed++;
      }
      const coverage = coveredWeight / totalWeight;
      const titleFit = Math.max(0, ...titles.map((title) => overlap(title, queryTerms, nearQuery)));
      return { ...hit, coverage, coveredGroups, informativeNamed, score: coverage + TITLE_FIT_WEIGHT * titleFit, order };
    });
    ranked.sort((a, b) => b.score - a.score || a.order - b.order);
    const [best, ...rest] = ranked;
    if (!best) return { match: null, others: [] };
    const others = rest.map((hit) => hit.entry);
    const enough = best.coverage >= MIN_COVERAGE && best.coveredGroups >= 2 && best.informativeNamed >= 1;
    const tied = rest.some((hit) => hit.score >= best.score - TIE_SCORE && hit.relevance >= TIE_RELEVANCE * best.relevance);
    if (!enough || tied) return { match: null, others: [best.entry, ...others] };
    return { match: best.entry, others };
  };
}
