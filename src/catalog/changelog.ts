// What changed between two catalogs, as a reviewable summary (printed by `npm run catalog`).
import type { Catalog, Entry } from "./types.js";

export interface CatalogChanges {
  added: string[];
  removed: string[];
  changed: Array<{ code: string; fields: string[] }>;
  /** Source files whose hash changed, appeared or disappeared. */
  sources: string[];
}

/** What differs between two catalogs, code by code and field by field. `previous` null = first build. */
export function diffCatalogs(previous: Catalog | null, next: Catalog): CatalogChanges {
  const before = new Map<string, Entry>((previous?.entries ?? []).map((entry) => [entry.code, entry]));
  const after = new Map<string, Entry>(next.entries.map((entry) => [entry.code, entry]));
  const changed: CatalogChanges["changed"] = [];
  for (const [code, entry] of after) {
    const old = before.get(code);
    if (old === undefined) continue;
    const keys = [...new Set([...Object.keys(old), ...Object.keys(entry)])] as Array<keyof Entry>;
    const fields = keys.filter((key) => JSON.stringify(old[key]) !== JSON.stringify(entry[key])).sort();
    if (fields.length > 0) changed.push({ code, fields });
  }
  const oldSources = previous?.sources ?? {};
  return {
    added: [...after.keys()].filter((code) => !before.has(code)).sort(),
    removed: [...before.keys()].filter((code) => !after.has(code)).sort(),
    changed: changed.sort((a, b) => (a.code < b.code ? -1 : 1)),
    sources: [...new Set([...Object.keys(oldSources), ...Object.keys(next.sources)])]
      .filter((name) => oldSources[name] !== next.sources[name])
      .sort(),
  };
}

function isEmpty({ added, removed, changed, sources }: CatalogChanges): boolean {
  return added.length + removed.length + changed.length + sources.length === 0;
}

/** Dates a fresh build: today if anything changed since `previous`, else the previous date, so rebuilds stay byte-identical. */
export function withUpdatedDate(next: Catalog, previous: Catalog | null, today: string): Catalog {
  const keep = previous?.updated !== undefined && isEmpty(diffCatalogs(previous, next));
  return { format: next.format, updated: keep ? previous!.updated : today, sources: next.sources, entries: next.entries };
}

/** A short, reviewable summary for the terminal or a pull request. */
export function formatChangelog(changes: CatalogChanges): string {
  const { added, removed, changed, sources } = changes;
  if (isEmpty(changes)) return "Catalog unchanged.";
  const lines = [`Catalog changes: ${added.length} added, ${removed.length} removed, ${changed.length} changed.`];
  if (sources.length > 0) lines.push(`Source files changed: ${sources.join(", ")}`);
  for (const code of added) lines.push(`+ ${code}`);
  for (const code of removed) lines.push(`- ${code}`);
  for (const { code, fields } of changed) lines.push(`~ ${code}: ${fields.join(", ")}`);
  return lines.join("\n");
}
