// The `possible` answer: a short ranked list of codes that match the words, the first one readable inline.
import type { Entry } from "../catalog/types.js";
import { splitComponentPrefix } from "../search/normalize.js";
import { ACTION, actionId } from "./action-ids.js";
import { actorText } from "./card.js";
import { button, context, section } from "./blocks.js";
import { clip, echoUserText, escapeMrkdwn } from "./escape.js";
import { severityText } from "./severity.js";
import { summaryLine } from "./summary.js";
import type { Block, Message } from "./types.js";

/** A short list: more rows are a browse, not an answer. */
export const MAX_POSSIBLE_ROWS = 5;

/** The one title every listed code carries, if they all share one ("Connection request timed out"). */
export function sharedTitle(entries: readonly Entry[]): string | null {
  const plain = (entry: Entry): string => splitComponentPrefix(entry.title).rest.toLowerCase();
  const first = entries[0];
  return first && entries.length > 1 && entries.every((entry) => plain(entry) === plain(first)) ? splitComponentPrefix(first.title).rest : null;
}

function row(entry: Entry, first: boolean): Block[] {
  const meaning = escapeMrkdwn(clip(entry.description.split(/(?<=\.)\s/)[0] ?? entry.description, 240));
  const blocks: Block[] = [section(`${summaryLine(entry)}\n${meaning}`, button("Show", actionId(ACTION.show, entry.code), entry.code))];
  if (first) {
    const step = escapeMrkdwn(clip(entry.remediation[0] ?? "", 240));
    blocks.push(context(`Severity: ${severityText(entry)}  ·  Who acts: ${actorText(entry.actionBy)}  ·  First step: ${step}`));
  }
  return blocks;
}

export function renderPossible(query: string, entries: readonly Entry[]): Message {
  const shown = entries.slice(0, MAX_POSSIBLE_ROWS);
  const echo = echoUserText(query);
  const title = sharedTitle(shown);
  const head = title
    ? `*${shown.length} codes share the title “${escapeMrkdwn(clip(title, 150))}”.* Which one does the log show?`
    : `*Codes that match “${echo}”*, most likely first:`;
  const blocks: Block[] = [section(head), ...shown.flatMap((entry, i) => row(entry, i === 0))];
  blocks.push(context("Click *Show* for the full card. Only you can see this."));
  const codes = shown.map((entry) => entry.code).join(", ");
  return { text: title ? `${shown.length} codes share the title “${echo}”: ${codes}` : `Codes that match “${echo}”: ${codes}`, blocks };
}
