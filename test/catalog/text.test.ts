// Source text cleaned for cards: glued sentences and flattened lists split back into steps.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/load.js";
import { splitSentences } from "../../src/catalog/text.js";
import type { Entry } from "../../src/catalog/types.js";

const catalog = loadCatalog();
const entry = (code: string): Entry => {
  const found = catalog.entries.find((e) => e.code === code);
  if (found === undefined) throw new Error(`${code} is not in the catalog`);
  return found;
};
const source = (name: string) => readFileSync(new URL(`../../data/sources/${name}`, import.meta.url), "utf8");
const PAGES = ["private-applications-session-status-codes.md", "zpa-session-status-codes.md"];

describe("remediation steps", () => {
  it("splits the glued 'configured.Verify the App Connector' resolution into separate steps", () => {
    expect(source(PAGES[0]!)).toContain("correctly configured.Verify the App Connector");
    expect(entry("INVALID_DOMAIN").remediation).toEqual([
      "Ensure that the hostname is correctly configured.",
      "Verify the App Connector can consistently resolve DNS for the hostname.",
      "Check that the App Connector can reach the application server and the server accepts requests on the expected ports.",
      "Ensure that services between the connector and the application server (e.g., access control lists, host-based firewalls, etc.) allows them to communicate on the expected ports and protocols.",
    ]);
  });

  it("separates glued sentences in descriptions too", () => {
    expect(entry("INVALID_DOMAIN").description).toContain("in the DC environment. The connector resolves DNS");
  });

  it("puts the items of a flattened list back on their own lines", () => {
    expect(entry("AST_MT_SETUP_ERR_NO_DNS_TO_SERVER").description).toContain(
      "all of the following:\nNo-health application\nDynamic server discovery is enabled (i.e., no server group configured)\nThe target",
    );
  });

  it("leaves no glued sentence anywhere in the catalog", () => {
    for (const e of catalog.entries) {
      const texts = [e.description, ...e.remediation, ...e.extraMeanings.flatMap((m) => [m.description, ...m.remediation])];
      for (const text of texts) expect(text, e.code).not.toMatch(/[a-z)][.!?][A-Z]|:[A-Z]|\)[A-Z][a-z]|\b[a-z]{3,}[A-Z][a-z]/);
    }
  });

  it("gives each sentence its own step, so 'If the error persists' follows the first action", () => {
    expect(entry("ZPN_ERR_AUTH_TIMEOUT").remediation).toEqual([
      "Ask the user to reauthenticate.",
      "If the error persists, contact Zscaler Support.",
    ]);
  });

  it("does not split abbreviations, version numbers or domain names", () => {
    expect(splitSentences("Check the ACLs (e.g. Windows Firewall) first.")).toHaveLength(1);
    expect(splitSentences("Enable TLS 1.2 on the web server. Then retry.")).toEqual(["Enable TLS 1.2 on the web server.", "Then retry."]);
    expect(splitSentences("Allow *.zpath.net and help.zscaler.com. Then retry.")).toEqual(["Allow *.zpath.net and help.zscaler.com.", "Then retry."]);
    expect(splitSentences("Use a supported version, i.e. Version 4.")).toHaveLength(1);
    expect(entry("EXPTR_MT_TLS_SETUP_FAIL_VERSION_MISMATCH").description).toContain("TLS 1.0/1.1 or earlier versions.");
  });
});

describe("codes without a page resolution", () => {
  it("gives BRK_MT_SETUP_FAIL_TOO_MANY_FAILED_ATTEMPTS (empty on the page) the LSS admin action, saying so", () => {
    const e = entry("BRK_MT_SETUP_FAIL_TOO_MANY_FAILED_ATTEMPTS");
    expect(source(PAGES[0]!)).toMatch(/\| BRK_MT_SETUP_FAIL_TOO_MANY_FAILED_ATTEMPTS \|[^|]+\| {1,2}\|/);
    expect(e.remediationSource).toBe("lss");
    expect(e.remediation[0]).toMatch(/gives no resolution/);
    expect(e.remediation.slice(1).join(" ")).toBe(e.lss!.adminAction);
  });

  it("falls back honestly where neither the page nor LSS says what to do", () => {
    const denied = entry("BRK_MT_SETUP_FAIL_ACCESS_DENIED");
    expect(denied.remediationSource).toBe("fallback");
    expect(denied.remediation[0]).toMatch(/give no resolution/);
    expect(denied.remediation.join(" ")).toMatch(/contact Zscaler Support with the session details/i);
    const authenticated = entry("ZPN_STATUS_AUTHENTICATED");
    expect(authenticated.remediationSource).toBe("fallback");
    expect(authenticated.remediation.join(" ")).toMatch(/no action needed/);
  });

  it("only says 'page' when the steps are the page's own words", () => {
    for (const e of catalog.entries) {
      if (e.remediationSource === "page") expect(e.remediation.join(" "), e.code).not.toMatch(/gives? no resolution/);
      else expect(e.remediation[0], e.code).toMatch(/no resolution/);
    }
  });
});

describe("links", () => {
  const seeAlso = /To learn more, see ([^.]+?)\.(?=\s|[A-Z]|$)/g;

  it("turns every 'To learn more, see <Page>' into a link to that help page", () => {
    let checked = 0;
    for (const e of catalog.entries) {
      const texts = [e.description, ...e.remediation, ...e.extraMeanings.flatMap((m) => [m.description, ...m.remediation])];
      for (const [, title] of texts.join(" ").matchAll(seeAlso)) {
        const link = e.links.find((l) => l.title === title);
        expect(link, `${e.code}: ${title}`).toBeDefined();
        expect(link!.url).toMatch(/^https:\/\/help\.zscaler\.com\/(unified|zpa)\/[a-z0-9-]+$/);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it("uses the bare /unified/ paths found above the primary page's tables", () => {
    const link = (code: string, title: string) => entry(code).links.find((l) => l.title === title)?.url;
    expect(link("AST_MT_SETUP_ERR_NO_SYSTEM_FD", "Monitoring App Connector Performance")).toBe(
      "https://help.zscaler.com/unified/monitoring-app-connector-performance",
    );
    expect(link("AST_MT_SETUP_ERR_NO_PROCESS_FD", "Adding App Connectors to an Existing App Connector Group")).toBe(
      "https://help.zscaler.com/unified/adding-app-connectors-existing-app-connector-group",
    );
    expect(link("BRK_MT_SETUP_FAIL_SCIM_INACTIVE", "About SCIM")).toBe("https://help.zscaler.com/unified/about-scim");
    expect(link("BRK_MT_SETUP_FAIL_RATE_LIMIT_EXCEEDED", "Ranges & Limitations")).toBe("https://help.zscaler.com/unified/ranges-limitations");
    expect(link("AST_MT_SETUP_ERR_RATE_LIMIT_REACHED", "Ranges & Limitations")).toBe("https://help.zscaler.com/unified/ranges-limitations");
  });

  it("links every entry to the page it came from", () => {
    const sourceUrl = (name: string) => /^Source: (\S+)/m.exec(source(name))![1]!;
    for (const e of catalog.entries) {
      const urls = e.links.map((l) => l.url);
      if (e.sources.some((s) => s.startsWith(PAGES[0]!))) expect(urls, e.code).toContain(sourceUrl(PAGES[0]!));
      else if (e.sources.some((s) => s.startsWith(PAGES[1]!))) expect(urls, e.code).toContain(sourceUrl(PAGES[1]!));
      else if (e.code.startsWith("ZPN_STATUS_")) expect(urls, e.code).toContain(sourceUrl("log-fields/user-status.md"));
      else expect(urls, e.code).toContain("https://help.zscaler.com/zpa/managing-log-streaming-service-configurations-using-api");
    }
  });
});
