// data/vocabulary.json: derived lines follow from the catalog, curated lines say why, and the words work.
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/load.js";
import { createSearch } from "../../src/search/index.js";
import { deriveVocabulary } from "../../src/search/vocabulary.js";
import { loadCheckedVocabulary } from "../../src/search/vocabulary-schema.js";
import { symptomModes, termsOf } from "../../src/search/words-text.js";

const catalog = loadCatalog();
const vocabulary = loadCheckedVocabulary();
const search = createSearch(catalog);

describe("domain vocabulary", () => {
  it("has derived lines that still follow from the catalog (run `npm run vocabulary` after a catalog change)", () => {
    const skip = new Set(vocabulary.notComponents.flatMap((line) => line.words));
    expect(vocabulary.derived).toEqual(deriveVocabulary(catalog.entries, skip));
    expect(vocabulary.derived.map((line) => line.words[0])).toEqual(expect.arrayContaining(["ac", "se", "ast", "exptr", "dsp"]));
  });

  it("gives every word one meaning, so no line silently overrides another", () => {
    const lines = [...vocabulary.derived, ...vocabulary.curated];
    const words = lines.flatMap((line) => line.words);
    expect(words.filter((word, i) => words.indexOf(word) !== i)).toEqual([]);
  });

  it("reads internal and short names as the catalog's names", () => {
    expect(termsOf("assistant")).toEqual(termsOf("app connector"));
    expect(termsOf("broker")).toEqual(termsOf("service edge"));
    expect(termsOf("zcc")).toEqual(termsOf("client connector"));
    expect(termsOf("timed out")).toEqual(termsOf("timeout"));
    expect(termsOf("fds")).toEqual(termsOf("file descriptor"));
  });

  it("keeps the negation of a contraction, straight or curly apostrophe", () => {
    expect(termsOf("can't")).toEqual(termsOf("cannot"));
    expect(termsOf("isn\u2019t")).toEqual(termsOf("not"));
    expect(termsOf("won't resolve")).toContain(termsOf("not")[0]);
  });

  it("reads general IT phrases as what they mean, in queries and catalog texts alike", () => {
    expect(termsOf("switched off")).toEqual(termsOf("disabled"));
    expect(termsOf("turned off for our tenant")).toEqual(termsOf("disabled for our tenant"));
    expect(termsOf("the proxy idles out")).toEqual(termsOf("the proxy idle timed out"));
    expect(termsOf("server hung up")).toEqual(termsOf("server closed"));
    expect(termsOf("running out of file handles")).toEqual(termsOf("exhausted limit file descriptor"));
    // "resolve" alone is "fix" and ignored; failing to resolve a name is DNS resolution.
    expect(termsOf("how to resolve this")).toEqual([]);
    expect(termsOf("can't resolve the hostname")).toEqual(expect.arrayContaining(termsOf("dns")));
  });

  it("gives every phrase one meaning and a reason", () => {
    const phrases = vocabulary.phrases.flatMap((line) => line.phrases);
    expect(phrases.filter((phrase, i) => phrases.indexOf(phrase) !== i)).toEqual([]);
    expect(vocabulary.phrases.every((line) => line.reason.length >= 10)).toBe(true);
  });

  it("puts every failure-mode word in one mode, with a reason, and each mode in the catalog's titles", () => {
    const words = vocabulary.symptoms.flatMap((line) => line.words);
    expect(words.filter((word, i) => words.indexOf(word) !== i)).toEqual([]);
    expect(vocabulary.symptoms.every((line) => line.reason.length >= 10)).toBe(true);
    const titleTerms = new Set(catalog.entries.flatMap((entry) => termsOf(entry.title)));
    const modes = symptomModes();
    vocabulary.symptoms.forEach((_, mode) => expect([...modes].some(([term, m]) => m === mode && titleTerms.has(term))).toBe(true));
    // "exhausted" reads as "ephemeral source port exhausted"; only "exhausted" is a failure mode, the port an object.
    expect(modes.has(termsOf("port")[0]!)).toBe(false);
    expect(modes.get(termsOf("expired")[0]!)).toBe(modes.get(termsOf("timeout")[0]!));
    expect(modes.get(termsOf("expired")[0]!)).not.toBe(modes.get(termsOf("large")[0]!));
  });

  it("lets a helpdesk person use those words", () => {
    expect(search.resolve("assistant ran out of fds for its process").match?.code).toBe("AST_MT_SETUP_ERR_NO_PROCESS_FD");
    expect(search.resolve("port exhaustion on the connector").match?.code).toBe("AST_MT_SETUP_ERR_NO_EPHEMERAL_PORT");
    expect(search.resolve("zcc local socket read failed").match?.code).toBe("CLT_READ_FAILED");
    expect(search.resolve("app connector switched off in the admin portal").match?.code).toBe("AST_MT_SETUP_ERR_AST_CFG_DISABLE");
    expect(search.resolve("connection through the proxy idles out").match?.code).toMatch(/^FOHH_CLOSE_REASON_PROXY_(IDLE|TIMEOUT)$/);
  });
});
