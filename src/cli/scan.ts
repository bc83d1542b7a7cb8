// `zpa-code scan`: the codes in files or stdin, streamed in bounded pieces.
import { createReadStream } from "node:fs";
import type { Entry } from "../catalog/types.js";
import { ConfigError, readOcrSettings, type Env } from "../config.js";
import { ImageRejected, imageTypeOf } from "../ocr/image-type.js";
import { OcrFailed, OcrTimeout, createOcrReader } from "../ocr/reader.js";
import { createImageScanner } from "../ocr/scan-image.js";
import { MAX_SCAN_CHARS } from "../search/index.js";
import type { Search } from "../search/types.js";
import { entryToLine } from "../render/text.js";
import { EXIT_OK, EXIT_USAGE, UsageError, readAllBytes, writeLine, type CliIo } from "./io.js";

/** Said when stdin is a terminal, so a bare `zpa-code scan` does not look hung. */
const READING_STDIN_HINT =
  "zpa-code scan: reading stdin; paste the text, then press Ctrl-D on a new line to end (Ctrl-C cancels).";

/** Streams the file through the same bound as stdin, so an oversized file is refused before it fills memory. */
async function readSource(io: CliIo, file: string | undefined): Promise<Buffer> {
  if (file === undefined || file === "-") {
    if ((io.stdin as { isTTY?: boolean }).isTTY === true) writeLine(io.stderr, READING_STDIN_HINT);
    return readAllBytes(io.stdin);
  }
  try {
    return await readAllBytes(createReadStream(file));
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

export interface ScanOptions {
  json: boolean;
  files: string[];
  /** OCR settings come from here (OCR, OCR_MAX_BYTES ...); process.env when absent. */
  env?: Env;
}

export async function scanCommand(search: Search, io: CliIo, options: ScanOptions): Promise<number> {
  if (options.files.length > 1) throw new UsageError("give at most one FILE");
  const bytes = await readSource(io, options.files[0]);
  // An image is told by its bytes, never by the file name: a screenshot piped on stdin works too.
  if (imageTypeOf(bytes) !== null) return scanImage(search, io, bytes, options);
  const codes = scanWhole(search, bytes.toString("utf8"));
  if (options.json) {
    writeLine(io.stdout, JSON.stringify({ codes }));
  } else if (codes.length === 0) {
    writeLine(io.stdout, "No ZPA status codes found.");
  } else {
    for (const entry of codes) writeLine(io.stdout, entryToLine(entry));
  }
  return EXIT_OK;
}

async function scanImage(search: Search, io: CliIo, bytes: Buffer, options: ScanOptions): Promise<number> {
  let settings;
  try {
    settings = readOcrSettings(options.env ?? process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    writeLine(io.stderr, `zpa-code scan: ${error.message}`);
    return EXIT_USAGE;
  }
  if (!settings.enabled) throw new UsageError("this is an image, and reading images is off (OCR=off)");
  if (bytes.length > settings.maxBytes) {
    throw new UsageError(`the image is larger than OCR_MAX_BYTES (${settings.maxBytes} bytes)`);
  }
  const reader = createOcrReader(settings);
  try {
    const { image, codes, likely } = await createImageScanner(search, reader)(bytes);
    if (options.json) {
      writeLine(io.stdout, JSON.stringify({ image, codes, likely }));
      return EXIT_OK;
    }
    if (codes.length === 0 && likely.length === 0) writeLine(io.stdout, "No ZPA status codes found in the image.");
    for (const entry of codes) writeLine(io.stdout, entryToLine(entry));
    for (const entry of likely) writeLine(io.stdout, `looks like: ${entryToLine(entry)}`);
    return EXIT_OK;
  } catch (error) {
    // A damaged or hostile image is the input's fault, said in one line like any other bad input.
    if (error instanceof ImageRejected || error instanceof OcrFailed || error instanceof OcrTimeout) {
      throw new UsageError(error.message);
    }
    throw error;
  } finally {
    await reader.stop();
  }
}
