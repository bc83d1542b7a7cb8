// The runbook file as the running bot sees it: read at start (errors are fatal, exit 78), then read
// again on change or SIGHUP, where a bad edit keeps the last good version and logs why.
import { existsSync, readFileSync, watch, type FSWatcher } from "node:fs";
import { basename, dirname } from "node:path";
import { parseRunbook, RunbookError, type CodeLookup } from "./parse.js";
import { EMPTY_RUNBOOK } from "./notes.js";
import type { Runbook } from "./schema.js";

/** A runbook larger than this is not a list of notes; refusing it bounds memory and parse time. */
export const MAX_RUNBOOK_BYTES = 1024 * 1024;

/** Reads and validates a runbook file; throws RunbookError naming the file, entry and field. */
export function readRunbook(path: string, lookup: CodeLookup): Runbook {
  const name = basename(path);
  let text: string;
  try {
    const bytes = readFileSync(path);
    if (bytes.length > MAX_RUNBOOK_BYTES) throw new RunbookError(name, `is larger than ${MAX_RUNBOOK_BYTES} bytes`);
    text = bytes.toString("utf8");
  } catch (error) {
    if (error instanceof RunbookError) throw error;
    throw new RunbookError(name, `cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  return parseRunbook(text, name, lookup);
}

export interface RunbookSource {
  current(): Runbook;
  /** Reads the file again; on error keeps the last good runbook and returns the error. */
  reload(): RunbookError | null;
  close(): void;
}

/** A source that never changes: no file, or tests and the CLI that read once. */
export function fixedRunbook(runbook: Runbook = EMPTY_RUNBOOK): RunbookSource {
  return { current: () => runbook, reload: () => null, close: () => undefined };
}

export interface WatchOptions {
  log: (line: string) => void;
  /** Where a rejected edit is reported; defaults to log. */
  warn?: (line: string) => void;
  /** Also reload on SIGHUP (the running bot; tests leave it off). */
  sighup?: boolean;
}

/**
 * Watches the file's directory, not the file: editors and `kubectl cp` replace the file, which a
 * watch on the file itself stops seeing. Throws RunbookError when the first read fails.
 */
export function watchRunbook(path: string, lookup: CodeLookup, options: WatchOptions): RunbookSource {
  let runbook = readRunbook(path, lookup);
  let lastText = readFileSync(path, "utf8");
  const name = basename(path);
  const warn = options.warn ?? options.log;
  const reload = (): RunbookError | null => {
    try {
      // A save fires several change events; only a change of content is worth a line in the log.
      const text = existsSync(path) ? readFileSync(path, "utf8") : "";
      if (text === lastText) return null;
      runbook = readRunbook(path, lookup);
      lastText = text;
      options.log(`Runbook: ${name} reloaded, ${runbook.notes.length} notes`);
      return null;
    } catch (error) {
      if (!(error instanceof RunbookError)) throw error;
      warn(`Runbook: kept the last good version; ${error.message}`);
      return error;
    }
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dirname(path), { persistent: false }, (_event, changed) => {
      if (changed === null || changed === name) reload();
    });
    watcher.on("error", () => undefined);
  } catch {
    options.log(`Runbook: cannot watch ${name} for changes; send SIGHUP to reload it`);
  }
  const onHup = (): void => {
    reload();
  };
  if (options.sighup) process.on("SIGHUP", onHup);
  return {
    current: () => runbook,
    reload,
    close() {
      watcher?.close();
      if (options.sighup) process.off("SIGHUP", onHup);
    },
  };
}
