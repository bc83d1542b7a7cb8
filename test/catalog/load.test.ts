// The committed catalog: fully validated here (zod), while run time only checks the builder's seal.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_CATALOG_PATH, loadCatalog, readCatalogText } from "../../src/catalog/load.js";
import { parseCatalog } from "../../src/catalog/schema.js";

const committed = readFileSync(DEFAULT_CATALOG_PATH, "utf8");

describe("data/catalog.json", () => {
  it("passes the full schema, and loads at run time to the same entries", () => {
    const validated = parseCatalog(JSON.parse(committed));
    expect(validated.entries.length).toBeGreaterThan(150);
    expect(loadCatalog().entries).toEqual(validated.entries);
  });

  it("is refused at run time once edited by hand, with one line saying how to rebuild", () => {
    const edited = committed.replace('"severity": "error"', '"severity": "nonsense"');
    expect(edited).not.toBe(committed);
    expect(() => readCatalogText(edited)).toThrow(/^Invalid catalog: data\/catalog\.json was edited after it was built \(run `npm run catalog`\)$/);
  });

  it("is refused at run time when written for another format", () => {
    const older = committed.replace(/^\{\n  "format": \d+,/, '{\n  "format": 0,');
    expect(() => readCatalogText(older)).toThrow(/has format 0, this version reads 1/);
  });
});
