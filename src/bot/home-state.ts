// The App Home's filters, search and page, carried in the view's private_metadata so the server
// keeps no per-user memory; anything unreadable falls back to the first page of everything.
import { z } from "zod";
import { COMPONENTS, SEVERITIES, type Component, type Severity } from "../catalog/types.js";
import { LIMITS } from "../render/limits.js";
import { MAX_SEARCH_CHARS } from "../render/modals.js";
import { stripControl } from "../render/text.js";

export interface HomeState {
  component: Component | null;
  /** Filters by severity: what each row shows (its emoji), so "Info" lists only rows marked Info. */
  severity: Severity | null;
  query: string | null;
  page: number;
  /** Only codes with a team note of their own (runbook file or Slack edit). */
  noted: boolean;
  /**
   * Bumped by "Clear search": the search box's block id carries it, and Slack keeps what was typed in
   * a box whose block id it already knows, so the box keeps a query while searching and empties on clear.
   */
  searchBox: number;
}

export const MAX_PAGE = 10_000;

export const INITIAL_HOME_STATE: HomeState = { component: null, severity: null, query: null, page: 1, noted: false, searchBox: 0 };
/** The box's generation wraps here; the id only has to differ from the one before. */
const MAX_SEARCH_BOX = 1_000;

// Short keys keep the metadata far below Slack's 3,000-character limit.
const StoredSchema = z.object({
  c: z.enum(COMPONENTS).nullable(),
  s: z.enum(SEVERITIES).nullable(),
  q: z.string().max(MAX_SEARCH_CHARS).nullable(),
  p: z.number().int().min(1).max(MAX_PAGE),
  n: z.boolean().optional(),
  b: z.number().int().min(0).max(MAX_SEARCH_BOX).optional(),
});

export function serializeHomeState(state: HomeState): string {
  const stored = {
    c: state.component,
    s: state.severity,
    q: state.query === null ? null : state.query.slice(0, MAX_SEARCH_CHARS),
    p: Math.min(Math.max(1, Math.trunc(state.page)), MAX_PAGE),
    ...(state.noted ? { n: true } : {}),
    ...(state.searchBox > 0 ? { b: Math.trunc(state.searchBox) % MAX_SEARCH_BOX } : {}),
  };
  // <, > and & as JSON \u escapes: the metadata round-trips unchanged, yet never carries a raw
  // `<!channel>` a reviewer (or a payload scan) could mistake for a live mention.
  const json = JSON.stringify(stored).replace(/[<>&]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
  // Cannot happen with a bounded query (6 characters per escape at worst); kept as a guard.
  return json.length <= LIMITS.privateMetadata ? json : JSON.stringify({ ...stored, q: null });
}

export function parseHomeState(metadata: string | undefined | null): HomeState {
  if (!metadata) return INITIAL_HOME_STATE;
  try {
    const parsed = StoredSchema.safeParse(JSON.parse(metadata));
    if (!parsed.success) return INITIAL_HOME_STATE;
    const { c, s, q, p, n, b } = parsed.data;
    return { component: c, severity: s, query: q, page: p, noted: n === true, searchBox: b ?? 0 };
  } catch {
    return INITIAL_HOME_STATE;
  }
}

/** A search box value made fit for state: trimmed, one line, bounded; empty means no search. */
export function normalizeQuery(raw: string | null | undefined): string | null {
  // Control and bidi-override characters are no part of a search; dropped here, they never reach the view.
  const query = stripControl((raw ?? "").replace(/\s+/g, " ")).trim().slice(0, MAX_SEARCH_CHARS);
  return query === "" ? null : query;
}
