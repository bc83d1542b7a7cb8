// Keys for matching: compact code keys, title keys and component prefixes of titles.
/** Code key that ignores case and separators: "brk-mt setup_timeout" -> "BRKMTSETUPTIMEOUT". */
export function compactCode(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

/** Component prefixes of page titles: "AC: ", "SE - ", "Private Applications BA: ", "ZPA BA: ". */
const COMPONENT_PREFIX = /^(?:(?:private applications?|zpa)\s+)?(ac|ca|clt|se|ba)\s*[:\-–]\s+/i;

export interface SplitTitle {
  /** Upper-case component prefix ("AC", "SE", ...) or null. */
  component: string | null;
  rest: string;
}

export function splitComponentPrefix(title: string): SplitTitle {
  const found = COMPONENT_PREFIX.exec(title);
  if (!found) return { component: null, rest: title };
  return { component: found[1]!.toUpperCase(), rest: title.slice(found[0].length) };
}

/**
 * Title key: lower case, typographic quotes folded, whitespace collapsed, closing punctuation dropped,
 * so "SE: User’s certificate expired." equals "se: user's certificate expired".
 */
export function titleKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/\s+/g, " ")
    .replace(/[\s.!?,;:]+$/, "")
    .trim();
}
