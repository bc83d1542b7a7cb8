// The codes a card also names: same page title, or same-title results of the query; and de-duplicated lists.
import type { Entry } from "../catalog/types.js";
import type { Resolution, Search } from "../search/types.js";

function unique(entries: Iterable<Entry>, except?: Entry): Entry[] {
  const seen = new Set<string>(except ? [except.code] : []);
  const out: Entry[] = [];
  for (const entry of entries) {
    if (seen.has(entry.code)) continue;
    seen.add(entry.code);
    out.push(entry);
  }
  return out;
}

/** Codes sharing the entry's page title, plus same-title alternatives when the query was that title. */
export function alsoNamedBy(search: Search, entry: Entry, resolution?: Resolution): Entry[] {
  const byTitle = entry.sharesTitleWith.map((code) => search.byCode(code)).filter((e): e is Entry => e !== undefined);
  const fromQuery =
    resolution?.how === "title" ? resolution.alternatives.filter((alt) => alt.title === entry.title) : [];
  return unique([...byTitle, ...fromQuery], entry);
}

export { unique as uniqueEntries };
