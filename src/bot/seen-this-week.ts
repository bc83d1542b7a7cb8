// The App Home's "Seen this week", kept as the last list read from the store. The home builder is
// synchronous, so surfaces call refresh() before building a home (tab opened, home buttons).
import { StateUnavailableError } from "../state/errors.js";
import type { CodeCount } from "../state/store.js";
import type { Sightings } from "../trends/sightings.js";

export const SEEN_DAYS = 7;
export const SEEN_LIMIT = 10;

export type SeenSnapshot =
  | { status: "ok"; codes: readonly CodeCount[] }
  /** The shared store could not be read: the home says so instead of showing nothing. */
  | { status: "unavailable" };

export interface SeenThisWeek {
  current(): SeenSnapshot;
  /** Reads the list again; a store outage is remembered as "unavailable", never thrown. */
  refresh(): Promise<SeenSnapshot>;
}

export function createSeenThisWeek(sightings: Sightings): SeenThisWeek {
  let snapshot: SeenSnapshot = { status: "ok", codes: [] };
  let started = 0;
  let applied = 0;
  return {
    current: () => snapshot,
    async refresh() {
      const mine = ++started;
      let next: SeenSnapshot;
      try {
        next = { status: "ok", codes: await sightings.top({ days: SEEN_DAYS, limit: SEEN_LIMIT }) };
      } catch (error) {
        if (!(error instanceof StateUnavailableError)) throw error;
        next = { status: "unavailable" };
      }
      // Refreshes may finish out of order; an older read never replaces a newer one.
      if (mine > applied) {
        applied = mine;
        snapshot = next;
      }
      return snapshot;
    },
  };
}

/** Reads "Seen this week" again before a home is built; a no-op for a bot without state. */
export async function refreshSeenThisWeek(core: { state?: { seenThisWeek: SeenThisWeek } }): Promise<void> {
  await core.state?.seenThisWeek.refresh();
}
