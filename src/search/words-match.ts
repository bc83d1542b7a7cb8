// Plain-language queries: weighs the query words against each entry and decides whether one answer is clear.
import type { Entry } from "../catalog/types.js";
import { directionFit, directionOf, directionOfEntry, type Direction } from "./direction.js";
import { buildNeighbourIndex } from "./term-neighbours.js";
import { wordsDocs, type WordsEngine } from "./words-engines.js";
import { contentWords, splitWords, symptomModes, termsOf, termsOfWords } from "./words-text.js";

/** Measured evidence that the best-ranked entry answers the words; src/search/confidence.ts weighs it. */
export interface WordsFeatures {
  /** Weighted share of the query's words (rare and unknown words weigh more) found anywhere in the best entry. */
  coverage: number;
  /** Best score minus the runner-up's, after re-ranking (0 when alone). */
  margin: number;
  /** The BM25 engine and the coverage re-ranking put the same entry first. */
  agreement: boolean;
  /** Query words found in the best entry's name or code that few entries carry. */
  informativeNamed: number;
  /** Query words found in the best entry's name, code, description or steps that few entries carry. */
  informative: number;
  /** Query words found anywhere in the best entry. */
  coveredWords: number;
  /** The best entry goes the query's way between two components ("CA cannot reach the service edge"). */
  directed: boolean;
  /** The query repeats every word of one of the best entry's titles (of two words or more). */
  titled: boolean;
}

export interface WordsRanking {
  /** Candidates, best first (empty when no word is known). */
  ranked: Entry[];
  /** Evidence about ranked[0]; null when nothing was found. */
  features: WordsFeatures | null;
}

const CANDIDATES = 8;
/** A title of fewer words ("Disconnected") is too short to be repeated on purpose. */
const MIN_TITLE_WORDS = 2;
/** Content words beyond this are ignored: a question is short, and every word costs an index lookup. */
export const MAX_WORDS = 10;
/** A word found only in the description is weaker evidence than one in the entry's name or code. */
const DESCRIPTION_ONLY = 0.5;
/** A word is informative when at most this share of entries mention it ("service edge" is not). */
const INFORMATIVE_SHARE = 0.15;
/** How much fitting the title (see `overlap`) adds to covering the query. */
const TITLE_FIT_WEIGHT = 0.5;
/**
 * How much going the query's way between two components adds (or going the other way takes): near-twin codes
 * share every word and differ only in who reaches whom ("SE cannot reach CA" vs "CA cannot reach SE").
 */
const DIRECTION_WEIGHT = 0.3;
/** How much the words that tell the front-runners apart add, and how many front-runners are compared. */
const DISCRIMINATIVE_WEIGHT = 0.3;
const FRONT_RUNNERS = 3;
/**
 * Among the front-runners, naming the query's failure mode (the vocabulary's `symptoms`: "expired" against "too
 * large") counts as one more telling word, this many times as rare as an informative one. A family of codes shares
 * its object words ("saml assertion"); the failure mode is what tells its members apart. Chosen on the helpdesk,
 * first, third and fifth sets (1.0 gives the same answers there, 2.0 one fewer; docs/search.md).
 */
const FAILURE_MODE_WEIGHT = 1.5;

/**
 * Jaccard overlap of a title's terms and the query's `queryTerms` terms (a title term counts when it is
 * in `nearQuery`: a query term or one typo from one). 1 when the query is the title in other words.
 */
function overlap(title: readonly string[], queryTerms: number, nearQuery: ReadonlySet<string>): number {
  const shared = title.filter((term) => nearQuery.has(term)).length;
  return shared / (title.length + queryTerms - shared);
}

interface Profile {
  /** Terms of the entry's titles and code. */
  named: Set<string>;
  /** Terms of its description. */
  described: Set<string>;
  titles: string[][];
  /** Terms of its titles of two words or more ("Disconnected" is one word, though it reads as several terms). */
  repeatable: string[][];
  direction: Direction | null;
}

interface Group {
  word: string;
  terms: readonly string[];
  /** The terms and the known terms one typo away from them. */
  near: string[];
  /** Inverse document frequency of the group's rarest term; unknown words weigh most. */
  weight: number;
  informative: boolean;
  /** The failure modes the word names (the vocabulary's `symptoms`); none for an object word ("saml"). */
  modes: number[];
}

/**
 * The engine (BM25) finds candidates; this re-ranks them and measures the evidence. Each candidate gets a
 * score: the weighted share of query words it contains (rare and unknown words weigh more, words only in
 * its description or steps half), plus how closely the query repeats one of its titles. The features of the
 * best (coverage, margin over the runner-up, whether the engine agreed) go to src/search/confidence.ts.
 */
export type WordsMatcher = ((query: string) => WordsRanking) & {
  /** Every entry that carries all the query's words (or a typo of each) in any of its texts, best first. */
  every(query: string): Entry[];
};

export function buildWordsMatcher(entries: readonly Entry[], engine: WordsEngine): WordsMatcher {
  const profiles = new Map<Entry, Profile>();
  const documentFrequency = new Map<string, number>();
  wordsDocs(entries).forEach((doc, i) => {
    const named = new Set(termsOf(`${doc.names} ${doc.codeWords}`));
    const described = new Set(termsOf(`${doc.description} ${doc.steps}`));
    for (const term of new Set([...named, ...described])) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
    profiles.set(entries[i]!, {
      named,
      described,
      titles: doc.names.split(" | ").map(termsOf).filter((terms) => terms.length),
      repeatable: doc.names.split(" | ").filter((title) => contentWords(title) >= MIN_TITLE_WORDS).map(termsOf),
      direction: directionOfEntry(entries[i]!),
    });
  });
  const neighbours = buildNeighbourIndex(documentFrequency.keys());
  // Entries by direction: a query naming who reaches whom also considers them when its words rank them low
  // ("the CA can't reach the broker": "CA" is also a certificate authority).
  const byDirection = new Map<string, Entry[]>();
  for (const [entry, { direction }] of profiles) {
    if (!direction) continue;
    const key = `${direction.from}>${direction.to}`;
    byDirection.set(key, [...(byDirection.get(key) ?? []), entry]);
  }
  // Entries by title term: a query that repeats a whole title ("user closed the connection themselves") considers
  // that entry even when only common words are shared and BM25 ranks it low.
  const titleList: Array<{ entry: Entry; size: number }> = [];
  const byTitleTerm = new Map<string, number[]>();
  for (const [entry, { repeatable }] of profiles) {
    for (const title of repeatable) {
      const terms = new Set(title);
      for (const term of terms) byTitleTerm.set(term, [...(byTitleTerm.get(term) ?? []), titleList.length]);
      titleList.push({ entry, size: terms.size });
    }
  }
  const titleRepeated = (nearQuery: ReadonlySet<string>): Entry[] => {
    const shared = new Map<number, number>();
    for (const term of nearQuery) for (const id of byTitleTerm.get(term) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    return [...shared].filter(([id, count]) => count >= titleList[id]!.size).map(([id]) => titleList[id]!.entry);
  };
  const idf = (term: string): number => Math.log((entries.length + 1) / ((documentFrequency.get(term) ?? 0) + 1));
  const informativeIdf = Math.log((entries.length + 1) / (INFORMATIVE_SHARE * entries.length + 1));

  const failureModes = symptomModes();
  const toGroups = (query: string): Group[] => {
    const byWord = new Map(termsOfWords(splitWords(query)));
    return [...byWord]
      .filter(([, terms]) => terms.length)
      .slice(0, MAX_WORDS)
      .map(([word, terms]) => {
        const weight = Math.max(...terms.map(idf));
        const near = [...new Set([...terms, ...terms.flatMap(neighbours)])];
        const modes = terms.flatMap((term) => failureModes.get(term) ?? []);
        return { word, terms, near, weight, informative: weight >= informativeIdf, modes };
      });
  };

  const carriesAll = (entry: Entry, groups: readonly Group[]): boolean => {
    const { named, described } = profiles.get(entry)!;
    return groups.every((group) => group.near.some((term) => named.has(term) || described.has(term)));
  };
  const every = (query: string): Entry[] => {
    const groups = toGroups(query);
    if (groups.length === 0) return [];
    const hits = engine.search(groups.map((group) => group.word).join(" "), entries.length);
    return hits.map((hit) => hit.entry).filter((entry) => carriesAll(entry, groups));
  };

  const rank = (query: string): WordsRanking => {
    const groups = toGroups(query);
    if (groups.length === 0) return { ranked: [], features: null };
    const queryTerms = new Set(groups.flatMap((group) => group.terms)).size;
    const nearQuery = new Set(groups.flatMap((group) => group.near));
    const totalWeight = groups.reduce((sum, group) => sum + group.weight, 0);
    const queryModes = new Set(groups.flatMap((group) => group.modes));
    const towards = directionOf(query);
    const found = engine.search(groups.map((group) => group.word).join(" "), CANDIDATES).map((hit) => hit.entry);
    const sameWay = towards ? (byDirection.get(`${towards.from}>${towards.to}`) ?? []) : [];
    const candidates = [...new Set([...found, ...sameWay, ...titleRepeated(nearQuery)])];
    const ranked = candidates.map((entry, order) => {
      const { named, described, titles, repeatable, direction } = profiles.get(entry)!;
      let rankedWeight = 0;
      let coveredWeight = 0;
      let coveredWords = 0;
      let informativeNamed = 0;
      let informative = 0;
      const factors: number[] = [];
      for (const group of groups) {
        const factor = group.near.some((t) => named.has(t))
          ? 1
          : group.near.some((t) => described.has(t))
            ? DESCRIPTION_ONLY
            : 0;
        factors.push(factor);
        rankedWeight += factor * group.weight;
        if (factor) coveredWeight += group.weight;
        if (factor) coveredWords++;
        if (factor === 1 && group.informative) informativeNamed++;
        if (factor && group.informative) informative++;
      }
      const coverage = coveredWeight / totalWeight;
      const weightedCoverage = rankedWeight / totalWeight;
      const titleFit = Math.max(0, ...titles.map((title) => overlap(title, queryTerms, nearQuery)));
      const fit = directionFit(towards, direction);
      const titled = repeatable.some((title) => title.every((term) => nearQuery.has(term)));
      const sameMode = [...named].some((term) => queryModes.has(failureModes.get(term) ?? -1));
      return { entry, coverage, coveredWords, informativeNamed, informative, directed: fit === 1, sameMode, titled, factors, score: weightedCoverage + TITLE_FIT_WEIGHT * titleFit + DIRECTION_WEIGHT * fit, order };
    });
    ranked.sort((a, b) => b.score - a.score || a.order - b.order);
    // Among the front-runners, words they all carry decide nothing; a word only some carry tells them apart
    // (the near-twins of one family share most words): a discriminative weight within the candidate set.
    // Going the query's way counts as one more word, as rare as an informative one; naming its failure mode in the
    // title or code as one more, FAILURE_MODE_WEIGHT times as rare.
    const front = ranked.slice(0, FRONT_RUNNERS);
    if (front.length > 1) {
      const weights = [...groups.map((group) => group.weight), informativeIdf, FAILURE_MODE_WEIGHT * informativeIdf];
      const carried = (hit: (typeof front)[number]): number[] => [...hit.factors, hit.directed ? 1 : 0, hit.sameMode ? 1 : 0];
      const telling = weights.map((weight, g) => weight * (1 - front.filter((hit) => carried(hit)[g]! > 0).length / front.length));
      const total = telling.reduce((sum, weight) => sum + weight, 0);
      if (total > 0) {
        for (const hit of front) hit.score += DISCRIMINATIVE_WEIGHT * carried(hit).reduce((sum, factor, g) => sum + factor * telling[g]!, 0) / total;
        ranked.sort((a, b) => b.score - a.score || a.order - b.order);
      }
    }
    const [best, second] = ranked;
    if (!best) return { ranked: [], features: null };
    const { coverage, coveredWords, informativeNamed, informative, directed, titled } = best;
    return {
      ranked: ranked.map((hit) => hit.entry),
      features: { coverage, coveredWords, informativeNamed, informative, directed, titled, margin: best.score - (second?.score ?? 0), agreement: best.order === 0 },
    };
  };
  return Object.assign(rank, { every });
}
