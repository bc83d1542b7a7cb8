// "Your team": the organisation's own runbook notes on a card, after Zscaler's steps and marked as theirs.
import type { TeamNote } from "../runbook/schema.js";
import { context, section } from "./blocks.js";
import { clip, clipMrkdwn, mentionUser, mrkdwnLink } from "./escape.js";
import type { Block } from "./types.js";

/** A card shows this many notes; the rest are counted. */
export const MAX_TEAM_NOTES = 3;

export const TEAM_HEADING = "*:busts_in_silhouette: Your team*  _(your organisation's own notes, not Zscaler's)_";

/** "2026-11-30 11:20 UTC": readable in Slack and the preview alike. */
export function utcMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function originLine(note: TeamNote, file: string | undefined): string {
  if (note.origin.kind === "slack") return `Edited in Slack by ${mentionUser(note.origin.editedBy)}, ${utcMinute(note.origin.editedAtMs)}`;
  return file ? `From ${clip(file, 100).replace(/[<>&*_~`]/g, "")}` : "From the runbook file";
}

function noteBlocks(note: TeamNote, budget: number, file: string | undefined): Block[] {
  // The text is the organisation's own (trusted): mentions and channel links stay live, unlike user input.
  const parts = [note.text];
  if (note.links.length > 0) parts.push(note.links.map((link) => `• ${mrkdwnLink(link.url, clip(link.title, 150))}`).join("\n"));
  if (note.owner) parts.push(`*Owner:* ${note.owner}`);
  return [section(clipMrkdwn(parts.join("\n"), budget)), context(originLine(note, file))];
}

/** The section, or nothing when no note applies. `budget` bounds the text of all notes together. */
export function teamBlocks(notes: readonly TeamNote[], budget: number, file?: string): Block[] {
  if (notes.length === 0) return [];
  const shown = notes.slice(0, MAX_TEAM_NOTES);
  const each = Math.floor((budget - TEAM_HEADING.length) / shown.length);
  const blocks: Block[] = [section(TEAM_HEADING), ...shown.flatMap((note) => noteBlocks(note, each, file))];
  if (notes.length > shown.length) blocks.push(context(`…and ${notes.length - shown.length} more team notes.`));
  return blocks;
}
