// Every code a search matches (App Home), led by the resolver's own ranking.
import type { Entry } from "../catalog/types.js";
import type { FragmentIndex } from "./fragment-index.js";
import { compactCode } from "./normalize.js";
import { cleanQuery, isCodeLike, valueOfKeyValue, withoutMentions } from "./query.js";
import { MIN_FRAGMENT } from "./resolve.js";
import type { Resolution } from "./types.js";
import type { WordsMatcher } from "./words-match.js";

export interface SearchAllParts {
  resolve(query: string): Resolution;
  scan(text: string): Entry[];
  fragments: FragmentIndex;
  words: WordsMatcher;
}

/**
 * The resolver's answer first (codes written in the query, its match, its alternatives), then every other
 * code the query fits: each code the fragment is part of, or each entry carrying all the query's words.
 * Junk matches nothing, so it lists nothing; a bare prefix lists the codes it begins.
 */
export function searchAll(query: string, parts: SearchAllParts): Entry[] {
  const resolution = parts.resolve(query);
  const text = cleanQuery(withoutMentions(query));
  const token = valueOfKeyValue(text) ?? text;
  let rest: Entry[] = [];
  if (isCodeLike(token) && compactCode(token).length >= MIN_FRAGMENT) {
    const { aligned, partial } = parts.fragments.find(compactCode(token));
    rest = [...aligned, ...partial];
  } else if (resolution.how === "words" || resolution.how === "title") {
    rest = parts.words.every(text);
  }
  // A bare prefix (FOHH_CLOSE_REASON) is no answer, but in a search it lists its family.
  if (!resolution.match) return resolution.how === "none" && rest.length ? rest : [];
  return [...new Set([...parts.scan(query), resolution.match, ...resolution.alternatives, ...rest])];
}
