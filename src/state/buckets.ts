// Sightings are counted in hour buckets: small keys, cheap expiry, and a 7-day top list reads 169 of them.

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export function hourBucket(timeMs: number): number {
  return Math.floor(timeMs / HOUR_MS);
}

/** Every hour bucket from the one holding sinceMs to the one holding untilMs, oldest first. */
export function hourBucketsBetween(sinceMs: number, untilMs: number): number[] {
  const buckets: number[] = [];
  for (let hour = hourBucket(sinceMs); hour <= hourBucket(untilMs); hour += 1) buckets.push(hour);
  return buckets;
}

/** Most seen first; ties by more people, then by code so the order is stable. */
export function rankCodes<T extends { code: string; count: number; people?: number }>(counts: T[]): T[] {
  return [...counts].sort(
    (a, b) => b.count - a.count || (b.people ?? 0) - (a.people ?? 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
