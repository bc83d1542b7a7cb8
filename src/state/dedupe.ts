// "Have we already done this?" behind an async interface, so the in-memory store can be swapped
// for a shared one (Redis) when several bot instances run.

export interface DedupeStore {
  /** True the first time `key` is claimed within `ttlMs`; false while an earlier claim is alive. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Gives a claim back (the work failed), so a retry may claim it again. */
  release(key: string): Promise<void>;
}
