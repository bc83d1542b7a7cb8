// The runbook file's shape (RUNBOOK_FILE, YAML) and the note type every surface shows under "Your team".
import { z } from "zod";
import { CATEGORIES, COMPONENTS, SEVERITIES, type Category, type Component, type Link, type Severity } from "../catalog/types.js";

/** Room for a few paragraphs; the card's "Your team" section has a fixed budget whatever the file holds. */
export const MAX_NOTE_TEXT = 2_000;
export const MAX_NOTE_LINKS = 5;
export const MAX_OWNER_CHARS = 150;
export const MAX_LINK_TITLE = 150;
export const MAX_NOTES = 1_000;

export const NoteLinkSchema = z.object({
  title: z.string().trim().min(1).max(MAX_LINK_TITLE),
  url: z.url({ protocol: /^https?$/ }),
});

/** One entry of `notes:` as written: exactly one selector (code, codes, component, category, severity). */
export const FileNoteSchema = z
  .object({
    code: z.string().trim().min(1).optional(),
    /** A list of codes, or "*" for every code. */
    codes: z.union([z.literal("*"), z.array(z.string().trim().min(1)).min(1)]).optional(),
    component: z.enum(COMPONENTS).optional(),
    category: z.enum(CATEGORIES).optional(),
    severity: z.enum(SEVERITIES).optional(),
    text: z.string().trim().min(1).max(MAX_NOTE_TEXT),
    links: z.array(NoteLinkSchema).max(MAX_NOTE_LINKS).optional(),
    owner: z.string().trim().min(1).max(MAX_OWNER_CHARS).optional(),
  })
  .strict();

export const RunbookFileSchema = z
  .object({
    notes: z.array(FileNoteSchema).max(MAX_NOTES),
  })
  .strict();

export type FileNote = z.infer<typeof FileNoteSchema>;

/** What a note applies to; "codes" lists canonical catalog codes. */
export type NoteScope =
  | { kind: "codes"; codes: readonly string[] }
  | { kind: "component"; component: Component }
  | { kind: "category"; category: Category }
  | { kind: "severity"; severity: Severity }
  | { kind: "all" };

/** Where a note came from: the file (its place in `notes:`) or an edit made in Slack. */
export type NoteOrigin =
  | { kind: "file"; index: number }
  | { kind: "slack"; editedBy: string; editedAtMs: number };

export interface TeamNote {
  scope: NoteScope;
  /** mrkdwn written by the organisation: trusted, so live mentions and channel links stay live. */
  text: string;
  links: readonly Link[];
  owner?: string;
  origin: NoteOrigin;
}

export interface Runbook {
  /** The file the notes came from, for messages; undefined when there is no file. */
  file?: string;
  notes: readonly TeamNote[];
}

