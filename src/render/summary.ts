// Shorter forms for several codes at once: compact cards (two or three codes) and a one-line-per-code
// summary (more), each code with a button that opens its full card.
import type { Entry } from "../catalog/types.js";
import { actionId } from "./action-ids.js";
import { button, context, divider, section } from "./blocks.js";
import { actorText, categoryText } from "./card.js";
import { clip, escapeMrkdwn } from "./escape.js";
import { packGroups } from "./pack.js";
import { SEVERITY_EMOJI } from "./severity.js";
import type { Block, Message } from "./types.js";

/** `prefix` is the action the Details button triggers (shown privately, or replacing the answer). */
export function detailsButton(entry: Entry, prefix: string): ReturnType<typeof button> {
  return button("Details", actionId(prefix, entry.code), entry.code);
}

export function summaryLine(entry: Entry): string {
  return `${SEVERITY_EMOJI[entry.severity]} \`${escapeMrkdwn(entry.code)}\`  ${escapeMrkdwn(clip(entry.title, 200))}`;
}

export function compactBlocks(entry: Entry, detailsPrefix: string): Block[] {
  const firstStep = entry.remediation[0] ?? "";
  return [
    section(
      `${summaryLine(entry)}\n${escapeMrkdwn(clip(entry.description, 400))}\n*First step:* ${escapeMrkdwn(clip(firstStep, 300))}`,
      detailsButton(entry, detailsPrefix),
    ),
    context(
      `${escapeMrkdwn(entry.componentName)} (${entry.component})  ·  ${categoryText(entry.category)}  ·  Who acts: ${actorText(entry.actionBy)}`,
    ),
  ];
}

export function summaryRow(entry: Entry, detailsPrefix: string): Block[] {
  return [section(summaryLine(entry), detailsButton(entry, detailsPrefix))];
}

function codeList(entries: readonly Entry[]): string {
  return entries.map((e) => escapeMrkdwn(e.code)).join(", ");
}

export function overflowLine(rest: readonly Entry[]): string {
  return `…and ${rest.length} more: ${codeList(rest)}`;
}

function fallback(entries: readonly Entry[]): string {
  return escapeMrkdwn(clip(`${entries.length} ZPA codes: ${entries.map((e) => e.code).join(", ")}`, 1_000));
}

/** Two or three codes: a short card each. `lead` goes first (e.g. a spike hint) and counts against the limits. */
export function renderCompactCards(entries: readonly Entry[], detailsPrefix: string, lead: readonly Block[] = []): Message {
  const head: Block[] = [...lead, context(`Found ${entries.length} ZPA status codes in this message:`)];
  const groups = entries.map((entry, i) => [...(i > 0 ? [divider()] : []), ...compactBlocks(entry, detailsPrefix)]);
  return { text: fallback(entries), blocks: packGroups(head, groups, (n) => overflowLine(entries.slice(n))) };
}

/** Many codes: one line each, in the order given. `lead` goes first and counts against the limits. */
export function renderSummary(entries: readonly Entry[], detailsPrefix: string, lead: readonly Block[] = []): Message {
  const head: Block[] = [
    ...lead,
    section(`*Found ${entries.length} ZPA status codes.* Click *Details* for a full card (only you will see it).`),
  ];
  const rows = entries.map((entry) => summaryRow(entry, detailsPrefix));
  return { text: fallback(entries), blocks: packGroups(head, rows, (n) => overflowLine(entries.slice(n))) };
}
