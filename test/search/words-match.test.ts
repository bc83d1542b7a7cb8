// Plain-words evidence (src/search/words-match.ts, words-text.ts): words that only count in context, whole titles
// repeated in other words, near-twins told apart, and chat addressed to someone.
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/load.js";
import { createSearch } from "../../src/search/index.js";
import { termsOf } from "../../src/search/words-text.js";

const search = createSearch(loadCatalog());
const lead = (query: string) => search.resolve(query).match?.code ?? null;

describe("words a question is built from", () => {
  it("ignores 'error' and 'status' as question words, keeps them after a content word", () => {
    expect(termsOf("what does this error mean")).not.toContain("error");
    expect(termsOf("status code please")).not.toContain("status");
    expect(termsOf("socket error")).toContain("error");
    expect(termsOf("proxy connection status")).toHaveLength(termsOf("proxy connection").length + 1);
  });

  it("tells a socket error from a socket closed by end of file", () => {
    expect(lead("why did the service edge connection close for a socket error")).toBe("FOHH_CLOSE_REASON_SOCKET_ERR");
    expect(lead("end of file on the service edge socket")).toBe("FOHH_CLOSE_REASON_SOCKET_CLOSE");
  });
});

describe("the failure mode among a family's near-twins", () => {
  it("leads with the sibling whose title names the query's failure mode, not the one sharing a rarer object word", () => {
    // Both SAML assertion codes share "saml assertion"; "no" (absent) against "too large" decides.
    expect(lead("there is no saml assertion in the auth message")).toBe("BRK_MT_AUTH_NO_SAML_ASSERTION_IN_MSG");
    expect(lead("saml assertion was too large")).toBe("BRK_MT_AUTH_TWO_SAML_ASSERTION_IN_MSG");
  });
});

describe("a title repeated among other words", () => {
  it("answers with the entry whose whole title the query repeats, even when every word is common", () => {
    const result = search.resolve("the user closed the connection themselves");
    expect(result.match?.code).toBe("FOHH_CLOSE_REASON_OPS");
    expect(result.evidence?.titled).toBe(true);
  });

  it("does not count a one-word title as repeated", () => {
    expect(search.resolve("we got disconnected during the demo").evidence?.titled ?? false).toBe(false);
  });
});

describe("chat addressed to someone", () => {
  it.each(["<@U024BE7LH> ping", "<@U07ABCDEF> thanks", "@sam hello"])("refuses %j: a mention with one word", (query) => {
    expect(search.resolve(query).match).toBeNull();
  });

  it("still answers a mention followed by a real question", () => {
    expect(lead("<@U024BE7LH> sni missing on the service edge connection")).toBe("FOHH_CLOSE_REASON_SNI_MISSING");
  });
});
