// Severity emoji and labels, shared by cards, lists and the App Home.
import type { Entry, Severity } from "../catalog/types.js";

/** One emoji per severity, so a list can be scanned by colour before reading. */
export const SEVERITY_EMOJI: Record<Severity, string> = {
  error: ":red_circle:",
  policy: ":no_entry:",
  info: ":information_source:",
  success: ":white_check_mark:",
};

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: "Error",
  policy: "Policy block",
  info: "Info",
  success: "Success",
};

export function severityText(entry: Pick<Entry, "severity">): string {
  return `${SEVERITY_EMOJI[entry.severity]} ${SEVERITY_LABEL[entry.severity]}`;
}
