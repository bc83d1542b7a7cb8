// Page-title lookup: a query that is a title (with or without its component prefix) finds its codes.
import type { Entry } from "../catalog/types.js";
import { splitComponentPrefix, titleKey } from "./normalize.js";

interface TitleRecord {
  entry: Entry;
  /** Component named by the title's own prefix, else the entry's component. */
  component: string;
  /** The page title, rather than an alias title or an extra meaning. */
  primary: boolean;
}

export interface TitleIndex {
  /** Entries whose title (without its component prefix) equals the query, best first. */
  lookup(query: string): Entry[];
}

const CATEGORY_RANK: Record<Entry["category"], number> = { error: 0, policy: 1, info: 2, success: 3 };

export function buildTitleIndex(entries: readonly Entry[]): TitleIndex {
  const byKey = new Map<string, TitleRecord[]>();
  const add = (title: string, entry: Entry, primary: boolean): void => {
    const { component, rest } = splitComponentPrefix(title);
    const key = titleKey(rest);
    if (!key) return;
    const list = byKey.get(key) ?? [];
    const existing = list.find((record) => record.entry === entry);
    if (existing) existing.primary ||= primary;
    else list.push({ entry, component: component ?? entry.component, primary });
    byKey.set(key, list);
  };
  entries.forEach((entry) => {
    add(entry.title, entry, true);
    for (const title of entry.altTitles) add(title, entry, false);
    for (const meaning of entry.extraMeanings) add(meaning.title, entry, false);
    // Not entry.lss.name: Zscaler's LSS list misnames some codes; the catalog keeps the good names in altTitles.
  });
  const order = new Map(entries.map((entry, position) => [entry, position]));
  // The page title beats an alias title; then errors before info, then catalog order.
  const rank = (a: TitleRecord, b: TitleRecord): number =>
    Number(b.primary) - Number(a.primary) ||
    CATEGORY_RANK[a.entry.category] - CATEGORY_RANK[b.entry.category] ||
    order.get(a.entry)! - order.get(b.entry)!;
  for (const list of byKey.values()) list.sort(rank);

  return {
    lookup(query) {
      const { component, rest } = splitComponentPrefix(query.trim());
      const records = byKey.get(titleKey(rest)) ?? [];
      return records.filter((record) => !component || record.component === component).map((record) => record.entry);
    },
  };
}
