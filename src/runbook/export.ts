// `zpa-code runbook export`: the file's notes with the notes edited in Slack merged in, as runbook YAML
// a team can commit. An edited code leaves the file's code notes and gets its own entry.
import { Document, isMap, isSeq } from "yaml";
import type { EditedNote } from "../state/store.js";
import type { FileNote, Runbook, TeamNote } from "./schema.js";

function fileNoteOf(note: TeamNote, without: ReadonlySet<string>): FileNote | null {
  const base = { text: note.text, ...(note.links.length > 0 ? { links: note.links.map((l) => ({ ...l })) } : {}), ...(note.owner ? { owner: note.owner } : {}) };
  const { scope } = note;
  switch (scope.kind) {
    case "codes": {
      const codes = scope.codes.filter((code) => !without.has(code));
      if (codes.length === 0) return null;
      return codes.length === 1 ? { code: codes[0]!, ...base } : { codes, ...base };
    }
    case "component":
      return { component: scope.component, ...base };
    case "category":
      return { category: scope.category, ...base };
    case "severity":
      return { severity: scope.severity, ...base };
    case "all":
      return { codes: "*", ...base };
  }
}

export function exportRunbook(runbook: Runbook, edited: ReadonlyMap<string, EditedNote>): string {
  const editedCodes = [...edited.keys()].sort();
  const kept = runbook.notes.map((note) => fileNoteOf(note, new Set(editedCodes))).filter((note): note is FileNote => note !== null);
  const fromSlack: FileNote[] = editedCodes.map((code) => {
    const note = edited.get(code)!;
    return { code, text: note.text, ...(note.links.length > 0 ? { links: note.links } : {}), ...(note.owner ? { owner: note.owner } : {}) };
  });
  const doc = new Document({ notes: [...kept, ...fromSlack] });
  doc.commentBefore = ` zpa-codes runbook (RUNBOOK_FILE). Exported ${new Date().toISOString().slice(0, 10)}: the file's notes with the notes edited in Slack merged in.`;
  const items = doc.get("notes");
  if (isSeq(items)) {
    editedCodes.forEach((code, i) => {
      const node = items.items[kept.length + i];
      const note = edited.get(code)!;
      if (isMap(node)) node.commentBefore = ` Edited in Slack by ${note.editedBy} at ${new Date(note.editedAtMs).toISOString()}`;
    });
  }
  return doc.toString({ lineWidth: 0 });
}
