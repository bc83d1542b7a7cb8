// Starts the local preview the way `npm start` does without Slack tokens: the real bot behind the
// Slack-like page, on PREVIEW_HOST (default 127.0.0.1) and the shared PORT.
import { readHostVariable, type AutoReplySettings, type Env, type OcrSettings } from "../config.js";
import { loadPreviewBot } from "./adapter.js";
import { DEFAULT_PREVIEW_HOST, startPreviewServer, type RunningPreview } from "./server.js";

export interface LocalPreviewOptions {
  env: Env;
  /** From the shared config (PORT); 0 = any free port. */
  port: number;
  /** From the shared config; default: the defaults (on in every channel, 24 h dedupe). */
  autoReply?: AutoReplySettings;
  /** From the shared config (OCR, OCR_*); default: on, with the defaults. */
  ocr?: OcrSettings;
  log?: (line: string) => void;
}

/** PREVIEW_HOST, the one setting only the preview reads: a host name or IP address (IPv6 with or without brackets); no scheme, port or path. */
export function readPreviewHost(env: Env): string {
  return readHostVariable(env, "PREVIEW_HOST") ?? DEFAULT_PREVIEW_HOST;
}

/** The one line `npm start` prints: where the page is, and how to reach a real workspace instead. */
export function previewStartedLine(url: string): string {
  return (
    `Local preview on ${url}/ (no Slack tokens set, nothing reaches Slack). To connect a workspace, set ` +
    "SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode); see README.md."
  );
}

/** Throws ConfigError for a bad PREVIEW_HOST, RUNBOOK_FILE or RUNBOOK_EDITORS, before anything listens. */
export async function startLocalPreview(options: LocalPreviewOptions): Promise<RunningPreview> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const host = readPreviewHost(options.env);
  const config = options.autoReply ? { autoReply: options.autoReply, ...(options.ocr ? { ocr: options.ocr } : {}) } : undefined;
  const bot = loadPreviewBot(config, { env: options.env, log });
  const preview = await startPreviewServer({ bot, host, port: options.port, log });
  log(previewStartedLine(preview.url));
  return preview;
}
