// Turns runbook YAML into validated notes, or a RunbookError naming the file, the entry and the field.
import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { RunbookFileSchema, type FileNote, type NoteScope, type Runbook, type TeamNote } from "./schema.js";

/** One line fit for an operator: "runbook.yml: entry 2 (notes[1]), field codes[0]: unknown ZPA code ...". */
export class RunbookError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = "RunbookError";
  }
}

/** Canonical code for a code as written (any case, or an alias), or undefined when the catalog has none. */
export type CodeLookup = (code: string) => string | undefined;

const SELECTORS = ["code", "codes", "component", "category", "severity"] as const;

function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : `${i > 0 ? "." : ""}${String(part)}`)).join("");
}

/** "entry 2 (notes[1]), field codes[0]" from a zod path such as ["notes", 1, "codes", 0]. */
function where(path: readonly PropertyKey[]): string {
  if (path[0] === "notes" && typeof path[1] === "number") {
    const rest = path.slice(2);
    const entry = `entry ${path[1] + 1} (notes[${path[1]}])`;
    return rest.length > 0 ? `${entry}, field ${fieldPath(rest)}` : entry;
  }
  return path.length > 0 ? `field ${fieldPath(path)}` : "the file";
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${where(issue.path)}: ${issue.message}`;
}

function scopeOf(note: FileNote, index: number, file: string, lookup: CodeLookup): NoteScope {
  const used = SELECTORS.filter((key) => note[key] !== undefined);
  if (used.length !== 1) {
    const problem = used.length === 0 ? "needs one of" : `has ${used.join(" and ")}; use only one of`;
    throw new RunbookError(file, `${where(["notes", index])}: ${problem} ${SELECTORS.join(", ")} (or codes: "*")`);
  }
  if (note.component) return { kind: "component", component: note.component };
  if (note.category) return { kind: "category", category: note.category };
  if (note.severity) return { kind: "severity", severity: note.severity };
  const written = note.code !== undefined ? [note.code] : note.codes!;
  if (written === "*" || (written.length === 1 && written[0] === "*")) return { kind: "all" };
  const codes = written.map((code, i) => {
    const canonical = lookup(code);
    const field = note.code !== undefined ? ["notes", index, "code"] : ["notes", index, "codes", i];
    if (!canonical) throw new RunbookError(file, `${where(field)}: unknown ZPA code "${code.slice(0, 80)}"`);
    return canonical;
  });
  return { kind: "codes", codes: [...new Set(codes)] };
}

export function parseRunbook(text: string, file: string, lookup: CodeLookup): Runbook {
  const lines = new LineCounter();
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter: lines });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    const line = lines.linePos(error.pos[0]).line;
    throw new RunbookError(file, `not valid YAML${line ? ` at line ${line}` : ""}: ${error.message.split("\n")[0]}`);
  }
  // An empty file is a runbook with no notes yet.
  const raw: unknown = document.toJS() ?? { notes: [] };
  const parsed = RunbookFileSchema.safeParse(raw);
  if (!parsed.success) throw new RunbookError(file, firstIssue(parsed.error));
  const notes = parsed.data.notes.map((note, index): TeamNote => ({
    scope: scopeOf(note, index, file, lookup),
    text: note.text,
    links: note.links ?? [],
    ...(note.owner ? { owner: note.owner } : {}),
    origin: { kind: "file", index },
  }));
  return { file, notes };
}
