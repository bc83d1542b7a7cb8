// Query clean-up and shape tests (code-like, key: value), and the one query-length bound, MAX_QUERY_CHARS.
import { splitComponentPrefix } from "./normalize.js";

/** Longer queries are cut here: the longest page title has about 130 characters, a code 50. */
export const MAX_QUERY_CHARS = 200;

const OPENERS = "`'\"“”‘’*_~([{<";
const CLOSERS = "`'\"“”‘’*_~)]}>.,;:!?";

/** The query as the user meant it (already bounded by resolve): quotes, markup and end punctuation gone. */
export function cleanQuery(raw: string): string {
  let text = raw.replace(/\s+/g, " ").trim();
  for (let before = ""; before !== text; ) {
    before = text;
    while (text && OPENERS.includes(text[0]!)) text = text.slice(1);
    while (text && CLOSERS.includes(text[text.length - 1]!)) text = text.slice(0, -1);
    text = text.trim();
  }
  return text;
}

/** "@channel", "<@U123>", "<!here>" address people; they say nothing about the problem. */
export function withoutMentions(text: string): string {
  return text.replace(/<[@!#][^>]*>|@[\w.-]+/g, " ");
}

/** SQL, template or script syntax ("'; DROP TABLE users; --", "${jndi:...}", "<script>"): an injection try, not a question. */
export function looksLikeInjection(text: string): boolean {
  return /'\s*;|;\s*--|\$\{|<\/?script\b/i.test(text);
}

/**
 * Another vendor's error number (AADSTS700016, ORA-28000, KB5034441): no ZPA code fuses letters and a number, so
 * the words around it describe that vendor's error, not a ZPA one.
 */
export function namesForeignCode(text: string): boolean {
  return /\b[A-Z]{2,}-?\d{3,}\b/.test(text);
}

/** Looks like a code rather than prose: one token, or upper-case words ("BRK MT SETUP TIMEOUT"). */
export function isCodeLike(text: string): boolean {
  if (!/^[A-Za-z0-9]+(?:[ _-][A-Za-z0-9]+)*$/.test(text) || !/[A-Za-z]/.test(text)) return false;
  return /[_-]/.test(text) || !/[a-z]/.test(text);
}

/** Written with code separators (a made-up code like CONNECTOR_UNHEALTHY is not plain words). */
export function hasCodeSeparators(text: string): boolean {
  return /[_-]/.test(text) && !/\s/.test(text);
}

const KEY_VALUE = /^["']?[A-Za-z][A-Za-z0-9 _.-]{0,40}?["']?\s*[:=]\s*(.+)$/;

/** The value of a log field the user pasted with its key: `InternalReason: X`, `"InternalReason":"X"`. */
export function valueOfKeyValue(text: string): string | null {
  if (splitComponentPrefix(text).component) return null; // "AC: ..." is a title, not a field
  const found = KEY_VALUE.exec(text);
  if (!found) return null;
  const value = cleanQuery(found[1]!);
  return isCodeLike(value) && !/\s/.test(value) ? value : null;
}
