// Plain-text rendering of an entry for the terminal (the CLI), with control characters stripped.
import type { Entry } from "../catalog/types.js";

/** Terminal rendering of an entry, for the CLI. Plain text: it also reads well when piped. */

const SEVERITY_MARK: Record<Entry["severity"], string> = {
  error: "[ERROR]",
  policy: "[POLICY]",
  info: "[INFO]",
  success: "[OK]",
};

/**
 * Removes control characters (C0 but tab and newline, DEL, C1) and Unicode bidi overrides and isolates,
 * so echoed user input cannot move a terminal's cursor, recolour it, or show text in a misleading order.
 */
export function stripControl(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "");
}

function steps(lines: readonly string[]): string[] {
  return lines.map((line, i) => `  ${i + 1}. ${line}`);
}

export interface EntryTextOptions {
  /** Codes that share this entry's title, so the reader knows the title alone was ambiguous. */
  alsoNamedBy?: readonly Entry[];
}

export function entryToText(entry: Entry, options: EntryTextOptions = {}): string {
  const out: string[] = [
    `${entry.code}  ${SEVERITY_MARK[entry.severity]}`,
    entry.title,
    "",
    `Severity:   ${entry.severity}`,
    `Component:  ${entry.componentName} (${entry.component})`,
    `Category:   ${entry.category}`,
    `Who acts:   ${entry.actionBy}`,
  ];
  if (entry.aliases.length > 0) out.push(`Aliases:    ${entry.aliases.join(", ")}`);
  if (entry.altTitles.length > 0) out.push(`Also shown: ${entry.altTitles.join(" | ")}`);
  out.push("", entry.description, "", "What to do:", ...steps(entry.remediation));

  for (const meaning of entry.extraMeanings) {
    out.push("", `Another meaning (${meaning.title}):`, meaning.description, "What to do:", ...steps(meaning.remediation));
  }
  const alsoNamed = options.alsoNamedBy ?? [];
  if (alsoNamed.length > 0) {
    out.push("", `This title also names ${alsoNamed.map((e) => `${e.code} (${e.category})`).join(", ")}.`);
  }
  if (entry.links.length > 0) {
    out.push("", "Links:", ...entry.links.map((link) => `  - ${link.title}: ${link.url}`));
  }
  return out.join("\n");
}

/** Wide enough for the longest catalog code (50 characters), so titles line up. */
const CODE_COLUMN = 50;

/** One line per entry: for lists, scans and suggestions. */
export function entryToLine(entry: Entry): string {
  return `${SEVERITY_MARK[entry.severity].padEnd(8)} ${entry.code.padEnd(CODE_COLUMN)} ${entry.title}`;
}
