// Every full card the bot sends goes through here, so each one carries the team's notes.
import type { Entry } from "../catalog/types.js";
import { renderCard, type CardOptions } from "../render/card.js";
import type { Message } from "../render/types.js";
import { EMPTY_RUNBOOK, notesFor } from "../runbook/notes.js";
import type { TeamNote } from "../runbook/schema.js";
import type { Bot } from "./bot.js";

/** The notes that apply to a code, most specific first; a note edited in Slack comes before the file's. */
export function teamNotesFor(core: Bot, entry: Entry): TeamNote[] {
  const runbook = core.runbook?.current() ?? EMPTY_RUNBOOK;
  return notesFor(runbook, entry, core.editedNotes?.current().get(entry.code));
}

export function cardFor(core: Bot, entry: Entry, options: CardOptions = {}): Message {
  const file = core.runbook?.current().file;
  return renderCard(entry, { ...options, team: teamNotesFor(core, entry), ...(file ? { runbookFile: file } : {}) });
}
