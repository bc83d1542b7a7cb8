// Which team notes apply to a code, most specific first, with Slack edits taking over a code's own notes.
import type { Entry } from "../catalog/types.js";
import type { NoteScope, Runbook, TeamNote } from "./schema.js";

/** No runbook file: no notes (here, not beside the zod schema, so a CLI lookup never loads zod). */
export const EMPTY_RUNBOOK: Runbook = { notes: [] };

/** Lower is more specific: one code, a set of codes, a component, a category or severity, every code. */
function rank(scope: NoteScope): number {
  switch (scope.kind) {
    case "codes":
      return scope.codes.length === 1 ? 0 : 1;
    case "component":
      return 2;
    case "category":
    case "severity":
      return 3;
    case "all":
      return 4;
  }
}

export function appliesTo(scope: NoteScope, entry: Entry): boolean {
  switch (scope.kind) {
    case "codes":
      return scope.codes.includes(entry.code);
    case "component":
      return scope.component === entry.component;
    case "category":
      return scope.category === entry.category;
    case "severity":
      return scope.severity === entry.severity;
    case "all":
      return true;
  }
}

/**
 * The notes for a code, most specific first (file order among equals). A note edited in Slack for
 * this code replaces the file's notes that name the code; broader notes still apply.
 */
export function notesFor(runbook: Runbook, entry: Entry, edited?: TeamNote): TeamNote[] {
  const fromFile = runbook.notes.filter((note) => appliesTo(note.scope, entry) && !(edited && note.scope.kind === "codes"));
  const ordered = fromFile
    .map((note, order) => ({ note, order }))
    .sort((a, b) => rank(a.note.scope) - rank(b.note.scope) || a.order - b.order)
    .map(({ note }) => note);
  return edited ? [edited, ...ordered] : ordered;
}

/** Codes that have a note of their own (named in the file, or edited in Slack): the Home filter and count. */
export function codesWithOwnNote(runbook: Runbook, editedCodes: Iterable<string> = []): Set<string> {
  const codes = new Set<string>(editedCodes);
  for (const note of runbook.notes) if (note.scope.kind === "codes") for (const code of note.scope.codes) codes.add(code);
  return codes;
}

/** What the note applies to, in words, for the CLI and JSON. */
export function scopeText(scope: NoteScope): string {
  switch (scope.kind) {
    case "codes":
      return scope.codes.length === 1 ? `code ${scope.codes[0]}` : `codes ${scope.codes.join(", ")}`;
    case "component":
      return `component ${scope.component}`;
    case "category":
      return `category ${scope.category}`;
    case "severity":
      return `severity ${scope.severity}`;
    case "all":
      return "every code";
  }
}
