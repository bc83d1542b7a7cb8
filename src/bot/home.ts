// Builds the App Home for a state: which codes match the filters and search, which page shows, and
// "Seen this week", read from the store each time a home is built.
import { COMPONENTS, SEVERITIES, type Component, type Entry, type Severity } from "../catalog/types.js";
import { ALL, renderHome, type SeenSection } from "../render/home.js";
import type { HomeView } from "../render/types.js";
import { EMPTY_RUNBOOK, codesWithOwnNote } from "../runbook/notes.js";
import { StateUnavailableError } from "../state/store.js";
import type { Bot } from "./bot.js";
import { serializeHomeState, type HomeState } from "./home-state.js";

export const HOME_PAGE_SIZE = 20;
export const SEEN_DAYS = 7;
export const SEEN_LIMIT = 10;

function byCode(a: Entry, b: Entry): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

function countBy<K extends string>(entries: readonly Entry[], keys: readonly K[], keyOf: (e: Entry) => K): Record<K | typeof ALL, number> {
  const counts = { [ALL]: entries.length } as Record<K | typeof ALL, number>;
  for (const key of keys) counts[key] = 0;
  for (const entry of entries) counts[keyOf(entry)] += 1;
  return counts;
}

/** "Seen this week"; a store outage shows as "unavailable" on the home, never as an error. */
async function seenSection(core: Bot): Promise<SeenSection | undefined> {
  if (!core.state) return undefined;
  try {
    const codes = await core.state.sightings.top({ days: SEEN_DAYS, limit: SEEN_LIMIT });
    return { status: "ok", days: SEEN_DAYS, rows: codes.map((row) => ({ ...row, entry: core.search.byCode(row.code) })) };
  } catch (error) {
    if (error instanceof StateUnavailableError) return { status: "unavailable" };
    throw error;
  }
}

export async function buildHome(core: Bot, state: HomeState): Promise<HomeView> {
  const seen = await seenSection(core);
  // Browsing lists codes alphabetically; a search keeps the resolver's best-first order.
  const base = state.query !== null ? core.search.searchAll(state.query) : [...core.catalog.entries].sort(byCode);
  const noted = codesWithOwnNote(core.runbook?.current() ?? EMPTY_RUNBOOK, core.editedNotes?.current().keys());
  const bySeverity = (e: Entry) => state.severity === null || e.severity === state.severity;
  const byComponent = (e: Entry) => state.component === null || e.component === state.component;
  const byNote = (e: Entry) => !state.noted || noted.has(e.code);
  const matching = base.filter((e) => bySeverity(e) && byComponent(e) && byNote(e));

  const pageCount = Math.max(1, Math.ceil(matching.length / HOME_PAGE_SIZE));
  const page = Math.min(Math.max(1, state.page), pageCount);
  const start = (page - 1) * HOME_PAGE_SIZE;

  return renderHome({
    metadata: serializeHomeState({ ...state, page }),
    component: state.component,
    severity: state.severity,
    query: state.query,
    noted: state.noted,
    searchBox: state.searchBox,
    entries: matching.slice(start, start + HOME_PAGE_SIZE),
    total: matching.length,
    page,
    pageCount,
    pageSize: HOME_PAGE_SIZE,
    componentCounts: countBy<Component>(base.filter((e) => bySeverity(e) && byNote(e)), COMPONENTS, (e) => e.component),
    severityCounts: countBy<Severity>(base.filter((e) => byComponent(e) && byNote(e)), SEVERITIES, (e) => e.severity),
    notedCount: base.filter((e) => bySeverity(e) && byComponent(e) && noted.has(e.code)).length,
    command: core.command,
    ...(seen ? { seen } : {}),
  });
}
