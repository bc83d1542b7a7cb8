// How sure an answer is, from measured evidence; the thresholds are tuned on test/fixtures/helpdesk-queries.ts.
import type { WordsFeatures } from "./words-match.js";

/**
 * certain: an exact code, alias, title or unique fragment, or one code in a pasted line.
 * likely: a typo or reordered code with one nearest reading, or words that single out one code.
 * possible: a ranked set, none standing out (the first is shown first, not claimed).
 */
export type Confidence = "certain" | "likely" | "possible";

export interface WordsThresholds {
  /** Below this coverage the words are not about any code: no match (junk, chit-chat). */
  answer: number;
  /** From this coverage, with `likelyMargin` over the runner-up and both rankings agreeing: likely. */
  likelyCoverage: number;
  likelyMargin: number;
}

/** Chosen on the helpdesk set (docs/search.md has the curve): junk refused >= 95%, most right answers kept. */
export const WORDS_THRESHOLDS: WordsThresholds = { answer: 0.5, likelyCoverage: 0.75, likelyMargin: 0.15 };

/** Null when the words are not about a catalog entry at all. */
export function wordsConfidence(features: WordsFeatures, thresholds: WordsThresholds = WORDS_THRESHOLDS): Confidence | null {
  // Words that few codes carry must be in the answer: one in its name or code, or two anywhere. "broker"
  // or "connection" alone say nothing, nor does one word that only its description or steps happen to use.
  if (features.coverage < thresholds.answer || (features.informativeNamed === 0 && features.informative < 2)) return null;
  const singled =
    features.coveredWords >= 2 &&
    features.informativeNamed >= 1 &&
    features.agreement &&
    features.coverage >= thresholds.likelyCoverage &&
    features.margin >= thresholds.likelyMargin;
  return singled ? "likely" : "possible";
}
