// The built catalog holds every row of the Zscaler source pages, with each code's category and source.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../src/catalog/build.js";
import { diffCatalogs, formatChangelog, withUpdatedDate } from "../../src/catalog/changelog.js";
import { readOverrides, readSourceFiles, serializeCatalog } from "../../src/catalog/files.js";
import { DEFAULT_CATALOG_PATH, loadCatalog } from "../../src/catalog/load.js";
import type { Entry } from "../../src/catalog/types.js";

// The tests read the sources with their own small table reader, so a parser bug in the builder
// cannot hide itself.
const SOURCES = new URL("../../data/sources/", import.meta.url);
const source = (name: string) => readFileSync(new URL(name, SOURCES), "utf8");

interface Row {
  table: string;
  title: string;
  code: string;
  description: string;
  resolution: string;
}

function tableRows(text: string): Row[] {
  const rows: Row[] = [];
  let table = "";
  for (const line of text.split("\n")) {
    const heading = /list of (.+?) status codes/.exec(line);
    if (heading) table = heading[1]!;
    const cells = line.split("|").slice(1, -1).map((cell) => cell.trim());
    if (cells.length === 4 && /^[A-Z][A-Z0-9_]+$/.test(cells[1]!)) {
      const [title, code, description, resolution] = cells as [string, string, string, string];
      rows.push({ table, title, code, description, resolution });
    }
  }
  return rows;
}

const primaryRows = tableRows(source("private-applications-session-status-codes.md"));
const secondaryRows = tableRows(source("zpa-session-status-codes.md"));
const lss = JSON.parse(source("lss-status-codes.json")) as Record<string, Record<string, { name?: string; status: string }>>;

const catalog = loadCatalog();
const byCode = new Map<string, Entry>();
for (const entry of catalog.entries) {
  byCode.set(entry.code, entry);
  for (const alias of entry.aliases) byCode.set(alias, entry);
}
const entry = (code: string): Entry => {
  const found = byCode.get(code);
  if (found === undefined) throw new Error(`${code} is not in the catalog`);
  return found;
};

const squash = (text: string) => text.replace(/\s+/g, "");
const primaryCodes = new Set(primaryRows.map((row) => row.code));
const pageCodes = new Set([...primaryCodes, ...secondaryRows.map((row) => row.code)]);

describe("catalog coverage of the sources", () => {
  it("has every row of the primary page's three tables: 166 rows, 165 codes", () => {
    const perTable = Object.fromEntries(["Error", "Info", "Policy Block"].map((t) => [t, primaryRows.filter((r) => r.table === t).length]));
    expect(perTable).toEqual({ Error: 125, Info: 38, "Policy Block": 3 });
    expect(primaryCodes.size).toBe(165);
    for (const code of primaryCodes) expect(byCode.get(code)?.code, code).toBe(code);
  });

  it("takes each primary code's category from the table it stands in", () => {
    const category = { Error: "error", Info: "info", "Policy Block": "policy" } as Record<string, string>;
    for (const row of primaryRows) expect(entry(row.code).category, row.code).toBe(category[row.table]);
  });

  it("adds the 15 codes only the older ZPA page has, with that page as their source", () => {
    const secondaryOnly = [...new Set(secondaryRows.map((row) => row.code))].filter((code) => !primaryCodes.has(code));
    expect(secondaryOnly).toHaveLength(15);
    for (const code of secondaryOnly) {
      expect(entry(code).sources.some((s) => s.startsWith("zpa-session-status-codes.md#")), code).toBe(true);
      expect(entry(code).sources.some((s) => s.startsWith("private-applications")), code).toBe(false);
    }
  });

  it("adds the User Activity LSS codes neither page has, except spellings that are aliases", () => {
    const lssOnly = Object.keys(lss.zpn_trans_log!).filter((code) => !pageCodes.has(code)).sort();
    expect(lssOnly).toEqual([
      "AST_MT_SETUP_ERR_AST_CFG_DISABLED",
      "BRK_MT_SETUP_FAIL_ACCESS_DENIED",
      "MT_CLOSED_DTLS_CONN_GONE",
      "MT_CLOSED_DTLS_CONN_GONE_AST_CLOSED",
      "MT_CLOSED_DTLS_CONN_GONE_CLIENT_CLOSED",
      "MT_CLOSED_TLS_CONN_GONE_UPGRADE",
    ]);
    for (const code of lssOnly) {
      const found = entry(code);
      expect(found.lss?.name, code).toBe(lss.zpn_trans_log![code]!.name);
      if (found.code === code) expect(found.sources, code).toEqual(["lss-status-codes.json#zpn_trans_log"]);
    }
    // DTLS is a separate transport, not a misspelling: its codes stay separate entries.
    expect(entry("MT_CLOSED_DTLS_CONN_GONE").code).toBe("MT_CLOSED_DTLS_CONN_GONE");
    expect(entry("MT_CLOSED_TLS_CONN_GONE").aliases).toEqual([]);
  });

  it("makes the LSS spelling AST_MT_SETUP_ERR_AST_CFG_DISABLED an alias of the page's code", () => {
    const disabled = entry("AST_MT_SETUP_ERR_AST_CFG_DISABLED");
    expect(disabled.code).toBe("AST_MT_SETUP_ERR_AST_CFG_DISABLE");
    expect(disabled.aliases).toEqual(["AST_MT_SETUP_ERR_AST_CFG_DISABLED"]);
    expect(disabled.lss?.errorType).toBe("ActionableError");
    expect(catalog.entries.filter((e) => e.aliases.length > 0).map((e) => e.code)).toEqual(["AST_MT_SETUP_ERR_AST_CFG_DISABLE"]);
  });

  it("adds the ZPN_STATUS_* session statuses of the three auth logs, raised by a Service Edge", () => {
    const statuses = catalog.entries.filter((e) => e.code.startsWith("ZPN_STATUS_"));
    expect(statuses.map((e) => e.code)).toEqual(["ZPN_STATUS_AUTHENTICATED", "ZPN_STATUS_AUTH_FAILED", "ZPN_STATUS_DISCONNECTED"]);
    for (const status of statuses) {
      expect(status.lss?.logTypes).toEqual(["zpn_ast_auth_log", "zpn_auth_log", "zpn_sys_auth_log"]);
      expect(status.component).toBe("SE");
      expect(status.title).toBe(lss.zpn_auth_log![status.code]!.name);
    }
    expect(entry("ZPN_STATUS_AUTH_FAILED").description).toContain("App Connector failed to authenticate in ZPA");
  });

  it("has one entry per code, sorted by code, and no code that is also another entry's alias", () => {
    const codes = catalog.entries.map((e) => e.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
    const aliases = catalog.entries.flatMap((e) => e.aliases);
    expect(aliases.filter((alias) => codes.includes(alias))).toEqual([]);
    expect(codes).toHaveLength(165 + 15 + 5 + 3);
  });

  it("merges the two ZPN_ERR_SCIM_INACTIVE rows into one entry that keeps both meanings", () => {
    const scim = primaryRows.filter((row) => row.code === "ZPN_ERR_SCIM_INACTIVE");
    expect(scim).toHaveLength(2);
    const merged = entry("ZPN_ERR_SCIM_INACTIVE");
    expect(merged.title).toBe(scim[0]!.title);
    expect(merged.extraMeanings.map((m) => m.title)).toEqual([scim[1]!.title]);
    expect(merged.extraMeanings[0]!.remediation).toEqual(["No action required."]);
    expect(merged.altTitles).toContain(scim[1]!.title);
  });

  it("names the other codes that share a title", () => {
    expect(entry("BRK_MT_SETUP_TIMEOUT").sharesTitleWith).toEqual(["FOHH_CLOSE_REASON_CONNECT_TIMEOUT"]);
    expect(entry("FOHH_CLOSE_REASON_CONNECT_TIMEOUT").sharesTitleWith).toEqual(["BRK_MT_SETUP_TIMEOUT"]);
    expect(entry("BRK_MT_SETUP_TIMEOUT").severity).not.toBe(entry("FOHH_CLOSE_REASON_CONNECT_TIMEOUT").severity);
    for (const e of catalog.entries) {
      for (const other of e.sharesTitleWith) expect(entry(other).title, `${e.code} / ${other}`).toBe(e.title);
    }
  });

  it("takes the component from the title prefix", () => {
    const prefix: Record<string, string> = { "AC:": "AC", "CA:": "CA", "CLT:": "CLT", "SE:": "SE", "Private Applications BA:": "BA", "ZPA BA:": "BA" };
    for (const row of primaryRows) {
      const expected = Object.entries(prefix).find(([p]) => row.title.startsWith(p))?.[1];
      expect(entry(row.code).component, row.code).toBe(expected);
    }
    expect(entry("EXPTR_MT_TLS_SETUP_FAIL_PEER").componentName).toBe("Browser Access");
  });
});

describe("the committed data/catalog.json", () => {
  it("is exactly what the builder makes from data/sources (nobody edits it by hand)", () => {
    const rebuilt = withUpdatedDate(buildCatalog(readSourceFiles(), readOverrides()), catalog, "2000-01-01");
    // The changelog names what is stale; the byte comparison also catches layout edits.
    expect(formatChangelog(diffCatalogs(catalog, rebuilt))).toBe("Catalog unchanged.");
    expect(serializeCatalog(rebuilt) === readFileSync(DEFAULT_CATALOG_PATH, "utf8"), "run `npm run catalog`").toBe(true);
  });

  it("records a sha256 per source file and the day it last changed, no timestamps", () => {
    expect(catalog.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(catalog.sources)).toContain("private-applications-session-status-codes.md");
    for (const hash of Object.values(catalog.sources)) expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(DEFAULT_CATALOG_PATH, "utf8")).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  });
});

describe("verbatim text", () => {
  it("keeps every primary row's title, description and resolution, changing only whitespace", () => {
    for (const row of primaryRows) {
      const e = entry(row.code);
      const meaning = [e, ...e.extraMeanings].find((m) => m.title === row.title.replace(/\s+/g, " "));
      expect(meaning, `${row.code}: "${row.title}"`).toBeDefined();
      expect(squash(meaning!.description), row.code).toBe(squash(row.description));
      if (row.resolution !== "") expect(squash(meaning!.remediation.join("")), row.code).toBe(squash(row.resolution));
    }
  });

  it("keeps the older page's rows: full text for its own codes, its title as an alt title otherwise", () => {
    for (const row of secondaryRows) {
      const e = entry(row.code);
      const titles = [e.title, ...e.altTitles].map((t) => t.toLowerCase());
      expect(titles, row.code).toContain(row.title.replace(/\s+/g, " ").toLowerCase());
      if (primaryCodes.has(row.code)) continue;
      expect(squash(e.description), row.code).toBe(squash(row.description));
      expect(squash(e.remediation.join("")), row.code).toBe(squash(row.resolution));
      expect(e.remediationSource).toBe("page");
    }
  });

  it("keeps every LSS record's name and classification", () => {
    for (const [logType, records] of Object.entries(lss)) {
      for (const [code, record] of Object.entries(records)) {
        const e = entry(code);
        expect(e.lss?.logTypes, code).toContain(logType);
        expect(e.lss?.name, code).toBe(record.name ?? "");
        expect(e.lss?.status, code).toBe(record.status);
      }
    }
  });

  it("does not offer an LSS name that is another code's page title as an alt title", () => {
    // The LSS file names AST_MT_SETUP_ERR_BRK_HASH_TBL_FULL after BRK_MT_AUTH_SAML_DECODE_FAIL's title.
    const misnamed = entry("AST_MT_SETUP_ERR_BRK_HASH_TBL_FULL");
    expect(misnamed.lss?.name).toBe("SE: Failed to process SAML response");
    expect(misnamed.altTitles).not.toContain("SE: Failed to process SAML response");
    expect(entry("BRK_MT_AUTH_SAML_DECODE_FAIL").title).toBe("SE: Failed to process SAML response");
  });
});
