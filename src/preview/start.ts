// Starts the local preview the way `npm start` does without Slack tokens: the real bot logic behind
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

/** The one line `npm start` prints: where the page is, and how to reach a real workspace instead. */
export function previewStartedLine(url: string): string {
  return (
    `Local preview on ${url}/ (no Slack tokens set, nothing reaches Slack). To connect a workspace, set ` +
    "SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode); see README.md."
  );
}

/** Throws ConfigError for a bad PREVIEW_HOST, before anything listens. */
export async function startLocalPreview(options: LocalPreviewOptions): Promise<RunningPreview> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const host = readPreviewHost(options.env);
  const preview = await startPreviewServer({ bot: loadCorePreviewBot({ env: options.env, log }), host, port: options.port, log });
  log(previewStartedLine(preview.url));
  return preview;
}
