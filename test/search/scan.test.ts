// The scanner on the real samples and on chat text as Slack delivers it.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/load.js";
import { createSearch } from "../../src/search/index.js";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const fixtures = path.join(projectRoot, "test/fixtures/samples");
const sharedSamples = path.resolve(projectRoot, "../shared/samples");

const catalog = loadCatalog();
const search = createSearch(catalog);
const codesIn = (text: string): string[] => search.scan(text).map((entry) => entry.code);

/** The samples README's table: file -> codes a reader should find (codes named before any parenthesis). */
function expectedBySample(readme: string): Map<string, string[]> {
  const expected = new Map<string, string[]>();
  for (const line of readme.split("\n")) {
    const cells = line.split("|").map((cell) => cell.trim());
    const file = cells[1];
    if (!file?.endsWith(".txt")) continue;
    const named = cells[4]!.split("(")[0]!;
    expected.set(file, named.match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g) ?? []);
  }
  return expected;
}

describe("scanner on the real samples", () => {
  const expected = expectedBySample(readFileSync(path.join(fixtures, "README.md"), "utf8"));

  it("has an expectation for every sample file", () => {
    const files = readdirSync(fixtures).filter((name) => name.endsWith(".txt"));
    expect(files.length).toBeGreaterThan(0);
    expect([...expected.keys()].sort()).toEqual(files.sort());
  });

  it.each([...expected])("finds in %s exactly the codes the README names: %j", (file, codes) => {
    expect(codesIn(readFileSync(path.join(fixtures, file), "utf8"))).toEqual(codes);
  });

  it.runIf(existsSync(sharedSamples))("keeps the fixtures a verbatim copy of ../shared/samples", () => {
    for (const name of readdirSync(sharedSamples)) {
      expect(readFileSync(path.join(fixtures, name), "utf8"), name).toBe(readFileSync(path.join(sharedSamples, name), "utf8"));
    }
  });
});

describe("scanner on chat messages as Slack delivers them", () => {
  it("reads codes inside Slack markup and entities", () => {
    expect(codesIn("seeing &lt;BRK_MT_SETUP_TIMEOUT&gt; &amp; friends")).toEqual(["BRK_MT_SETUP_TIMEOUT"]);
    expect(codesIn("`AST_MT_SETUP_TIMEOUT` then *FOHH_CLOSE_REASON_REDIRECT* and ~CLT_WRONG_PORT~")).toEqual([
      "AST_MT_SETUP_TIMEOUT",
      "FOHH_CLOSE_REASON_REDIRECT",
      "CLT_WRONG_PORT",
    ]);
    expect(codesIn("_BRK_MT_SETUP_TIMEOUT_ is back")).toEqual(["BRK_MT_SETUP_TIMEOUT"]);
    expect(codesIn("see <https://help.zscaler.com/codes#FQDN_NO_MATCH|FQDN_NO_MATCH>")).toEqual(["FQDN_NO_MATCH"]);
    expect(codesIn("```\nInternalReason: ZPN_ERR_SCIM_INACTIVE\n```")).toEqual(["ZPN_ERR_SCIM_INACTIVE"]);
  });

  it("takes the whole token, never a code hidden inside a longer word", () => {
    expect(codesIn("AST_MT_SETUP_TIMEOUT_CANNOT_CONN_TO_BROKER")).toEqual(["AST_MT_SETUP_TIMEOUT_CANNOT_CONN_TO_BROKER"]);
    expect(codesIn("XBRK_MT_SETUP_TIMEOUT_Y BRK_MT_SETUP_TIMEOUTS MY_BRK_MT_SETUP_TIMEOUT")).toEqual([]);
    expect(codesIn("BRK_MT_SETUP_TIMEOUT2 2BRK_MT_SETUP_TIMEOUT")).toEqual([]);
  });

  it("lists codes in order of first appearance, each once, an alias as its entry", () => {
    expect(
      codesIn("CLT_WRONG_PORT, then APP_NOT_REACHABLE, then CLT_WRONG_PORT again, AST_MT_SETUP_ERR_AST_CFG_DISABLED, AST_MT_SETUP_ERR_AST_CFG_DISABLE"),
    ).toEqual(["CLT_WRONG_PORT", "APP_NOT_REACHABLE", "AST_MT_SETUP_ERR_AST_CFG_DISABLE"]);
  });

  it("ignores values that are not catalog codes", () => {
    expect(codesIn('"ConnectionStatus":"zfce_mt_remote_disconnect" BEV_EVENT_ERROR LOG_LEVEL=debug CONNECTOR_UNHEALTHY')).toEqual([]);
    expect(codesIn("the user got an invalid domain and the app not available page")).toEqual([]);
  });

  it("counts a lower-case code only as a whole multi-word token, never prose", () => {
    expect(codesIn("we get brk_mt_setup_timeout on every app")).toEqual(["BRK_MT_SETUP_TIMEOUT"]);
    expect(codesIn('{"internalreason":"ast_mt_setup_err_open_server_conn"}')).toEqual(["AST_MT_SETUP_ERR_OPEN_SERVER_CONN"]);
    expect(codesIn("Invalid domain. invalid domain! INVALID DOMAIN")).toEqual([]);
    expect(codesIn("INVALID_DOMAIN")).toEqual(["INVALID_DOMAIN"]);
  });
});

describe("scanner on pasted logs", () => {
  it("reads pretty-printed LSS JSON", () => {
    const pretty = JSON.stringify({ ConnectionStatus: "close", InternalReason: "BRK_MT_SETUP_FAIL_REJECTED_BY_POLICY" }, null, 2);
    expect(codesIn(pretty)).toEqual(["BRK_MT_SETUP_FAIL_REJECTED_BY_POLICY"]);
  });

  it("reads codes after JSON escapes such as \\n inside a string", () => {
    const nested = JSON.stringify({ message: "close\nFOHH_CLOSE_REASON_SOCKET_ERR\tFOHH_CLOSE_REASON_REDIRECT" });
    expect(codesIn(nested)).toEqual(["FOHH_CLOSE_REASON_SOCKET_ERR", "FOHH_CLOSE_REASON_REDIRECT"]);
  });

  it("reads syslog-prefixed and truncated JSON", () => {
    expect(codesIn('<134>Mar  2 02:57:01 zpa {"InternalReason":"AST_MT_SETUP_ERR_NO_EPHEMERAL_PORT","Conn')).toEqual([
      "AST_MT_SETUP_ERR_NO_EPHEMERAL_PORT",
    ]);
  });

  it("finds every catalog code and alias in a log line around it", () => {
    const missed: string[] = [];
    for (const entry of catalog.entries) {
      for (const spelling of [entry.code, ...entry.aliases]) {
        const line = `Jan 27 05:28:23 host zpa-connector-child[1]: closed: [10.1.81.40]:34572;4 ${spelling}\n`;
        const found = search.scan(line);
        if (found.length !== 1 || found[0] !== entry) missed.push(spelling);
      }
    }
    expect(missed).toEqual([]);
  });

  it("reads a one-megabyte paste to the end", () => {
    const line = '{"InternalReason":"","ConnectionStatus":"active","Host":"app.example"}\n';
    const big = line.repeat(Math.ceil(1_000_000 / line.length)) + "CLT_READ_FAILED";
    expect(big.length).toBeGreaterThan(1_000_000);
    expect(codesIn(big)).toEqual(["CLT_READ_FAILED"]);
  });
});
