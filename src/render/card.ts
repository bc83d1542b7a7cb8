// The full card for one code: the answer to "what does this code mean and what do I do?".
import type { Actor, Entry, Meaning } from "../catalog/types.js";
import { ACTION, actionId } from "./action-ids.js";
import { actions, button, context, echoContext, fieldsSection, header, section } from "./blocks.js";
import type { TeamNote } from "../runbook/schema.js";
import { clip, clipMrkdwn, escapeMrkdwn, mentionUser, mrkdwnLink } from "./escape.js";
import { severityText } from "./severity.js";
import { sourcePages } from "./sources.js";
import { teamBlocks } from "./team-notes.js";
import { ticketBlocks, ticketButton, ticketPlacement } from "./ticket.js";
import type { Block, Button, Message } from "./types.js";

const ACTOR_TEXT: Record<Actor, string> = {
  admin: "Your ZPA admin",
  "end user": "The end user",
  "Zscaler Support": "Zscaler Support",
  nobody: "Nobody (informational)",
};

const CATEGORY_TEXT: Record<Entry["category"], string> = {
  error: "Error",
  policy: "Policy block",
  info: "Info",
  success: "Success",
};

const MAX_LINKS = 5;
const MAX_ALSO_NAMES_BUTTONS = 5;
/** Extra meanings beyond this are only counted: no real code has more than two. */
const MAX_EXTRA_MEANINGS = 2;

// Per-part text budgets. Their sum (with header, fields and buttons) stays under the 12,000
// characters Slack allows per message, however long a future catalog text or team note gets.
const BUDGET = {
  summary: 1_600,
  alsoNames: 600,
  remediation: 2_400,
  extraMeanings: 1_600,
  links: 800,
  context: 600,
  team: 2_200,
} as const;

export interface CardOptions {
  /** Other codes with the same title: named on the card so the reader checks which one the log shows. */
  alsoNames?: readonly Entry[];
  /** What a button for those codes does: replace a private answer, or show the card privately. */
  alsoNamesAction?: "show" | "details";
  /** Extra mrkdwn line under the header, e.g. how a loose query was matched. */
  note?: string;
  buttons?: readonly Button[];
  /** Slack user id of whoever shared the card into the channel. */
  sharedBy?: string;
  /** The organisation's notes for this code, most specific first ("Your team"). */
  team?: readonly TeamNote[];
  /** The runbook file's name, said under file notes. */
  runbookFile?: string;
  /**
   * Where "For a support ticket" may go as a button (cards with buttons); without it, a card whose
   * section is not inline (a modal, a thread reply) leaves it out.
   */
  ticketButton?: boolean;
  /** Blocks after the buttons, e.g. "Right code?" on a guess. */
  footer?: readonly Block[];
}

export function actorText(actor: Actor): string {
  return ACTOR_TEXT[actor];
}

export function categoryText(category: Entry["category"]): string {
  return CATEGORY_TEXT[category];
}

function numberedSteps(steps: readonly string[]): string {
  return steps.map((step, i) => `${i + 1}. ${escapeMrkdwn(step)}`).join("\n");
}

function meaningSection(label: string, meaning: Meaning, budget: number): Block {
  return section(
    clipMrkdwn(
      `*${label}: ${escapeMrkdwn(meaning.title)}*\n${escapeMrkdwn(meaning.description)}\n` +
        `*What to do*\n${numberedSteps(meaning.remediation)}`,
      budget,
    ),
  );
}

function extraMeaningBlocks(meanings: readonly Meaning[]): Block[] {
  const shown = meanings.slice(0, MAX_EXTRA_MEANINGS);
  const each = Math.floor(BUDGET.extraMeanings / Math.max(1, shown.length));
  const blocks = shown.map((meaning, i) =>
    meaningSection(meanings.length > 1 ? `Another meaning (${i + 2})` : "Another meaning", meaning, each),
  );
  if (meanings.length > shown.length) blocks.push(context(`…and ${meanings.length - shown.length} more meanings.`));
  return blocks;
}

/** The plain fallback Slack shows in notifications and screen readers. */
export function cardFallback(entry: Entry): string {
  return escapeMrkdwn(clip(`${entry.code}: ${entry.title} (${entry.severity})`, 300));
}

/** One line of Zscaler links: the source pages (with the table each row came from), then further links. */
function linksLine(entry: Entry): string {
  const pages = sourcePages(entry.sources);
  const known = new Set(pages.map((page) => page.url));
  const further = entry.links.filter((link) => !known.has(link.url)).slice(0, MAX_LINKS);
  const links = [...pages, ...further.map((link) => ({ url: link.url, title: clip(link.title, 150) }))];
  return `:books: ${links.map((link) => mrkdwnLink(link.url, link.title)).join("  ·  ")}`;
}

function contextLine(entry: Entry): string {
  const parts: string[] = [];
  if (entry.altTitles.length > 0) {
    parts.push(`Also titled: ${entry.altTitles.map((t) => `“${escapeMrkdwn(t)}”`).join(", ")}`);
  }
  if (entry.aliases.length > 0) parts.push(`Also spelled: ${entry.aliases.map((a) => `\`${escapeMrkdwn(a)}\``).join(", ")}`);
  return parts.join("  ·  ");
}

function alsoNamesBlocks(others: readonly Entry[], action: CardOptions["alsoNamesAction"]): Block[] {
  if (others.length === 0) return [];
  const names = clipMrkdwn(others.map((o) => `\`${escapeMrkdwn(o.code)}\` (${severityText(o)})`).join(", "), BUDGET.alsoNames);
  const blocks: Block[] = [section(`:warning: This title also names ${names}. Check which code your log shows.`)];
  if (action) {
    const prefix = action === "show" ? ACTION.show : ACTION.details;
    const buttons = others.slice(0, MAX_ALSO_NAMES_BUTTONS).map((o) => button(`Show ${o.code}`, actionId(prefix, o.code), o.code));
    blocks.push(actions(buttons));
  }
  return blocks;
}

/** Severity, component, who acts; Category only where it says something Severity does not. */
function factFields(entry: Entry): string[] {
  const fields = [`*Severity*\n${severityText(entry)}`, `*Component*\n${escapeMrkdwn(entry.componentName)} (${entry.component})`];
  if (entry.category !== entry.severity) fields.push(`*Category*\n${categoryText(entry.category)}`);
  fields.push(`*Who acts*\n${actorText(entry.actionBy)}`);
  return fields;
}

export function renderCard(entry: Entry, options: CardOptions = {}): Message {
  const blocks: Block[] = [header(entry.code)];
  // The note quotes the user's query ("Best match for …").
  if (options.note) blocks.push(echoContext(options.note));
  blocks.push(
    // The code again in `code` formatting: the header cannot be selected and copied cleanly everywhere.
    section(
      clipMrkdwn(`\`${escapeMrkdwn(entry.code)}\`  *${escapeMrkdwn(clip(entry.title, 300))}*\n${escapeMrkdwn(entry.description)}`, BUDGET.summary),
    ),
    fieldsSection(factFields(entry)),
  );
  blocks.push(...alsoNamesBlocks(options.alsoNames ?? [], options.alsoNamesAction));

  const general = entry.remediationSource === "fallback" ? " _(general advice: the Zscaler page gives no steps for this code)_" : "";
  blocks.push(section(clipMrkdwn(`*What to do*${general}\n${numberedSteps(entry.remediation)}`, BUDGET.remediation)));
  blocks.push(...extraMeaningBlocks(entry.extraMeanings));
  blocks.push(...teamBlocks(options.team ?? [], BUDGET.team, options.runbookFile));
  const placement = ticketPlacement(entry);
  if (placement === "inline") blocks.push(...ticketBlocks(entry));
  blocks.push(context(clipMrkdwn(linksLine(entry), BUDGET.links)));
  const more = contextLine(entry);
  if (more !== "") blocks.push(context(clipMrkdwn(more, BUDGET.context)));
  if (options.sharedBy) blocks.push(context(`Shared by ${mentionUser(options.sharedBy)}`));
  const buttons = [...(options.buttons ?? [])];
  if (placement === "button" && options.ticketButton) buttons.push(ticketButton(entry));
  if (buttons.length > 0) blocks.push(actions(buttons));
  blocks.push(...(options.footer ?? []));
  return { text: cardFallback(entry), blocks };
}
