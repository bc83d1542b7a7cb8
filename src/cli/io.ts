// The streams and exit codes a CLI run uses (tests pass their own streams).
import type { Readable, Writable } from "node:stream";

/** The streams a CLI run talks to; tests pass their own. */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

export const EXIT_OK = 0;
export const EXIT_NO_MATCH = 1;
export const EXIT_USAGE = 2;
/** Something broke that no argument can fix (e.g. a missing or damaged data/catalog.json). */
export const EXIT_INTERNAL = 70;

/** Thrown for bad command lines; the runner prints it with the command's usage and exits 2. */
export class UsageError extends Error {}

/** Upper bound on what scan/batch read, so a runaway pipe cannot exhaust memory. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

export async function readAll(stream: Readable): Promise<string> {
  return (await readAllBytes(stream)).toString("utf8");
}

/** As readAll, but the bytes as they came (an image is not text). */
export async function readAllBytes(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_INPUT_BYTES) throw new UsageError(`input is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export function writeLine(stream: Writable, line = ""): void {
  stream.write(line + "\n");
}
