// Our own words where the help pages give none (LSS-only codes, codes without a resolution), marked as ours.
import type { Lss, Severity } from "./types.js";

/** Said where the help pages give no resolution, so nobody mistakes our words for Zscaler's. */
const NO_PAGE_RESOLUTION = "The Zscaler help page gives no resolution for this code.";
const NOT_ON_PAGES = "Zscaler's session status code pages do not list this code, so they give no resolution.";
const SESSION_DETAILS = "the session details (time, Session ID and the log line)";
const CONTACT_SUPPORT = `If it keeps happening, contact Zscaler Support with ${SESSION_DETAILS}.`;

/** The description of a code that only Zscaler's LSS list names. */
export function lssOnlyDescription(lss: Lss): string {
  return (
    `Zscaler documents this code only in its Log Streaming Service (LSS) status list, as "${lss.name.trim()}" ` +
    `(status ${lss.status}${lss.errorType !== "NA" ? `, ${lss.errorType}` : ""}); the help pages do not describe it.`
  );
}

interface FallbackInput {
  hasPageRow: boolean;
  severity: Severity;
  lss: Lss | null;
  /** The LSS adminAction split into steps, when there is one. */
  lssSteps: readonly string[];
}

/** Honest steps for a code whose page row gives no resolution (or that is on no page). */
export function fallbackSteps({ hasPageRow, severity, lss, lssSteps }: FallbackInput): string[] {
  const opening = hasPageRow ? NO_PAGE_RESOLUTION : NOT_ON_PAGES;
  if (lssSteps.length > 0) {
    return [`${opening} Zscaler's LSS status list gives this admin action:`, ...lssSteps];
  }
  if (severity === "success") {
    return [`${opening} Zscaler's LSS status list classifies it as ${lss?.status ?? "Success"}: normal operation, no action needed.`];
  }
  if (severity === "info") {
    return [`${opening} Zscaler's LSS status list classifies it as ${lss?.status ?? "Info"}, not an error, so normally no action is needed.`, CONTACT_SUPPORT];
  }
  const side =
    lss?.errorType === "InternalError"
      ? " Zscaler's LSS status list marks it as an internal (Zscaler-side) error."
      : lss?.errorType === "ActionableError"
        ? " Zscaler's LSS status list marks it as an error the customer's admin can act on; review the configuration the title names."
        : "";
  return [
    `${opening}${side}`,
    `Contact Zscaler Support with ${SESSION_DETAILS}.`,
  ];
}
