// `zpa-code manifest`: prints the Slack app manifest for Socket Mode, or for HTTP mode at a given URL.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseDotenv } from "dotenv";
import { ConfigError, readOcrSettings, readVariable, type Env } from "../config.js";
import { readEditors } from "../runbook/editors.js";
import { ManifestUrlError, renderManifest } from "../slack/manifest.js";
import { EXIT_OK, EXIT_USAGE, UsageError, writeLine, type CliIo } from "./io.js";

export interface ManifestCommandOptions {
  http: string | undefined;
  /** Where OCR and RUNBOOK_EDITORS are read from, with the .env file; process.env when absent. */
  env?: Env;
  /** Where `.env` is looked for (unless DOTENV_CONFIG_PATH names it); process.cwd() when absent. */
  cwd?: string;
}

/** The settings as `npm start` sees them: the environment, then `.env` (DOTENV_CONFIG_PATH) for what it leaves unset. */
function withDotenv(env: Env, cwd: string): Env {
  const path = readVariable(env, "DOTENV_CONFIG_PATH") ?? join(cwd, ".env");
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return env; // no .env: the environment alone, as for npm start
  }
  return { ...parseDotenv(text), ...env };
}

/** What the settings switch off (OCR=off) and on (RUNBOOK_EDITORS naming a user group). */
function manifestSwitches(env: Env): { off: string[]; on: string[] } {
  return {
    off: readOcrSettings(env).enabled ? [] : ["OCR"],
    on: readEditors(env).groups.size > 0 ? ["RUNBOOK_EDITORS_GROUP"] : [],
  };
}

export function manifestCommand(io: CliIo, options: ManifestCommandOptions): number {
  let switches: { off: string[]; on: string[] };
  try {
    switches = manifestSwitches(withDotenv(options.env ?? process.env, options.cwd ?? process.cwd()));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    writeLine(io.stderr, `zpa-code manifest: ${error.message}`);
    return EXIT_USAGE;
  }
  let yaml: string;
  try {
    yaml = renderManifest({ ...(options.http !== undefined ? { httpBaseUrl: options.http } : {}), ...switches });
  } catch (error) {
    if (error instanceof ManifestUrlError) throw new UsageError(`--http: ${error.message}`);
    throw error;
  }
  io.stdout.write(yaml);
  return EXIT_OK;
}
