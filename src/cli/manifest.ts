// `zpa-code manifest`: prints the Slack app manifest for Socket Mode, or for HTTP mode at a given URL.
import { ManifestUrlError, renderManifest } from "../slack/manifest.js";
import { EXIT_OK, UsageError, type CliIo } from "./io.js";

export function manifestCommand(io: CliIo, options: { http: string | undefined; with: readonly string[] }): number {
  let yaml: string;
  try {
    yaml = renderManifest({ ...(options.http !== undefined ? { httpBaseUrl: options.http } : {}), with: options.with });
  } catch (error) {
    if (error instanceof ManifestUrlError) throw new UsageError(`--http: ${error.message}`);
    if (error instanceof RangeError) throw new UsageError(`--with: ${error.message}`);
    throw error;
  }
  io.stdout.write(yaml);
  return EXIT_OK;
}
