// The resolver on the query set and the whole catalog: first-answer accuracy, junk refused, what it answers with.
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/load.js";
import type { Entry } from "../../src/catalog/types.js";
import { MAX_QUERY_CHARS, createSearch } from "../../src/search/index.js";
import { DETERMINISTIC_KINDS, QUERIES, overallTopOne, ratesByKind } from "../fixtures/queries.js";

const catalog = loadCatalog();
const search = createSearch(catalog);
const byCode = new Map(catalog.entries.map((entry) => [entry.code, entry]));

describe("resolver on the query set", () => {
  const rates = ratesByKind(search.resolve);
  const table = rates.map((r) => `${r.kind.padEnd(12)} ${String(r.passed).padStart(3)}/${r.total}`).join("\n");
  console.log(`resolver accuracy per kind (${QUERIES.length} queries)\n${table}\noverall top-1 ${(overallTopOne(rates) * 100).toFixed(1)}%`);

  it("has at least 100 queries, every kind represented, every expected code in the catalog", () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(100);
    for (const rate of rates) expect(rate.total, rate.kind).toBeGreaterThan(0);
    const unknown = QUERIES.flatMap((test) => test.expect).filter((code) => !byCode.has(code));
    expect(unknown).toEqual([]);
  });

  it.each(DETERMINISTIC_KINDS)("answers every %s query", (kind) => {
    const rate = rates.find((r) => r.kind === kind)!;
    expect(rate.failures).toEqual([]);
  });

  it("gets at least 97% of answerable queries right at the first answer", () => {
    expect(overallTopOne(rates)).toBeGreaterThanOrEqual(0.97);
  });

  it("refuses at least 90% of junk", () => {
    const junk = rates.find((r) => r.kind === "junk")!;
    expect(junk.passed / junk.total).toBeGreaterThanOrEqual(0.9);
  });
});

describe("resolver on the whole catalog", () => {
  it("finds every code and alias, in upper, lower and kebab case", () => {
    const misses: string[] = [];
    for (const entry of catalog.entries) {
      for (const spelling of [entry.code, ...entry.aliases]) {
        for (const query of [spelling, spelling.toLowerCase(), spelling.toLowerCase().replace(/_/g, "-")]) {
          if (search.resolve(query).match !== entry) misses.push(query);
        }
      }
    }
    expect(misses).toEqual([]);
  });

  it("finds every page title with and without its component prefix, naming all codes that share it", () => {
    const misses: string[] = [];
    for (const entry of catalog.entries) {
      const prefixless = entry.title.replace(/^[^:]*:\s*/, "");
      for (const query of [entry.title, prefixless]) {
        const { match, alternatives, how } = search.resolve(query);
        const named = [match, ...alternatives];
        if (how !== "title" || !named.includes(entry)) misses.push(query);
      }
      for (const code of entry.sharesTitleWith) {
        const { match, alternatives } = search.resolve(entry.title);
        if (![match, alternatives[0]].includes(byCode.get(code)) || ![match, alternatives[0]].includes(entry)) {
          misses.push(`${entry.title} (shared with ${code})`);
        }
      }
    }
    expect(misses).toEqual([]);
  });

  it("answers a page title only with codes that carry it", () => {
    const plain = (title: string): string => title.replace(/^[^:]*:\s*/, "").toLowerCase();
    const carries = (entry: Entry, title: string): boolean =>
      [entry.title, ...entry.altTitles, ...entry.extraMeanings.map((m) => m.title)].some((t) => plain(t) === plain(title));
    const strangers: string[] = [];
    for (const entry of catalog.entries) {
      const { match, alternatives } = search.resolve(entry.title);
      for (const named of [match!, ...alternatives]) {
        if (!carries(named, entry.title) && !carries(named, match!.title)) strangers.push(`${entry.title}: ${named.code}`);
      }
    }
    expect(strangers).toEqual([]);
  });

  it("corrects a doubled last letter, a dropped middle letter and two swapped letters in every code", () => {
    const wrong: string[] = [];
    for (const { code } of catalog.entries) {
      const middle = Math.floor(code.length / 2);
      const third = Math.floor(code.length / 3);
      const typos = [
        code + code.slice(-1),
        code.slice(0, middle) + code.slice(middle + 1),
        code.slice(0, third) + code[third + 1] + code[third] + code.slice(third + 2),
      ];
      for (const typo of typos) {
        const { match, alternatives } = search.resolve(typo);
        // A confident answer must be the right one; no answer must at least suggest it.
        if (match ? match.code !== code : !alternatives.some((e) => e.code === code)) wrong.push(`${typo} -> ${match?.code}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("resolver answers", () => {
  it("says how it matched", () => {
    expect(search.resolve("brk mt setup timeout").how).toBe("code");
    expect(search.resolve("AST_MT_SETUP_ERR_AST_CFG_DISABLED").how).toBe("alias");
    // Inside a longer line too, although the alias contains its code's spelling.
    expect(search.resolve("InternalReason: AST_MT_SETUP_ERR_AST_CFG_DISABLED").how).toBe("alias");
    expect(search.resolve("InternalReason: AST_MT_SETUP_ERR_AST_CFG_DISABLE").how).toBe("code");
    expect(search.resolve("SE: Socket error").how).toBe("title");
    expect(search.resolve("SNI_SLOW").how).toBe("fragment");
    expect(search.resolve("BRK_MT_SETUP_TIMOUT").how).toBe("typo");
    expect(search.resolve("saml assertion too large").how).toBe("words");
    expect(search.resolve("HELLO_WORLD").how).toBe("none");
  });

  it("lists the other code of a shared title first, so a card can say the title also names it", () => {
    const { match, alternatives } = search.resolve("SE: Connection request timed out");
    const pair = [match?.code, alternatives[0]?.code].sort();
    expect(pair).toEqual(["BRK_MT_SETUP_TIMEOUT", "FOHH_CLOSE_REASON_CONNECT_TIMEOUT"]);
    expect(match!.sharesTitleWith).toContain(alternatives[0]!.code);
  });

  it("does not claim one of several codes a fragment fits, but lists them as possible", () => {
    const { match, alternatives, how, confidence } = search.resolve("SCIM_INACTIVE");
    expect(confidence).toBe("possible");
    expect(how).toBe("fragment");
    const named = [match!, ...alternatives].map((e) => e.code);
    expect(named).toEqual(expect.arrayContaining(["ZPN_ERR_SCIM_INACTIVE", "BRK_MT_SETUP_FAIL_SCIM_INACTIVE"]));
  });

  it("refuses a bare family prefix even when the family's name also sits inside another code", () => {
    // FOHH_ begins 40-odd codes and also sits inside AST_MT_SETUP_ERR_INIT_FOHH_MCONN.
    for (const prefix of ["FOHH_", "fohh", "BRK_MT_"]) expect(search.resolve(prefix).match, prefix).toBeNull();
  });

  it("refuses injection tries and other vendors' errors, whatever ZPA words they borrow", () => {
    for (const query of ["'; DROP TABLE users; --", "${jndi:ldap://x.example/a} connector", "AADSTS700016 application not found", "ORA-28000 user account disabled"]) {
      expect(search.resolve(query).match, query).toBeNull();
    }
  });

  it("suggests something for a made-up code without claiming it exists", () => {
    const { match, alternatives } = search.resolve("CONNECTOR_UNHEALTHY");
    expect(match).toBeNull();
    expect(alternatives.length).toBeGreaterThan(0);
  });

  it("never lists the match among its alternatives, nor an alternative twice, nor more than five", () => {
    for (const { query } of QUERIES) {
      const { match, alternatives } = search.resolve(query);
      expect(alternatives.length).toBeLessThanOrEqual(5);
      expect(new Set(alternatives).size).toBe(alternatives.length);
      if (match) expect(alternatives).not.toContain(match);
    }
  });

  it("returns catalog entries, the same objects byCode gives", () => {
    const { match } = search.resolve("fohh-close-reason-redirect");
    expect(match).toBe(search.byCode("FOHH_CLOSE_REASON_REDIRECT"));
    expect(search.byCode("fohh_close_reason_redirect")).toBe(match);
    expect(search.byCode("AST_MT_SETUP_ERR_AST_CFG_DISABLED")?.code).toBe("AST_MT_SETUP_ERR_AST_CFG_DISABLE");
    expect(search.byCode("NOT_A_CODE")).toBeUndefined();
  });

  it(`reads the first ${MAX_QUERY_CHARS} characters as words, but scans a whole pasted line for codes`, () => {
    const code = "BRK_MT_SETUP_TIMEOUT";
    const early = search.resolve(code + " " + "x".repeat(50_000));
    expect(early.match?.code).toBe(code);
    expect(early.query.length).toBe(MAX_QUERY_CHARS);
    const late = search.resolve("x ".repeat(MAX_QUERY_CHARS) + code);
    expect([late.match?.code, late.confidence]).toEqual([code, "certain"]);
    const wordsLate = search.resolve("x ".repeat(MAX_QUERY_CHARS) + "saml assertion too large");
    expect(wordsLate.match).toBeNull();
  });

  it("serves the same answers from the minisearch and the fuse.js word engines", () => {
    const viaFuse = createSearch(catalog, { words: "fuse" });
    for (const query of ["BRK_MT_SETUP_TIMEOUT", "Source ports are exhausted", "SNI_SLOW", "BRK_MT_SETUP_TIMOUT"]) {
      expect(viaFuse.resolve(query).match).toBe(search.resolve(query).match);
    }
    // Only plain words reach the word engine (built on first need), so these are what tell the engines apart.
    for (const { query, expect: [code] } of QUERIES.filter((test) => test.kind === "words").slice(0, 5)) {
      const answer = viaFuse.resolve(query);
      expect([answer.how, answer.match?.code], query).toEqual(["words", code]);
      expect(answer.match, query).toBe(search.resolve(query).match);
    }
  });
});
