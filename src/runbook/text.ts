// Team notes for the CLI: a "Your team" block of plain text, and the JSON shape of `runbook`.
import { scopeText } from "./notes.js";
import type { TeamNote } from "./schema.js";

export interface NoteJson {
  /** What the note applies to, e.g. "code BRK_MT_SETUP_TIMEOUT", "component AC", "every code". */
  appliesTo: string;
  text: string;
  links: Array<{ title: string; url: string }>;
  owner?: string;
  /** "file" or "slack" (with who and when). */
  from: "file" | "slack";
  editedBy?: string;
  editedAt?: string;
}

export function noteToJson(note: TeamNote): NoteJson {
  const json: NoteJson = { appliesTo: scopeText(note.scope), text: note.text, links: [...note.links], from: note.origin.kind };
  if (note.owner) json.owner = note.owner;
  if (note.origin.kind === "slack") {
    json.editedBy = note.origin.editedBy;
    json.editedAt = new Date(note.origin.editedAtMs).toISOString();
  }
  return json;
}

export function notesToText(notes: readonly TeamNote[]): string {
  if (notes.length === 0) return "";
  const out = ["", "Your team (your organisation's own notes, not Zscaler's):"];
  for (const note of notes) {
    out.push(`  [${scopeText(note.scope)}] ${note.text.replace(/\n/g, "\n    ")}`);
    for (const link of note.links) out.push(`    - ${link.title}: ${link.url}`);
    if (note.owner) out.push(`    Owner: ${note.owner}`);
  }
  return out.join("\n");
}
