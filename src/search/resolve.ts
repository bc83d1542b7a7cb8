// resolve(): one query to the best entry and alternatives, trying code, title, fragment, typo, then words.
import type { Entry } from "../catalog/types.js";
import type { CodeIndex } from "./code-index.js";
import type { FragmentIndex } from "./fragment-index.js";
import { compactCode, splitComponentPrefix, titleKey } from "./normalize.js";
import { MAX_QUERY_CHARS, cleanQuery, hasCodeSeparators, isCodeLike, valueOfKeyValue } from "./query.js";
import { scanSpellings } from "./scan.js";
import type { TitleIndex } from "./title-index.js";
import type { TypoIndex } from "./typo-index.js";
import type { Resolution, ResolveHow } from "./types.js";
import type { WordsMatcher } from "./words-match.js";

export const MAX_ALTERNATIVES = 5;
/** A fragment shorter than this names too many codes to mean one. */
export const MIN_FRAGMENT = 4;

export interface ResolverParts {
  codes: CodeIndex;
  titles: TitleIndex;
  fragments: FragmentIndex;
  typos: TypoIndex;
  words: WordsMatcher;
}

/** Entries that carry the same title as `entry` in another component or table. */
function titlePeers(entry: Entry, titles: TitleIndex, byCode: Map<string, Entry>): Entry[] {
  const peers = titles.lookup(titleKey(splitComponentPrefix(entry.title).rest));
  const named = entry.sharesTitleWith.map((code) => byCode.get(code)).filter((e): e is Entry => !!e);
  return [...named, ...peers];
}

/**
 * Layered resolver: deterministic steps first (exact code or alias in any case or separator, exact title,
 * a code inside a pasted line, a fragment of a code), then fuse.js for typos in codes, then a word index
 * for plain language. A step that finds several equally good answers returns no match and lists them.
 */
export function buildResolver(parts: ResolverParts): (query: string) => Resolution {
  const { codes, titles, fragments, typos, words } = parts;
  const byCode = new Map(codes.entries.map((entry) => [entry.code, entry]));

  const answer = (query: string, how: ResolveHow, found: readonly Entry[], more: readonly Entry[] = []): Resolution => {
    const match = how === "none" ? null : (found[0] ?? null);
    const related = match ? titlePeers(match, titles, byCode) : [];
    const ordered = [...(match ? found.slice(1) : found), ...related, ...more];
    const alternatives = [...new Set(ordered)].filter((entry) => entry !== match).slice(0, MAX_ALTERNATIVES);
    return { query, match, alternatives, how: match ? how : "none" };
  };

  const suggestionsFor = (text: string): Entry[] => {
    const { match, others } = words(text);
    return match ? [match, ...others] : others;
  };

  return (raw) => {
    const query = raw.slice(0, MAX_QUERY_CHARS);
    const text = cleanQuery(query);
    if (!text) return answer(query, "none", []);

    // 1. The whole query is a code, an alias or a page title.
    const spellings = codes.compact.get(compactCode(text)) ?? [];
    const titled = titles.lookup(text);
    if (spellings.length || titled.length) {
      const spelled = spellings.map((s) => s.entry);
      const how: ResolveHow = spellings[0]?.via ?? "title";
      // Lower-case words read as a title first ("invalid domain"), anything else as a code first.
      if (titled.length && (!spellings.length || (/\s/.test(text) && /[a-z]/.test(text)))) {
        return answer(query, "title", [...titled, ...spelled]);
      }
      return answer(query, how, [...spelled, ...titled]);
    }

    // 2. A code inside a longer text: a log line, a question, a JSON field.
    const inside = scanSpellings(codes, text);
    if (inside.length) {
      return answer(query, inside[0]!.via, inside.map((spelling) => spelling.entry));
    }

    // 3. A piece of a code, then a code with a typo or two.
    const token = valueOfKeyValue(text) ?? text;
    if (isCodeLike(token)) {
      const compact = compactCode(token);
      if (compact.length >= MIN_FRAGMENT) {
        const { aligned, partial } = fragments.find(compact);
        if (aligned.length === 1) return answer(query, "fragment", aligned, partial);
        if (aligned.length > 1) return answer(query, "none", aligned, partial);
        if (partial.length === 1) return answer(query, "fragment", partial);
        if (partial.length > 1) return answer(query, "none", partial);
      }
      const { nearest, others } = typos.find(compact);
      if (nearest.length === 1) return answer(query, "typo", nearest, others);
      if (nearest.length > 1) return answer(query, "none", nearest, others);
      // A made-up code is no plain-language question: suggest, never match.
      if (hasCodeSeparators(token)) return answer(query, "none", suggestionsFor(token.replace(/[_-]/g, " ")));
    }

    // 4. Plain words.
    const verdict = words(text);
    return verdict.match ? answer(query, "words", [verdict.match], verdict.others) : answer(query, "none", verdict.others);
  };
}
