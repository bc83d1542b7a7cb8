// Flows for "Edit team note": the modal for editors, and saving what they typed to the state store.
// Every click and submission is checked against RUNBOOK_EDITORS with Slack's own user id, so one
// from anyone else (a forged payload included) is refused here.
import { ACTION, NOTE_MODAL, actionId } from "../render/action-ids.js";
import { button, section } from "../render/blocks.js";
import { escapeMrkdwn } from "../render/escape.js";
import { LINK_SEPARATOR, renderNoteModal } from "../render/note-modal.js";
import type { Button, Message } from "../render/types.js";
import { MAX_NOTE_LINKS, MAX_NOTE_TEXT, MAX_OWNER_CHARS, NoteLinkSchema, type TeamNote } from "../runbook/schema.js";
import { StateUnavailableError } from "../state/store.js";
import type { Link } from "../catalog/types.js";
import { teamNotesFor } from "./card-for.js";
import type { Bot } from "./bot.js";
import type { Outgoing } from "./outgoing.js";

export const NOT_AN_EDITOR = "Only the people named in RUNBOOK_EDITORS can edit team notes.";

export function editNoteButton(code: string): Button {
  return button("Edit team note", actionId(ACTION.editNote, code), code);
}

function privateLine(text: string): Outgoing {
  const message: Message = { text: escapeMrkdwn(text), blocks: [section(escapeMrkdwn(text))] };
  return { kind: "respond", visibility: "ephemeral", replaceOriginal: false, message };
}

/** The note the modal starts from: the Slack edit, else the file's most specific note naming the code. */
function currentNote(core: Bot, code: string): TeamNote | undefined {
  const entry = core.search.byCode(code);
  return entry ? teamNotesFor(core, entry).find((note) => note.scope.kind === "codes") : undefined;
}

export interface OpenEditorInput {
  code: string;
  userId: string;
  triggerId?: string;
  /** The bot's answer to "is this user in RUNBOOK_EDITORS?", asked once per click. */
  canEdit: boolean;
}

export async function openNoteEditor(core: Bot, input: OpenEditorInput): Promise<Outgoing[]> {
  if (!input.canEdit) return [privateLine(NOT_AN_EDITOR)];
  const entry = core.search.byCode(input.code);
  if (!entry || !input.triggerId) return [];
  if (!core.state) return [privateLine("Team notes cannot be saved here: this bot keeps no state.")];
  let versions = 0;
  try {
    versions = Math.max(0, (await core.state.store.editedNoteHistory(entry.code)).length - 1);
  } catch (error) {
    if (!(error instanceof StateUnavailableError)) throw error;
    return [privateLine("Team notes cannot be edited right now: the bot's shared store cannot be reached.")];
  }
  return [{ kind: "openModal", triggerId: input.triggerId, view: renderNoteModal(entry.code, currentNote(core, entry.code), versions) }];
}

export interface SubmitNoteInput {
  /** The modal's private_metadata: the code. */
  code: string | undefined;
  userId: string;
  /** view.state.values: block_id -> action_id -> { value }. */
  values: Record<string, Record<string, { value?: string | null } | undefined> | undefined>;
}

function invalid(errors: Record<string, string>): Outgoing[] {
  return [{ kind: "inputErrors", errors }];
}

function valueOf(values: SubmitNoteInput["values"], ids: { blockId: string; actionId: string }): string {
  return (values[ids.blockId]?.[ids.actionId]?.value ?? "").trim();
}

function parseLinks(text: string): Link[] | string {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "");
  if (lines.length > MAX_NOTE_LINKS) return `At most ${MAX_NOTE_LINKS} links.`;
  const links: Link[] = [];
  for (const [i, line] of lines.entries()) {
    const cut = line.lastIndexOf("|");
    const title = cut === -1 ? line : line.slice(0, cut).trim();
    const url = cut === -1 ? line : line.slice(cut + 1).trim();
    const parsed = NoteLinkSchema.safeParse({ title: title || url, url });
    if (!parsed.success) return `Line ${i + 1}: write "Title${LINK_SEPARATOR}https://…".`;
    links.push(parsed.data);
  }
  return links;
}

/** Flow: the note modal was saved. Errors keep it open (inputErrors); a saved note closes it (nothing to send). */
export async function submitNote(core: Bot, input: SubmitNoteInput): Promise<Outgoing[]> {
  const entry = input.code ? core.search.byCode(input.code) : undefined;
  if (!(await core.editors.isEditor(input.userId))) return invalid({ [NOTE_MODAL.text.blockId]: NOT_AN_EDITOR });
  if (!entry) return invalid({ [NOTE_MODAL.text.blockId]: "That code is no longer in the catalog." });
  const text = valueOf(input.values, NOTE_MODAL.text);
  const owner = valueOf(input.values, NOTE_MODAL.owner);
  const links = parseLinks(valueOf(input.values, NOTE_MODAL.links));
  const errors: Record<string, string> = {};
  if (text === "" || text.length > MAX_NOTE_TEXT) errors[NOTE_MODAL.text.blockId] = `Write the note (up to ${MAX_NOTE_TEXT} characters).`;
  if (typeof links === "string") errors[NOTE_MODAL.links.blockId] = links;
  if (owner.length > MAX_OWNER_CHARS) errors[NOTE_MODAL.owner.blockId] = `Up to ${MAX_OWNER_CHARS} characters.`;
  if (Object.keys(errors).length > 0 || typeof links === "string") return invalid(errors);
  if (!core.state) return invalid({ [NOTE_MODAL.text.blockId]: "This bot keeps no state, so notes cannot be saved." });
  try {
    await core.state.store.saveEditedNote(entry.code, {
      text,
      links,
      ...(owner !== "" ? { owner } : {}),
      editedBy: input.userId,
      editedAtMs: core.state.clock(),
    });
  } catch (error) {
    if (!(error instanceof StateUnavailableError)) throw error;
    return invalid({ [NOTE_MODAL.text.blockId]: "Not saved: the bot's shared store cannot be reached. Try again in a minute." });
  }
  await core.editedNotes?.refresh();
  return [];
}
