// `zpa-code scan`: the codes in files or stdin, streamed in bounded pieces.
import { createReadStream } from "node:fs";
import type { Entry } from "../catalog/types.js";
import { MAX_SCAN_CHARS } from "../search/index.js";
import type { Search } from "../search/types.js";
import { entryToLine } from "../render/text.js";
import { EXIT_OK, UsageError, readAll, writeLine, type CliIo } from "./io.js";

/** Streams the file through the same bound as stdin, so an oversized file is refused before it fills memory. */
async function readSource(io: CliIo, file: string | undefined): Promise<string> {
  if (file === undefined || file === "-") return readAll(io.stdin);
  try {
    return await readAll(createReadStream(file));
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`${file}: ${error.message}`);
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
}

/** Where a piece of at most MAX_SCAN_CHARS may end: after a separator, so no token or escape is cut in two. */
function pieceEnd(text: string, start: number): number {
  const limit = start + MAX_SCAN_CHARS;
  if (limit >= text.length) return text.length;
  for (let end = limit; end > start; end--) {
    if (/[^A-Za-z0-9_\\]/.test(text[end - 1]!)) return end;
  }
  return limit;
}

/**
 * One scan call reads at most MAX_SCAN_CHARS (the bot's bound per message), but the CLI accepts up to
 * MAX_INPUT_BYTES: it scans piece by piece so codes late in a big log are found too.
 */
function scanWhole(search: Search, text: string): Entry[] {
  const found = new Set<Entry>();
  for (let start = 0; start < text.length; ) {
    const end = pieceEnd(text, start);
    for (const entry of search.scan(text.slice(start, end))) found.add(entry);
    start = end;
  }
  return [...found];
}

export async function scanCommand(search: Search, io: CliIo, options: { json: boolean; files: string[] }): Promise<number> {
  if (options.files.length > 1) throw new UsageError("give at most one FILE");
  const codes = scanWhole(search, await readSource(io, options.files[0]));
  if (options.json) {
    writeLine(io.stdout, JSON.stringify({ codes }));
  } else if (codes.length === 0) {
    writeLine(io.stdout, "No ZPA status codes found.");
  } else {
    for (const entry of codes) writeLine(io.stdout, entryToLine(entry));
  }
  return EXIT_OK;
}
