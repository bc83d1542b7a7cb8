// The derivation rules: severity and who acts, from the table, the LSS classification and the steps.
import type { Actor, Category, Lss, Severity } from "./types.js";

/** What the rules look at: the table, Zscaler's LSS classification and the remediation steps. */
export interface RuleInput {
  /** The table on a help page, or for codes on no page the category of their LSS status. */
  category: Category;
  /** Whether a help page lists the code (else only Zscaler's LSS list does). */
  onPage: boolean;
  title: string;
  lss: Lss | null;
  /** The page's resolution split into steps; empty when the page gives none. */
  pageSteps: readonly string[];
  /** The steps someone should take: the page's, else the LSS adminAction's; empty when neither exists. */
  actionSteps: readonly string[];
}

export interface Derived<T> {
  value: T;
  rule: string;
}

const LSS_POLICY_STATUSES = new Set(["PolicyBlock", "reauthBlock"]);
const NO_ACTION = /\bno (further )?action (is )?required\b/i;

/** Severity rules, first match wins; the README's table lists the same ids. */
export function deriveSeverity(input: RuleInput): Derived<Severity> {
  const { category, lss, title } = input;
  if (category === "policy") return { value: "policy", rule: "policy-table" };
  if (lss !== null && LSS_POLICY_STATUSES.has(lss.status)) return { value: "policy", rule: "lss-policy" };
  if (category === "success" || (category === "info" && lss?.status === "Success")) {
    return { value: "success", rule: "lss-success" };
  }
  if (category === "info" && /\bsuccessful(ly)?\b/i.test(title)) return { value: "success", rule: "info-title-success" };
  if (category === "error" && lss?.status === "Info" && input.pageSteps.some((step) => NO_ACTION.test(step))) {
    return { value: "info", rule: "error-lss-info-no-action" };
  }
  if (!input.onPage) return { value: category, rule: "lss-status" };
  return { value: category, rule: `${category}-table` };
}

// An end-user action at the start of the first step, optionally after an "If ..., " condition.
const END_USER_FIRST =
  /^(if [^,]+, )?(ask the user to (re)?(authenticate|log ?out|log in|refresh|access|request)|the user must (re)?authenticate|retry\b|try again\b)/i;
// "Contact Zscaler Support ...", optionally after "If the error persists, " or "To learn more, ".
const CONTACT_SUPPORT_ONLY = /^((if [^,]+|to learn more), )?contact zscaler support\b[^.]*\.?$/i;

/** actionBy rules, first match wins; `severity` is the already-derived severity. */
export function deriveActionBy(input: RuleInput, severity: Severity): Derived<Actor> {
  const { actionSteps: steps, lss } = input;
  if (severity === "success") return { value: "nobody", rule: "success-nobody" };
  if (steps.length === 0) {
    // No resolution anywhere: fall back on Zscaler's own classification.
    if (severity === "info") return { value: "nobody", rule: "no-resolution-info" };
    if (lss?.errorType === "InternalError") return { value: "Zscaler Support", rule: "no-resolution-internal" };
    return { value: "admin", rule: "no-resolution-error" };
  }
  if (steps.some((step) => NO_ACTION.test(step))) return { value: "nobody", rule: "no-action" };
  if (END_USER_FIRST.test(steps[0] ?? "")) return { value: "end user", rule: "user-first" };
  if (steps.every((step) => CONTACT_SUPPORT_ONLY.test(step))) return { value: "Zscaler Support", rule: "support-only" };
  return { value: "admin", rule: "admin-steps" };
}
