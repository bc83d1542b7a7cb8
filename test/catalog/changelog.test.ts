// The catalog build's changelog: what a page update added, removed or changed, and nothing on a rebuild.
import { describe, expect, it } from "vitest";
import { buildCatalog, PRIMARY_PAGE, SECONDARY_PAGE } from "../../src/catalog/build.js";
import { diffCatalogs, formatChangelog } from "../../src/catalog/changelog.js";
import { readOverrides, readSourceFiles } from "../../src/catalog/files.js";
import { loadCatalog } from "../../src/catalog/load.js";
import { parseCatalog } from "../../src/catalog/schema.js";

const files = readSourceFiles();
const overrides = readOverrides();
const committed = loadCatalog();

describe("catalog changelog", () => {
  it("reports nothing when the sources have not changed, and the build is repeatable", () => {
    const rebuilt = buildCatalog(files, overrides);
    expect(rebuilt).toEqual(buildCatalog(files, overrides));
    expect(formatChangelog(diffCatalogs(committed, rebuilt))).toBe("Catalog unchanged.");
  });

  it("names added, removed and changed codes, with the fields that changed, after a page update", () => {
    // Simulate Zscaler editing the pages: one resolution reworded, one code dropped from both pages, one row added.
    const page = files[PRIMARY_PAGE]!;
    const dropSocketError = (text: string) => text.replace(/^\| SE: Socket error \|.*\n/m, "");
    const reworded = page.replace(
      "| CLT: Connection failed | CLT_CONN_FAILED | The incoming TCP connection failed. | Verify that the application is listening on the port. |",
      "| CLT: Connection failed | CLT_CONN_FAILED | The incoming TCP connection failed. | Ask the user to reauthenticate. |",
    );
    const updated = dropSocketError(reworded).replace(
      "| CLT: Read failed |",
      "| CLT: Brand new failure | CLT_BRAND_NEW_FAILURE | Something new failed. | Contact Zscaler Support. |\n| CLT: Read failed |",
    );
    expect(updated).not.toBe(page);

    const olderPage = dropSocketError(files[SECONDARY_PAGE]!);
    const next = buildCatalog({ ...files, [PRIMARY_PAGE]: updated, [SECONDARY_PAGE]: olderPage }, overrides);
    const changes = diffCatalogs(committed, next);
    expect(changes.added).toEqual(["CLT_BRAND_NEW_FAILURE"]);
    expect(changes.removed).toEqual(["FOHH_CLOSE_REASON_SOCKET_ERR"]);
    expect(changes.changed).toContainEqual({ code: "CLT_CONN_FAILED", fields: ["actionBy", "derivation", "remediation"] });
    expect(changes.sources).toEqual([PRIMARY_PAGE, SECONDARY_PAGE]);

    const text = formatChangelog(changes);
    expect(text.split("\n")).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Catalog changes: 1 added, 1 removed, \d+ changed\.$/),
        `Source files changed: ${PRIMARY_PAGE}, ${SECONDARY_PAGE}`,
        "+ CLT_BRAND_NEW_FAILURE",
        "- FOHH_CLOSE_REASON_SOCKET_ERR",
        "~ CLT_CONN_FAILED: actionBy, derivation, remediation",
      ]),
    );
  });

  it("lists every code as added on a first build", () => {
    const changes = diffCatalogs(null, committed);
    expect(changes.added).toHaveLength(committed.entries.length);
    expect(formatChangelog(changes)).toMatch(/^Catalog changes: 188 added, 0 removed, 0 changed\./);
  });
});

describe("catalog validation", () => {
  it("loads the committed catalog", () => {
    expect(committed.entries.length).toBeGreaterThan(0);
  });

  it("fails fast on a broken entry, naming its code and field", () => {
    const raw = structuredClone(committed) as unknown as { entries: Array<Record<string, unknown>> };
    const victim = raw.entries.find((e) => e.code === "ZPN_ERR_AUTH_TIMEOUT")!;
    victim.severity = "catastrophic";
    expect(() => parseCatalog(raw)).toThrow(/entry ZPN_ERR_AUTH_TIMEOUT: severity/);
    victim.severity = "error";
    victim.remediation = [];
    expect(() => parseCatalog(raw)).toThrow(/entry ZPN_ERR_AUTH_TIMEOUT: remediation/);
  });
});
