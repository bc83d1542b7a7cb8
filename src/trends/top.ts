// "Seen this week": the most posted codes over the last N days, across channels.
import { DAY_MS } from "../state/buckets.js";
import { systemClock, type Clock, type CodeCount, type StateStore } from "../state/store.js";

export const DEFAULT_TOP_DAYS = 7;
export const DEFAULT_TOP_LIMIT = 10;
export const MAX_TOP_DAYS = 365;

export interface TopOptions {
  days?: number;
  limit?: number;
  clock?: Clock;
}

export function topCodes(store: StateStore, options: TopOptions = {}): Promise<CodeCount[]> {
  const days = options.days ?? DEFAULT_TOP_DAYS;
  if (!(Number.isInteger(days) && days >= 1 && days <= MAX_TOP_DAYS)) {
    throw new RangeError(`days must be a whole number from 1 to ${MAX_TOP_DAYS}`);
  }
  const now = (options.clock ?? systemClock)();
  return store.topCodes(now - days * DAY_MS, options.limit ?? DEFAULT_TOP_LIMIT);
}
