// Where the team's runbook is, found without reading it, so a lookup with no runbook loads no YAML or zod.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { ConfigError, readVariable, type Env } from "../config.js";

export const DEFAULT_RUNBOOK_FILE = "runbook.yml";

/** RUNBOOK_FILE, or runbook.yml in the working directory when it exists; undefined means no runbook. */
export function runbookPath(env: Env, cwd: string = process.cwd()): string | undefined {
  const configured = readVariable(env, "RUNBOOK_FILE");
  if (configured === undefined) {
    const fallback = resolve(cwd, DEFAULT_RUNBOOK_FILE);
    return existsSync(fallback) ? fallback : undefined;
  }
  const path = resolve(cwd, configured);
  if (!existsSync(path)) throw new ConfigError("RUNBOOK_FILE", "names a file that does not exist");
  return path;
}
