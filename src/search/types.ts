// The search types: Resolution, how it matched, and the Search interface.
import type { Entry } from "../catalog/types.js";

/** How a query was matched, from most to least certain. */
export type ResolveHow =
  | "code" // exact code, any case or separator
  | "alias" // exact alternative spelling
  | "title" // exact page title (with or without component prefix)
  | "fragment" // a unique piece of a code (>= 4 characters)
  | "typo" // a code with one or two typos
  | "words" // plain-language search
  | "none"; // nothing confident: see alternatives

export interface Resolution {
  query: string;
  match: Entry | null;
  /** Other likely codes, best first; suggestions when match is null. */
  alternatives: Entry[];
  how: ResolveHow;
}

export interface Search {
  resolve(query: string): Resolution;
  /** Codes literally present in the text, in order of first appearance, no repeats. */
  scan(text: string): Entry[];
  byCode(code: string): Entry | undefined;
}
