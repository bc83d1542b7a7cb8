// `zpa-code manifest`: prints the Slack app manifest for Socket Mode, or for HTTP mode at a given URL.
import { ConfigError, readOcrSettings, type Env } from "../config.js";
import { ManifestUrlError, renderManifest } from "../slack/manifest.js";
import { EXIT_OK, EXIT_USAGE, UsageError, writeLine, type CliIo } from "./io.js";

export interface ManifestCommandOptions {
  http: string | undefined;
  /** Where OCR=off is read from; process.env when absent. */
  env?: Env;
}

export function manifestCommand(io: CliIo, options: ManifestCommandOptions): number {
  let off: string[];
  try {
    off = readOcrSettings(options.env ?? process.env).enabled ? [] : ["OCR"];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    writeLine(io.stderr, `zpa-code manifest: ${error.message}`);
    return EXIT_USAGE;
  }
  let yaml: string;
  try {
    yaml = renderManifest({ ...(options.http !== undefined ? { httpBaseUrl: options.http } : {}), off });
  } catch (error) {
    if (error instanceof ManifestUrlError) throw new UsageError(`--http: ${error.message}`);
    throw error;
  }
  io.stdout.write(yaml);
  return EXIT_OK;
}
