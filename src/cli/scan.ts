import { readFile } from "node:fs/promises";
import type { Search } from "../search/types.js";
import { entryToLine } from "../render/text.js";
import { EXIT_OK, MAX_INPUT_BYTES, UsageError, readAll, writeLine, type CliIo } from "./io.js";

async function readSource(io: CliIo, file: string | undefined): Promise<string> {
  if (file === undefined || file === "-") return readAll(io.stdin);
  try {
    const buf = await readFile(file);
    if (buf.length > MAX_INPUT_BYTES) throw new UsageError(`${file} is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`);
    return buf.toString("utf8");
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
}

export async function scanCommand(search: Search, io: CliIo, options: { json: boolean; files: string[] }): Promise<number> {
  if (options.files.length > 1) throw new UsageError("give at most one FILE");
  const codes = search.scan(await readSource(io, options.files[0]));
  if (options.json) {
    writeLine(io.stdout, JSON.stringify({ codes }));
  } else if (codes.length === 0) {
    writeLine(io.stdout, "No ZPA status codes found.");
  } else {
    for (const entry of codes) writeLine(io.stdout, entryToLine(entry));
  }
  return EXIT_OK;
}
