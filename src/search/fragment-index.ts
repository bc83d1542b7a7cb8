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

/** Spellings are listed under each of their four-letter pieces; a fragment is at least this long to use them. */
const GRAM = 4;

/**
 * A fragment can only be inside a spelling that has every four-letter piece of it, so only the spellings
 * listed under its rarest piece are searched: the cost follows how many codes share that piece.
 */
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
  const byGram = new Map<string, Segmented[]>();
  for (const item of segmented) {
    const grams = new Set<string>();
    for (let i = 0; i + GRAM <= item.spelling.compact.length; i++) grams.add(item.spelling.compact.slice(i, i + GRAM));
    for (const gram of grams) {
      const list = byGram.get(gram);
      if (list) list.push(item);
      else byGram.set(gram, [item]);
    }
  }
  const searched = (fragment: string): readonly Segmented[] => {
    if (fragment.length < GRAM) return segmented;
    let rarest: readonly Segmented[] | undefined;
    for (let i = 0; i + GRAM <= fragment.length; i++) {
      const list = byGram.get(fragment.slice(i, i + GRAM)) ?? [];
      if (!rarest || list.length < rarest.length) rarest = list;
      if (rarest.length === 0) break;
    }
    return rarest ?? [];
  };
  return {
    find(fragment) {
      const aligned = new Map<Entry, number>();
      const partial = new Map<Entry, number>();
      if (!fragment) return { aligned: [], partial: [] };
      for (const { spelling, boundaries } of searched(fragment)) {
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
