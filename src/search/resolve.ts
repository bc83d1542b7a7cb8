// resolve(): one query to the best entry and alternatives, trying code, title, fragment, typo, then words.
import type { Entry } from "../catalog/types.js";
import type { CodeIndex } from "./code-index.js";
import type { FragmentIndex } from "./fragment-index.js";
import { compactCode, splitComponentPrefix, titleKey } from "./normalize.js";
import { MAX_QUERY_CHARS, cleanQuery, hasCodeSeparators, isCodeLike, looksLikeInjection, namesForeignCode, valueOfKeyValue, withoutMentions } from "./query.js";
import { scanSpellings } from "./scan.js";
import type { TitleIndex } from "./title-index.js";
import type { TypoIndex } from "./typo-index.js";
import type { SegmentIndex } from "./segment-index.js";
import type { Confidence, Resolution, ResolveHow } from "./types.js";
import type { WordsFeatures, WordsMatcher } from "./words-match.js";
import { wordsConfidence } from "./confidence.js";
import { contentWords } from "./words-text.js";

export const MAX_ALTERNATIVES = 5;
/** Next to a mention, fewer content words than this are chat addressed to someone ("<@U…> ping"). */
const MIN_WORDS_AFTER_MENTION = 2;
/** A fragment shorter than this names too many codes to mean one. */
export const MIN_FRAGMENT = 4;

export interface ResolverParts {
  codes: CodeIndex;
  titles: TitleIndex;
  fragments: FragmentIndex;
  typos: TypoIndex;
  segments: SegmentIndex;
  words: WordsMatcher;
}

/** Entries that carry the same title as `entry` in another component or table. */
function titlePeers(entry: Entry, titles: TitleIndex, byCode: Map<string, Entry>): Entry[] {
  const peers = titles.lookup(titleKey(splitComponentPrefix(entry.title).rest));
  const named = entry.sharesTitleWith.map((code) => byCode.get(code)).filter((e): e is Entry => !!e);
  return [...named, ...peers];
}

/** A fragment that begins every code it names and names more than this is a family, not a problem (BRK_MT_). */
const MAX_PREFIX_FAMILY = MAX_ALTERNATIVES + 1;

/** The upper-case segments of a code-like token, in the order written. */
function segmentsOf(token: string): string[] {
  return token.toUpperCase().split(/[ _-]+/).filter(Boolean);
}

/**
 * Layered resolver: deterministic steps first (exact code or alias in any case or separator, exact title,
 * codes inside a pasted line, a fragment of a code), then a code with typos or reordered segments, then a
 * word index for plain language. Each step says how sure it is (src/search/confidence.ts): only junk gets no
 * match at all; a step that finds several equally good answers leads with the first and says "possible".
 */
export function buildResolver(parts: ResolverParts): (query: string) => Resolution {
  const { codes, titles, fragments, typos, segments, words } = parts;
  const byCode = new Map(codes.entries.map((entry) => [entry.code, entry]));

  const answer = (
    query: string,
    how: ResolveHow,
    confidence: Confidence | null,
    found: readonly Entry[],
    more: readonly Entry[] = [],
    evidence?: WordsFeatures,
  ): Resolution => {
    const match = confidence === null ? null : (found[0] ?? null);
    const related = match ? titlePeers(match, titles, byCode) : [];
    const ordered = [...(match ? found.slice(1) : found), ...related, ...more];
    const alternatives = [...new Set(ordered)].filter((entry) => entry !== match).slice(0, MAX_ALTERNATIVES);
    return match
      ? { query, match, alternatives, how, confidence, ...(evidence && { evidence }) }
      : { query, match: null, alternatives, how: "none", confidence: null, ...(evidence && { evidence }) };
  };
  /** One entry: sure; several: a list led by the first. */
  const oneOrList = (found: readonly Entry[], sure: Confidence): Confidence => (found.length === 1 ? sure : "possible");

  const suggestionsFor = (text: string): Entry[] => words(text).ranked;

  return (raw) => {
    const query = raw.slice(0, MAX_QUERY_CHARS);
    const text = cleanQuery(withoutMentions(query));
    if (!text) return answer(query, "none", null, []);

    // 1. The whole query is a code, an alias or a page title.
    const spellings = codes.compact.get(compactCode(text)) ?? [];
    const titled = titles.lookup(text);
    if (spellings.length || titled.length) {
      const spelled = spellings.map((s) => s.entry);
      const how: ResolveHow = spellings[0]?.via ?? "title";
      // Lower-case words read as a title first ("invalid domain"), anything else as a code first.
      if (titled.length && (!spellings.length || (/\s/.test(text) && /[a-z]/.test(text)))) {
        return answer(query, "title", oneOrList(titled, "certain"), titled, spelled);
      }
      return answer(query, how, oneOrList(spelled, "certain"), spelled, titled);
    }

    // 2. Codes inside a longer text: a whole log line, a JSON fragment, a question. The paste is scanned
    // whole (up to MAX_SCAN_CHARS), not only the first MAX_QUERY_CHARS.
    const inside = scanSpellings(codes, raw);
    if (inside.length) {
      const found = inside.map((spelling) => spelling.entry);
      return answer(query, inside[0]!.via, oneOrList(found, "certain"), found);
    }

    // 3. A piece of a code, then a code with typos or reordered segments.
    const token = valueOfKeyValue(text) ?? text;
    if (isCodeLike(token)) {
      const compact = compactCode(token);
      if (compact.length >= MIN_FRAGMENT) {
        const { aligned, partial } = fragments.find(compact);
        const hits = aligned.length ? aligned : partial;
        // A family begins many codes (FOHH_ also sits inside one AST_ code: the family still wins).
        if (hits.filter((entry) => compactCode(entry.code).startsWith(compact)).length > MAX_PREFIX_FAMILY) {
          return answer(query, "none", null, hits); // a bare prefix such as BRK_MT_
        }
        if (aligned.length) return answer(query, "fragment", oneOrList(aligned, "certain"), aligned, partial);
        if (partial.length) return answer(query, "fragment", oneOrList(partial, "certain"), partial);
      }
      const typo = typos.find(compact);
      if (typo.nearest.length) return answer(query, "typo", oneOrList(typo.nearest, "likely"), typo.nearest, typo.others);
      const reordered = segments.find(segmentsOf(token));
      if (reordered.nearest.length) {
        return answer(query, "reordered", oneOrList(reordered.nearest, "likely"), reordered.nearest, reordered.others);
      }
      // A made-up code is no plain-language question: suggest, never match.
      if (hasCodeSeparators(token)) return answer(query, "none", null, suggestionsFor(token.replace(/[_-]/g, " ")));
    }

    // 4. Plain words. An injection try or another vendor's error is no ZPA question, whatever words it borrows
    // ("DROP TABLE users", "AADSTS700016 application not found").
    // A mention with one word ("<@U…> ping", "@sam thanks") addresses a person: chat, not a question.
    const { ranked, features } = words(text);
    if (looksLikeInjection(text) || namesForeignCode(text)) return answer(query, "none", null, ranked);
    if (withoutMentions(query) !== query && contentWords(text) < MIN_WORDS_AFTER_MENTION) return answer(query, "none", null, ranked);
    const confidence = features ? wordsConfidence(features) : null;
    return answer(query, "words", confidence, ranked, [], features ?? undefined);
  };
}
