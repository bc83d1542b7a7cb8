// The in-memory dedupe store behind auto-replies: first claim wins, claims expire, the store stays bounded.
import { describe, expect, it } from "vitest";
import { MemoryDedupeStore } from "../../src/state/memory-dedupe.js";

describe("MemoryDedupeStore", () => {
  it("grants a key once while its claim lives, and again after it expires", async () => {
    let now = 1_000;
    const store = new MemoryDedupeStore({ now: () => now });
    expect(await store.claim("reply:C1:1.1:CODE", 60_000)).toBe(true);
    expect(await store.claim("reply:C1:1.1:CODE", 60_000)).toBe(false);
    expect(await store.claim("reply:C1:1.1:OTHER", 60_000)).toBe(true);
    now += 59_999;
    expect(await store.claim("reply:C1:1.1:CODE", 60_000)).toBe(false);
    now += 1;
    expect(await store.claim("reply:C1:1.1:CODE", 60_000)).toBe(true);
  });

  it("lets a released claim be taken again (a failed send can be retried)", async () => {
    const store = new MemoryDedupeStore();
    expect(await store.claim("k", 60_000)).toBe(true);
    await store.release("k");
    expect(await store.claim("k", 60_000)).toBe(true);
  });

  it("answers concurrent claims of one key with exactly one true", async () => {
    const store = new MemoryDedupeStore();
    const results = await Promise.all(Array.from({ length: 20 }, () => store.claim("same", 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("never holds more than its bound, forgetting the oldest claims first", async () => {
    const store = new MemoryDedupeStore({ maxEntries: 100 });
    for (let i = 0; i < 1_000; i += 1) await store.claim(`key${i}`, 3_600_000);
    expect(store.size).toBe(100);
    expect(await store.claim("key999", 3_600_000)).toBe(false);
    expect(await store.claim("key0", 3_600_000)).toBe(true);
  });

  it("drops expired claims as new ones arrive", async () => {
    let now = 0;
    const store = new MemoryDedupeStore({ maxEntries: 1_000, now: () => now });
    for (let i = 0; i < 50; i += 1) await store.claim(`old${i}`, 10);
    now = 100;
    await store.claim("new", 10);
    expect(store.size).toBe(1);
  });
});
