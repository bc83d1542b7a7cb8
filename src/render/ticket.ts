// "For a support ticket": what to collect before Zscaler Support is contacted, per component.
import { TICKET_FIELDS, TICKET_TIME_WINDOW } from "../catalog/ticket-fields.js";
import type { Entry } from "../catalog/types.js";
import { ACTION, actionId } from "./action-ids.js";
import { button, section } from "./blocks.js";
import { escapeMrkdwn } from "./escape.js";
import type { Block, Button, Message } from "./types.js";

export type TicketPlacement = "inline" | "button" | "none";

const CONTACT_SUPPORT = /\b(?:Zscaler Support|contact (?:Zscaler )?support)\b/i;

/**
 * Inline where Zscaler Support acts or the steps end by contacting it; a button on other error cards;
 * nothing on policy, info and success cards, where no ticket is due.
 */
export function ticketPlacement(entry: Entry): TicketPlacement {
  if (entry.severity !== "error") return "none";
  const lastStep = entry.remediation.at(-1) ?? "";
  return entry.actionBy === "Zscaler Support" || CONTACT_SUPPORT.test(lastStep) ? "inline" : "button";
}

export function ticketText(entry: Entry): string {
  const { logs, extras } = TICKET_FIELDS[entry.component];
  const lines = [`• ${escapeMrkdwn(TICKET_TIME_WINDOW)}`];
  for (const log of logs) {
    const when = log.when ? ` (${log.when})` : "";
    lines.push(`• ${log.page.log} log${when}: ${log.fields.map((f) => `\`${f}\``).join(", ")}`);
  }
  for (const extra of extras) lines.push(`• ${extra}`);
  return `*:memo: For a support ticket*, collect:\n${lines.join("\n")}\n• The code \`${escapeMrkdwn(entry.code)}\` and what the user was doing`;
}

export function ticketBlocks(entry: Entry): Block[] {
  return [section(ticketText(entry))];
}

export function ticketButton(entry: Entry): Button {
  return button("For a support ticket", actionId(ACTION.ticket, entry.code), entry.code);
}

/** The section alone, answered privately when someone clicks the button. */
export function renderTicket(entry: Entry): Message {
  return { text: escapeMrkdwn(`For a support ticket about ${entry.code}`), blocks: ticketBlocks(entry) };
}
