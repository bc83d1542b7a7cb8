// Fragment lookup: a unique part of a code (OPEN_SERVER_CONN) finds the codes containing it.
import type { Entry } from "../catalog/types.js";
import type { Spelling } from "./code-index.js";

export interface FragmentHits {
  /** Codes where the fragment covers whole segments ("SNI_SLOW" in FOHH_CLOSE_REASON_SNI_SLOW). */
  aligned: Entry[];
  /** Codes where it starts or ends inside a segment ("EPHEM"). */
  partial: Entry[];
}

export interface FragmentIndex {
  /** `compactFragment` is upper case without separators; shorter codes first in each list. */
  find(compactFragment: string): FragmentHits;
}

interface Segmented {
  spelling: Spelling;
  /** Offsets in the compact spelling where a segment starts or ends. */
  boundaries: Set<number>;
}

export function buildFragmentIndex(spellings: readonly Spelling[]): FragmentIndex {
  const segmented: Segmented[] = spellings.map((spelling) => {
    const boundaries = new Set<number>([0]);
    let offset = 0;
    for (const part of spelling.text.split("_")) {
      offset += part.length;
      boundaries.add(offset);
    }
    return { spelling, boundaries };
  });
  return {
    find(fragment) {
      const aligned = new Map<Entry, number>();
      const partial = new Map<Entry, number>();
      if (!fragment) return { aligned: [], partial: [] };
      for (const { spelling, boundaries } of segmented) {
        const { compact, entry } = spelling;
        for (let at = compact.indexOf(fragment); at !== -1; at = compact.indexOf(fragment, at + 1)) {
          const target = boundaries.has(at) && boundaries.has(at + fragment.length) ? aligned : partial;
          target.set(entry, Math.min(target.get(entry) ?? Infinity, compact.length));
        }
      }
      for (const entry of aligned.keys()) partial.delete(entry);
      const byLength = (hits: Map<Entry, number>): Entry[] =>
        [...hits].sort((a, b) => a[1] - b[1]).map(([entry]) => entry);
      return { aligned: byLength(aligned), partial: byLength(partial) };
    },
  };
}
