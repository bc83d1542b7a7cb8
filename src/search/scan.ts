import type { Entry } from "../catalog/types.js";
import type { CodeIndex } from "./code-index.js";

/** Text beyond this many characters is not scanned, so no paste can make one call unbounded. */
export const MAX_SCAN_CHARS = 4 * 1024 * 1024;

const UNDERSCORE = 95;
const BACKSLASH = 92;

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isWordChar(c: number): boolean {
  return isUpper(c) || isLower(c) || (c >= 48 && c <= 57) || c === UNDERSCORE;
}
/** Letters that follow a backslash in a JSON escape (\n, \t, \u0041 ...): not part of the next word. */
function isEscapeLetter(c: number): boolean {
  return c === 110 || c === 116 || c === 114 || c === 98 || c === 102 || c === 117;
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
  const found: Entry[] = [];
  const seen = new Set<string>();
  const end = Math.min(text.length, MAX_SCAN_CHARS);
  let i = 0;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      i += i + 1 < end && isEscapeLetter(text.charCodeAt(i + 1)) ? 2 : 1;
      continue;
    }
    if (!isWordChar(c)) {
      i++;
      continue;
    }
    let start = i;
    let hasLower = false;
    for (; i < end; i++) {
      const d = text.charCodeAt(i);
      if (!isWordChar(d)) break;
      if (isLower(d)) hasLower = true;
    }
    let stop = i;
    while (start < stop && text.charCodeAt(start) === UNDERSCORE) start++;
    while (stop > start && text.charCodeAt(stop - 1) === UNDERSCORE) stop--;
    const length = stop - start;
    if (length < index.minLength || length > index.maxLength) continue;
    const token = text.slice(start, stop);
    if (hasLower && !token.includes("_")) continue;
    const spelling = index.exact.get(hasLower ? token.toUpperCase() : token);
    if (!spelling || seen.has(spelling.entry.code)) continue;
    seen.add(spelling.entry.code);
    found.push(spelling.entry);
  }
  return found;
}
