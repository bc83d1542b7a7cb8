// How sure an answer is, from measured evidence; the thresholds are tuned on test/fixtures/helpdesk-queries.ts.
import type { WordsFeatures } from "./words-match.js";

/**
 * certain: an exact code, alias, title or unique fragment, or one code in a pasted line.
 * likely: a typo or reordered code with one nearest reading, or words that single out one code.
 * possible: a ranked set, none standing out (the first is shown first, not claimed).
 */
export type Confidence = "certain" | "likely" | "possible";

export interface WordsThresholds {
  /** Below this coverage the words are not about any code: no match (junk, chit-chat)... */
  answer: number;
  /**
   * ...unless the best entry explains at least `corroboratingWords` query words, one of them a rare word of its
   * name, with this coverage: paraphrases bring words the catalog never uses ("talk", "cut"), which weigh most
   * and pull coverage down, while junk shares at most two words with any entry.
   */
  corroboratedCoverage: number;
  corroboratingWords: number;
  /** From this coverage, with `likelyMargin` over the runner-up and both rankings agreeing: likely. */
  likelyCoverage: number;
  likelyMargin: number;
  /** With `likelyCoverage` and both rankings agreeing, this many covered words answer without a rare word. */
  coveredWords: number;
}

/**
 * `answer` and `likely*` chosen on the helpdesk set (docs/search.md has the curve), `corroborated*` on it and the
 * first held-out set: junk refused >= 95%, most right answers kept.
 */
export const WORDS_THRESHOLDS: WordsThresholds = {
  answer: 0.5,
  corroboratedCoverage: 0.3,
  corroboratingWords: 3,
  likelyCoverage: 0.75,
  likelyMargin: 0.15,
  coveredWords: 4,
};

/** Null when the words are not about a catalog entry at all. */
export function wordsConfidence(features: WordsFeatures, thresholds: WordsThresholds = WORDS_THRESHOLDS): Confidence | null {
  // Words that few codes carry must be in the answer: one in its name or code, or two anywhere. "broker"
  // or "connection" alone say nothing, nor does one word that only its description or steps happen to use.
  // Going the query's way between two components, or repeating a whole title of the entry, is as telling as a
  // rare word of the entry's name.
  const named = features.informativeNamed + (features.directed ? 1 : 0) + (features.titled ? 1 : 0);
  const corroborated =
    features.coveredWords >= thresholds.corroboratingWords &&
    named >= 1 &&
    features.coverage >= thresholds.corroboratedCoverage;
  // Many words, nearly all found in one entry that both rankings put first: common words, but together specific
  // ("the user's machine closed the connection to the service edge").
  const wellCovered =
    features.coveredWords >= thresholds.coveredWords && features.coverage >= thresholds.likelyCoverage && features.agreement;
  if ((features.coverage < thresholds.answer && !corroborated) || (named === 0 && features.informative < 2 && !wellCovered)) {
    return null;
  }
  const singled =
    features.coveredWords >= 2 &&
    features.informativeNamed >= 1 &&
    features.agreement &&
    features.coverage >= thresholds.likelyCoverage &&
    features.margin >= thresholds.likelyMargin;
  return singled ? "likely" : "possible";
}
