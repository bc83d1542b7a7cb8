// `zpa-code <query>`: one query answered with a card (or JSON), guesses marked as such.
import type { Search, Resolution } from "../search/types.js";
import { sharedTitle } from "../render/possible.js";
import { entryToLine, entryToText, stripControl } from "../render/text.js";
import { EMPTY_RUNBOOK, notesFor } from "../runbook/notes.js";
import type { Runbook } from "../runbook/schema.js";
import { noteToJson, notesToText } from "../runbook/text.js";
import { EXIT_NO_MATCH, EXIT_OK, UsageError, readAll, writeLine, type CliIo } from "./io.js";

export interface LookupOptions {
  /** The team's notes (RUNBOOK_FILE); read only when a lookup needs it. */
  runbook?: () => Promise<Runbook>;
  json: boolean;
  batch: boolean;
  words: string[];
}

const NOTHING_CLOSE_HINT =
  "Nothing close either. Try a code (BRK_MT_SETUP_TIMEOUT), a fragment of 4+ characters (SNI_SLOW), " +
  "or plain words (saml assertion too large); `zpa-code list` shows every code.";

/** Said before a `likely` card, so nobody mistakes a guess for an exact hit. */
const GUESS_LEAD: Partial<Record<Resolution["how"], (query: string) => string>> = {
  typo: (query) => `Likely: closest code to "${query}" (spelled a few characters differently):`,
  reordered: (query) => `Likely: closest code to "${query}" (same parts in another order):`,
  words: (query) => `Likely: best match for your words "${query}":`,
};

/** `runbook`: the notes that apply to the match, most specific first (empty without a match or a runbook). */
function toJson(resolution: Resolution, runbook: Runbook): string {
  const { query, match, alternatives, how, confidence } = resolution;
  const notes = match ? notesFor(runbook, match).map(noteToJson) : [];
  // JSON escapes C0 controls but passes C1 and bidi overrides through: drop them like the text output does.
  return JSON.stringify({ query: stripControl(query), match, alternatives, how, confidence, runbook: notes });
}

/** `possible`: a short ranked list, the first code's essentials inline. */
function printPossible(io: CliIo, resolution: Resolution, match: NonNullable<Resolution["match"]>): void {
  const entries = [match, ...resolution.alternatives];
  const title = sharedTitle(entries);
  writeLine(
    io.stdout,
    title
      ? `Possible: ${entries.length} codes share the title "${stripControl(title)}"; check which one the log shows:`
      : `Possible: codes that match "${stripControl(resolution.query)}", most likely first:`,
  );
  for (const entry of entries) writeLine(io.stdout, `  ${entryToLine(entry)}`);
  writeLine(io.stdout, `\nFirst: ${match.code}: severity ${match.severity}, who acts: ${match.actionBy}; first step: ${stripControl(match.remediation[0] ?? "")}`);
}

function printText(io: CliIo, resolution: Resolution, runbook: Runbook): void {
  const { match, alternatives } = resolution;
  if (match && resolution.confidence === "possible") return printPossible(io, resolution, match);
  if (match) {
    const lead = resolution.confidence === "likely" ? GUESS_LEAD[resolution.how] : undefined;
    if (lead) writeLine(io.stdout, `${lead(stripControl(resolution.query))}\n`);
    const alsoNamedBy = alternatives.filter((alt) => match.sharesTitleWith.includes(alt.code));
    writeLine(io.stdout, entryToText(match, { alsoNamedBy }) + notesToText(notesFor(runbook, match)));
    const others = alternatives.filter((alt) => !alsoNamedBy.includes(alt));
    if (lead && others.length > 0) writeLine(io.stdout, `\nAlso possible: ${others.map((alt) => alt.code).join(", ")}`);
    return;
  }
  writeLine(io.stdout, `No code matches "${stripControl(resolution.query)}".`);
  if (alternatives.length > 0) {
    writeLine(io.stdout, "Did you mean:");
    for (const alt of alternatives) writeLine(io.stdout, `  ${entryToLine(alt)}`);
  } else {
    writeLine(io.stdout, NOTHING_CLOSE_HINT);
  }
}

export async function lookup(search: Search, io: CliIo, options: LookupOptions): Promise<number> {
  const runbook = (await options.runbook?.()) ?? EMPTY_RUNBOOK;
  if (options.batch) {
    if (!options.json) throw new UsageError("--batch needs --json");
    if (options.words.length > 0) throw new UsageError("--batch reads queries from stdin; give no words");
    const lines = (await readAll(io.stdin)).split(/\r?\n/);
    if (lines.at(-1) === "") lines.pop();
    for (const line of lines) writeLine(io.stdout, toJson(search.resolve(line), runbook));
    return EXIT_OK;
  }
  const query = options.words.join(" ");
  if (query.trim() === "") throw new UsageError("give a code or some words to look up");
  const resolution = search.resolve(query);
  if (options.json) writeLine(io.stdout, toJson(resolution, runbook));
  else printText(io, resolution, runbook);
  return resolution.match ? EXIT_OK : EXIT_NO_MATCH;
}
