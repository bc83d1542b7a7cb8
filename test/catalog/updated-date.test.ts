// The catalog's "updated" day: moves only when a code or source changes, so rebuilds stay byte-identical.
import { describe, expect, it } from "vitest";
import { withUpdatedDate } from "../../src/catalog/changelog.js";
import { loadCatalog } from "../../src/catalog/load.js";

const committed = loadCatalog();

describe("the catalog's updated day", () => {
  it("is kept when a rebuild changes nothing", () => {
    expect(withUpdatedDate(committed, committed, "2099-01-01").updated).toBe(committed.updated);
  });

  it("becomes today when a code's text or a source hash changes, and on a first build", () => {
    const [first, ...rest] = committed.entries;
    const edited = { ...committed, entries: [{ ...first!, description: `${first!.description} (edited)` }, ...rest] };
    expect(withUpdatedDate(edited, committed, "2099-01-01").updated).toBe("2099-01-01");
    const newSource = { ...committed, sources: { ...committed.sources, "new-page.md": "0".repeat(64) } };
    expect(withUpdatedDate(newSource, committed, "2099-01-02").updated).toBe("2099-01-02");
    expect(withUpdatedDate(committed, null, "2099-01-03").updated).toBe("2099-01-03");
  });
});
