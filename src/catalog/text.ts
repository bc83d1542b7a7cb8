// Text helpers for the catalog build: whitespace, same-title checks and sentence splitting, wording kept verbatim.
/** Text helpers that keep the source wording verbatim: only whitespace and glued sentences change. */

export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Same title ignoring case and spacing: "CLT: Port Unreachable" adds nothing next to "CLT: Port unreachable". */
export function sameTitle(a: string, b: string): boolean {
  return normaliseWhitespace(a).toLowerCase() === normaliseWhitespace(b).toLowerCase();
}

// A full stop after one of these does not end a sentence ("e.g. Windows").
const ABBREVIATIONS = new Set(["e.g", "i.e", "etc", "vs", "approx", "incl"]);

/**
 * Splits text into sentences, including sentences whose separator was lost when the page's list
 * items were flattened ("configured.Verify"). A boundary needs an upper-case letter after the
 * punctuation, so "e.g.,", "1.2", "TLS 1.0/1.1" and "zpath.net" stay whole.
 */
export function splitSentences(text: string): string[] {
  const flat = normaliseWhitespace(text);
  const sentences: string[] = [];
  let start = 0;
  for (const match of flat.matchAll(/(?<=[\w)"'’])[.!?](?= ?[A-Z])/g)) {
    const end = match.index + 1;
    const lastWord = /([A-Za-z.]+)\.$/.exec(flat.slice(start, end))?.[1]?.toLowerCase();
    if (lastWord !== undefined && ABBREVIATIONS.has(lastWord)) continue;
    const sentence = flat.slice(start, end).trim();
    if (sentence !== "") sentences.push(sentence);
    start = end;
  }
  const rest = flat.slice(start).trim();
  if (rest !== "") sentences.push(rest);
  return sentences;
}

/**
 * Where a flattened list lost its line breaks: "following:No-health applicationDynamic server ...
 * configured)The target". A lower-case word running into a capitalised one marks an item boundary
 * ("SessionStatus", "SaaS" and "IdP" start upper-case, so they stay whole).
 */
const LIST_ITEM_BOUNDARY = /(?<=:)(?=[A-Z])|(?<=\))(?=[A-Z][a-z])|(?<=\b[a-z]{3,})(?=[A-Z][a-z])/g;

/** The text with glued sentences separated by one space and flattened list items put back on their own lines. */
export function unglue(text: string): string {
  return splitSentences(text).join(" ").replace(LIST_ITEM_BOUNDARY, "\n");
}

const STOP_WORDS = new Set(["a", "an", "the", "to", "of", "and", "for", "in", "on", "with", "or"]);

/** Lower-case content words, for matching a page title against a URL slug. */
export function slugWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((word) => !STOP_WORDS.has(word));
}
