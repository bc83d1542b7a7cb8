// Starts the local preview the way `npm start` will without Slack tokens: the real bot logic behind
// the Slack-like page, on PREVIEW_HOST (default 127.0.0.1) and the shared PORT.
import type { Env } from "../config.js";
import { loadCorePreviewBot } from "./core-bot.js";
import { startPreviewServer, type RunningPreview } from "./server.js";
import { readPreviewHost } from "./settings.js";

export interface LocalPreviewOptions {
  env: Env;
  /** From the shared config (PORT); 0 = any free port. */
  port: number;
  log?: (line: string) => void;
}

/** Throws ConfigError for a bad PREVIEW_HOST, before anything listens. */
export async function startLocalPreview(options: LocalPreviewOptions): Promise<RunningPreview> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const host = readPreviewHost(options.env);
  const preview = await startPreviewServer({ bot: loadCorePreviewBot(), host, port: options.port, log });
  log(`Local preview (no Slack tokens set, nothing reaches Slack): open ${preview.url}/`);
  return preview;
}
