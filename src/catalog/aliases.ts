// LSS spellings of page codes: which LSS-only codes are aliases of a page code.
import type { Lss } from "./types.js";
import { sameTitle } from "./text.js";

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * LSS codes that are another spelling of a page code: absent from both pages, at most two characters
 * from a page code, AND with the same title. Both conditions, because near spellings alone are often
 * different codes (MT_CLOSED_DTLS_CONN_GONE is the DTLS sibling of MT_CLOSED_TLS_CONN_GONE, with its
 * own LSS name). Returns alias -> page code.
 */
export function findAliases(pageTitles: ReadonlyMap<string, string>, lss: ReadonlyMap<string, Lss>): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const [lssCode, record] of lss) {
    if (pageTitles.has(lssCode)) continue;
    const matches = [...pageTitles].filter(
      ([code, title]) => editDistance(code, lssCode) <= 2 && sameTitle(title, record.name),
    );
    if (matches.length === 1) aliases.set(lssCode, matches[0]![0]);
  }
  return aliases;
}
