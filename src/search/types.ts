// The search types: Resolution, how it matched, and the Search interface.
import type { Entry } from "../catalog/types.js";
import type { CodeIndex } from "./code-index.js";
import type { Confidence } from "./confidence.js";
import type { WordsFeatures } from "./words-match.js";

export type { Confidence } from "./confidence.js";

/** How a query was matched, from most to least certain. */
export type ResolveHow =
  | "code" // exact code, any case or separator
  | "alias" // exact alternative spelling
  | "title" // exact page title (with or without component prefix)
  | "fragment" // a unique piece of a code (>= 4 characters)
  | "typo" // a code with one or two typos
  | "reordered" // a code with its segments reordered, or one left out
  | "words" // plain-language search
  | "none"; // nothing confident: see alternatives

export interface Resolution {
  query: string;
  /** The entry the answer leads with; null only when nothing relevant was found. */
  match: Entry | null;
  /** Other likely codes, best first; suggestions when match is null. */
  alternatives: Entry[];
  how: ResolveHow;
  /** How sure `match` is; null exactly when match is null. */
  confidence: Confidence | null;
  /** For plain words: the measured evidence the confidence was read from. */
  evidence?: WordsFeatures;
}

export interface Search {
  resolve(query: string): Resolution;
  /** Codes literally present in the text, in order of first appearance, no repeats. */
  scan(text: string): Entry[];
  /** Every code that matches the query (for App Home search), ranked as the resolver ranks; none for junk. */
  searchAll(query: string): Entry[];
  byCode(code: string): Entry | undefined;
  /** The exact code index scan uses; OCR recovery builds its tolerant pass on it. */
  readonly codes: CodeIndex;
}
