// Single-process DedupeStore: a Map in insertion order, bounded so a busy workspace cannot grow it
// without limit; it evicts from the oldest claim, dropping expired ones as it goes.
import type { DedupeStore } from "./store.js";

/** Matches the in-process store's DEFAULT_MAX_ENTRIES. */
export const DEFAULT_MAX_CLAIMS = 20_000;

export interface MemoryDedupeOptions {
  maxEntries?: number;
  /** Injectable clock (ms), for tests of expiry. */
  now?: () => number;
}

export class MemoryDedupeStore implements DedupeStore {
  readonly #expiresAt = new Map<string, number>();
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: MemoryDedupeOptions = {}) {
    this.#maxEntries = Math.max(1, options.maxEntries ?? DEFAULT_MAX_CLAIMS);
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#expiresAt.size;
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const now = this.#now();
    const expiry = this.#expiresAt.get(key);
    if (expiry !== undefined && expiry > now) return false;
    // Re-inserting moves the key to the end, keeping the Map ordered by claim time.
    this.#expiresAt.delete(key);
    this.#expiresAt.set(key, now + ttlMs);
    this.#evict(now);
    return true;
  }

  async release(key: string): Promise<void> {
    this.#expiresAt.delete(key);
  }

  /** Drops from the oldest end: anything over the bound, and expired claims (amortised O(1) per claim). */
  #evict(now: number): void {
    for (const [key, expiry] of this.#expiresAt) {
      if (this.#expiresAt.size <= this.#maxEntries && expiry > now) break;
      this.#expiresAt.delete(key);
    }
  }
}
