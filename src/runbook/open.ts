// Opens the runbook a running bot or preview uses: RUNBOOK_FILE (or ./runbook.yml), watched for edits.
import { ConfigError, type Env } from "../config.js";
import type { Search } from "../search/types.js";
import { RunbookError, type CodeLookup } from "./parse.js";
import { EMPTY_RUNBOOK } from "./notes.js";
import type { Runbook } from "./schema.js";
import { runbookPath } from "./path.js";
import { fixedRunbook, readRunbook, watchRunbook, type RunbookSource } from "./source.js";

export function codeLookup(search: Pick<Search, "byCode">): CodeLookup {
  return (code) => search.byCode(code)?.code;
}

export interface OpenRunbookOptions {
  log: (line: string) => void;
  warn?: (line: string) => void;
  /** Reload on SIGHUP too (the running bot). */
  sighup?: boolean;
  cwd?: string;
}

/** Throws ConfigError("RUNBOOK_FILE", …) naming the file, entry and field when the file is not valid at start. */
export function openRunbook(env: Env, search: Pick<Search, "byCode">, options: OpenRunbookOptions): RunbookSource {
  const path = runbookPath(env, options.cwd);
  if (path === undefined) return fixedRunbook();
  try {
    const source = watchRunbook(path, codeLookup(search), {
      log: options.log,
      ...(options.warn ? { warn: options.warn } : {}),
      sighup: options.sighup ?? false,
    });
    options.log(`Runbook: ${source.current().file} with ${source.current().notes.length} notes`);
    return source;
  } catch (error) {
    if (error instanceof RunbookError) throw new ConfigError("RUNBOOK_FILE", `is invalid: ${error.message}`);
    throw error;
  }
}

export interface RunbookPlace {
  env: Env;
  cwd: string;
}

/** The runbook read once, for the CLI (no file: no notes); throws ConfigError naming RUNBOOK_FILE, the entry and the field. */
export function readRunbookOnce(search: Pick<Search, "byCode">, place: RunbookPlace): Runbook {
  const path = runbookPath(place.env, place.cwd);
  if (path === undefined) return EMPTY_RUNBOOK;
  try {
    return readRunbook(path, codeLookup(search));
  } catch (error) {
    if (error instanceof RunbookError) throw new ConfigError("RUNBOOK_FILE", `is invalid: ${error.message}`);
    throw error;
  }
}
