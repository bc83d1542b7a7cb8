// The "Edit team note" modal: the code's current note (Slack edit, else the file's own note) to change.
import type { TeamNote } from "../runbook/schema.js";
import { MAX_NOTE_LINKS, MAX_NOTE_TEXT, MAX_OWNER_CHARS } from "../runbook/schema.js";
import { NOTE_MODAL } from "./action-ids.js";
import { context, plain } from "./blocks.js";
import { utcMinute } from "./team-notes.js";
import { LIMITS } from "./limits.js";
import type { Block, ModalView } from "./types.js";
import { mentionUser } from "./escape.js";

/** Links are typed one per line as "Title | https://…". */
export const LINK_SEPARATOR = " | ";
const MAX_LINKS_CHARS = MAX_NOTE_LINKS * 500;

function input(ids: { blockId: string; actionId: string }, label: string, initial: string, options: { multiline?: boolean; max: number; optional?: boolean; hint?: string }): Block {
  return {
    type: "input",
    block_id: ids.blockId,
    label: plain(label, LIMITS.inputLabel),
    ...(options.optional ? { optional: true } : {}),
    ...(options.hint ? { hint: plain(options.hint, LIMITS.inputLabel) } : {}),
    element: {
      type: "plain_text_input",
      action_id: ids.actionId,
      max_length: options.max,
      ...(options.multiline ? { multiline: true } : {}),
      ...(initial !== "" ? { initial_value: initial.slice(0, options.max) } : {}),
    },
  };
}

export function renderNoteModal(code: string, current: TeamNote | undefined, versions: number): ModalView {
  const links = (current?.links ?? []).map((link) => `${link.title}${LINK_SEPARATOR}${link.url}`).join("\n");
  const origin = current?.origin;
  const about =
    origin?.kind === "slack"
      ? `Last edited by ${mentionUser(origin.editedBy)}, ${utcMinute(origin.editedAtMs)}. ${versions} earlier ${versions === 1 ? "version is" : "versions are"} kept.`
      : origin?.kind === "file"
        ? "From the runbook file. Saving here takes precedence over the file's notes for this code."
        : "No note for this code yet.";
  return {
    type: "modal",
    callback_id: NOTE_MODAL.callbackId,
    title: plain("Edit team note", LIMITS.modalTitle),
    submit: plain("Save", LIMITS.modalButton),
    close: plain("Cancel", LIMITS.modalButton),
    private_metadata: code,
    blocks: [
      context(`*${code}*: your organisation's own note, shown to everyone under "Your team". ${about}`),
      input(NOTE_MODAL.text, "Note (mrkdwn; mentions and #channels stay live)", current?.text ?? "", { multiline: true, max: MAX_NOTE_TEXT }),
      input(NOTE_MODAL.links, "Links, one per line", links, {
        multiline: true,
        max: MAX_LINKS_CHARS,
        optional: true,
        hint: `Title${LINK_SEPARATOR}https://… (up to ${MAX_NOTE_LINKS})`,
      }),
      input(NOTE_MODAL.owner, "Owner or escalation target", current?.owner ?? "", { max: MAX_OWNER_CHARS, optional: true }),
    ],
  };
}
