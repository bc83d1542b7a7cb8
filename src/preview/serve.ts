// What `npm start` does when no Slack variable is set: serve the local preview until SIGTERM/SIGINT.
// The twin of slack/serve.ts; only main.ts calls this.
import { ConfigError, EXIT_CONFIG, type NoSlackConfig } from "../config.js";
import { startLocalPreview } from "./start.js";

type Fail = (line: string, code: number) => never;

function failToStart(error: unknown, port: number, fail: Fail): never {
  if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`, EXIT_CONFIG);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EADDRINUSE") fail(`Configuration error: PORT ${port} is already in use`, EXIT_CONFIG);
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") {
    fail("Configuration error: PREVIEW_HOST is not an address this machine can listen on", EXIT_CONFIG);
  }
  fail(`The local preview did not start: ${error instanceof Error ? error.message : String(error)}`, 1);
}

/** Starts the preview in the background; a failure to start ends the process through `fail`. */
export function servePreview(config: NoSlackConfig, fail: Fail): void {
  const { port } = config;
  const started = startLocalPreview({ env: process.env, port, autoReply: config.autoReply, ocr: config.ocr });
  started.catch((error: unknown) => failToStart(error, port, fail));

  // Registered at once, so a signal that arrives while the server is still starting also ends in exit 0.
  const stop = (): void => {
    started
      .then((preview) => preview.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
