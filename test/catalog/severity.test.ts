// Severity and who acts, derived by rules from the source text, with the curated overrides on top.
import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../src/catalog/build.js";
import { readOverrides, readSourceFiles } from "../../src/catalog/files.js";
import { loadCatalog } from "../../src/catalog/load.js";
import type { Actor, Entry, Severity } from "../../src/catalog/types.js";

const catalog = loadCatalog();
const entry = (code: string): Entry => {
  const found = catalog.entries.find((e) => e.code === code);
  if (found === undefined) throw new Error(`${code} is not in the catalog`);
  return found;
};

// [code, severity, actionBy, why a support engineer would agree]
const PINNED: Array<[string, Severity, Actor, string]> = [
  ["BRK_MT_SETUP_FAIL_REJECTED_BY_POLICY", "policy", "admin", "Policy Block table; 'Update the policy to allow the user.'"],
  ["BRK_MT_SETUP_FAIL_SAML_EXPIRED", "policy", "end user", "Policy Block table; 'The user must reauthenticate'"],
  ["OPEN_OR_ACTIVE_CONNECTION", "success", "nobody", "Info row titled 'Request was successful'"],
  ["AST_MT_TERMINATED", "success", "nobody", "Info row LSS calls Success: a normal close"],
  ["BRK_MT_CLOSED_FROM_CLIENT", "success", "nobody", "Info row LSS calls Success"],
  ["ZPN_ERR_AUTH_TIMEOUT", "error", "end user", "Error row; first step 'Ask the user to reauthenticate.'"],
  ["INVALID_DOMAIN", "error", "admin", "Error row; DNS and reachability steps"],
  ["BRK_MT_SETUP_TIMEOUT", "error", "admin", "Error row; App Connector reachability"],
  ["FOHH_CLOSE_REASON_CONNECT_TIMEOUT", "info", "nobody", "same title as BRK_MT_SETUP_TIMEOUT, but an Info row with no action"],
  ["C2C_NOT_AVAILABLE", "error", "Zscaler Support", "the only step is contacting Zscaler Support"],
  ["FOHH_CLOSE_REASON_TLV_CALLBACK", "info", "Zscaler Support", "Info row; only 'If the error persists, contact Zscaler Support.'"],
  ["MT_CLOSED_TLS_CONN_GONE_MANUAL_DRAIN", "info", "nobody", "Error row LSS calls Info, and no action is required"],
  ["BRK_MT_SETUP_FAIL_RATE_LIMIT_EXCEEDED", "error", "Zscaler Support", "'If the request rate is expected or the problem persists, contact Zscaler Support'"],
  ["BRK_MT_SETUP_FAIL_TOO_MANY_FAILED_ATTEMPTS", "error", "end user", "LSS admin action: 'Retry after the preset waiting period'"],
  ["BRK_MT_SETUP_FAIL_ACCESS_DENIED", "error", "Zscaler Support", "LSS-only, InternalError, no resolution anywhere"],
  ["MT_CLOSED_DTLS_CONN_GONE", "info", "nobody", "LSS-only Info, no resolution"],
  ["ZPN_STATUS_AUTHENTICATED", "success", "nobody", "auth-log status LSS calls Success"],
  ["ZPN_STATUS_AUTH_FAILED", "error", "admin", "auth-log status LSS calls Error, no resolution"],
  ["FQDN_BAD_REGEX", "error", "admin", "'Contact your Admin to fix the incorrect regex.'"],
];

describe("severity and actionBy", () => {
  it.each(PINNED)("%s is %s / %s (%s)", (code, severity, actionBy) => {
    expect({ severity: entry(code).severity, actionBy: entry(code).actionBy }).toEqual({ severity, actionBy });
  });

  it("derives the headline cases from rules, not overrides", () => {
    for (const code of ["BRK_MT_SETUP_FAIL_REJECTED_BY_POLICY", "OPEN_OR_ACTIVE_CONNECTION", "ZPN_ERR_AUTH_TIMEOUT"]) {
      expect(entry(code).derivation, code).not.toEqual(expect.objectContaining({ severity: "override" }));
      expect(entry(code).derivation.actionBy, code).not.toBe("override");
    }
    expect(entry("ZPN_ERR_AUTH_TIMEOUT").derivation).toEqual({ severity: "error-table", actionBy: "user-first" });
    expect(entry("OPEN_OR_ACTIVE_CONNECTION").derivation.severity).toBe("info-title-success");
  });

  it("makes every Policy Block row a policy and never calls a Success status an error", () => {
    for (const e of catalog.entries) {
      if (e.category === "policy") expect(e.severity, e.code).toBe("policy");
      if (e.lss?.status === "Success") expect([e.severity, e.actionBy], e.code).toEqual(["success", "nobody"]);
      if (e.remediation[0] === "No action required." && e.derivation.actionBy !== "override") expect(e.actionBy, e.code).toBe("nobody");
    }
  });

  it("applies each curated override, and each one changes what the rules alone would say", () => {
    const overrides = readOverrides();
    expect(overrides.length).toBeGreaterThan(0);
    const withoutOverrides = buildCatalog(readSourceFiles(), []);
    for (const override of overrides) {
      const ruled = withoutOverrides.entries.find((e) => e.code === override.code)!;
      const final = entry(override.code);
      if (override.severity !== undefined) {
        expect(final.severity).toBe(override.severity);
        expect(final.derivation.severity).toBe("override");
        expect(ruled.severity, `${override.code}: override repeats the rule`).not.toBe(override.severity);
      }
      if (override.actionBy !== undefined) {
        expect(final.actionBy).toBe(override.actionBy);
        expect(final.derivation.actionBy).toBe("override");
        expect(ruled.actionBy, `${override.code}: override repeats the rule`).not.toBe(override.actionBy);
      }
    }
    expect(catalog.entries.filter((e) => Object.values(e.derivation).includes("override"))).toHaveLength(overrides.length);
  });

  it("rejects an override for a code that is not in the catalog", () => {
    expect(() => buildCatalog(readSourceFiles(), [{ code: "NOT_A_CODE", severity: "info", reason: "a reason long enough to pass" }])).toThrow(
      /NOT_A_CODE is not a catalog code/,
    );
  });
});
