// scan(): every catalog code written in a text (a log line, a paste), in order, bounded by MAX_SCAN_CHARS.
import type { Entry } from "../catalog/types.js";
import type { CodeIndex, Spelling } from "./code-index.js";

/** Text beyond this many characters is not scanned, so no paste can make one call unbounded. */
export const MAX_SCAN_CHARS = 4 * 1024 * 1024;

// Character kinds.
const OTHER = 0;
const UPPER = 1;
const LOWER = 2;
const DIGIT = 3;
const UNDERSCORE_KIND = 4;
const BACKSLASH = 5;

/** Character kinds of ASCII; everything else separates tokens. */
const KIND = new Uint8Array(128);
for (let c = 65; c <= 90; c++) KIND[c] = UPPER;
for (let c = 97; c <= 122; c++) KIND[c] = LOWER;
for (let c = 48; c <= 57; c++) KIND[c] = DIGIT;
KIND[95] = UNDERSCORE_KIND;
KIND[92] = BACKSLASH;

const UNDERSCORE = 95;
/** Letters after a backslash in a JSON escape (\n, \t, \u0041 ...): not the start of the next word. */
const ESCAPE_LETTERS = new Set([..."ntrbfu"].map((letter) => letter.charCodeAt(0)));

function kindAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c < 128 ? KIND[c]! : OTHER;
}

/**
 * Codes literally present in the text, in order of first appearance, no repeats.
 *
 * One pass over the characters: every run of [A-Za-z0-9_] is a token, and only a whole token can be a
 * code, so AST_MT_SETUP_TIMEOUT_CANNOT_CONN_TO_BROKER never yields AST_MT_SETUP_TIMEOUT and
 * BRK_MT_SETUP_TIMEOUTS yields nothing. Underscores at the ends of a token are dropped (Slack italics:
 * _BRK_MT_SETUP_TIMEOUT_). A token in upper case must equal a code or alias exactly; a token with lower
 * case letters counts only if it contains an underscore and equals a code ignoring case (a JSON value or a
 * chat line typed in lower case), so prose like "invalid domain" never matches.
 */
export function scanText(index: CodeIndex, text: string): Entry[] {
  return scanSpellings(index, text).map((spelling) => spelling.entry);
}

/** As scanText, but says how each entry was first written: its code or one of its aliases. */
export function scanSpellings(index: CodeIndex, text: string): Spelling[] {
  const found: Spelling[] = [];
  const seen = new Set<Entry>();
  const end = Math.min(text.length, MAX_SCAN_CHARS);
  let i = 0;
  while (i < end) {
    const kind = kindAt(text, i);
    if (kind === OTHER) {
      i++;
      continue;
    }
    if (kind === BACKSLASH) {
      i += ESCAPE_LETTERS.has(text.charCodeAt(i + 1)) ? 2 : 1;
      continue;
    }
    let start = i;
    let hasLower = kind === LOWER;
    for (i++; i < end; i++) {
      const next = kindAt(text, i);
      if (next === OTHER || next === BACKSLASH) break;
      if (next === LOWER) hasLower = true;
    }
    let stop = i;
    if (stop - start < index.minLength) continue;
    while (start < stop && text.charCodeAt(start) === UNDERSCORE) start++;
    while (stop > start && text.charCodeAt(stop - 1) === UNDERSCORE) stop--;
    const length = stop - start;
    if (length < index.minLength || length > index.maxLength) continue;
    const token = text.slice(start, stop);
    if (hasLower && !token.includes("_")) continue;
    const spelling = index.exact.get(hasLower ? token.toUpperCase() : token);
    if (!spelling || seen.has(spelling.entry)) continue;
    seen.add(spelling.entry);
    found.push(spelling);
  }
  return found;
}
