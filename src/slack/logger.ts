// Bolt's Logger, writing one line per entry to stderr, with every known secret masked
// so a token can't leak through an error message or a debug dump of a request.
import { inspect } from "node:util";
import type { Logger, LogLevel } from "@slack/bolt";
import type { LogFormat, LogLevelName } from "../config.js";

const SEVERITY: Record<LogLevelName, number> = { debug: 0, info: 1, warn: 2, error: 3 };
/**
 * What may sit inside a secret once it is printed: an escaped or raw line break, and util.inspect's way of
 * printing a long string across lines (`'…\n' +` then an indented `'…`).
 */
const BREAK = String.raw`(?:\\[nrt]|\r?\n|['"\x60]\s*\+\s*['"\x60])`;
/** Slack token shapes, masked even when we weren't told the exact value, and even when broken across lines. */
const TOKEN_PATTERN = new RegExp(String.raw`\bx(?:oxb|oxp|oxa|oxe|oxr|app)-(?:[A-Za-z0-9-]|${BREAK}+(?=[A-Za-z0-9-]))+`, "g");

/** A known secret, also found when breaks or whitespace were put between its characters. */
function brokenUpPattern(secret: string): RegExp {
  const chars = [...secret].map((char) => char.replace(/[.*+?^${}()|[\]\\\/-]/g, "\\$&"));
  return new RegExp(chars.join(String.raw`(?:${BREAK}|\s)*`), "g");
}

export interface RedactingLoggerOptions {
  level: LogLevelName;
  /** Exact strings to mask (tokens, signing secret). */
  secrets: readonly string[];
  name?: string;
  /** LOG_FORMAT: "json" writes {"time","level","name","msg"} per line, redacted the same way. */
  format?: LogFormat;
  write?: (line: string) => void;
}

export function createRedactingLogger(options: RedactingLoggerOptions): Logger {
  let level: LogLevelName = options.level;
  let name = options.name ?? "zpa-codes";
  // Longest first so a secret that contains another is masked whole.
  const secrets = options.secrets
    .filter((s) => s.length >= 4)
    .sort((a, b) => b.length - a.length)
    .map(brokenUpPattern);
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));

  const redact = (text: string): string => {
    let out = text;
    for (const secret of secrets) out = out.replace(secret, "[redacted]");
    return out.replace(TOKEN_PATTERN, (token) => `${token.slice(0, token.indexOf("-") + 1)}[redacted]`);
  };
  const emit = (at: LogLevelName, parts: unknown[]): void => {
    if (SEVERITY[at] < SEVERITY[level]) return;
    const text = parts.map((part) => (typeof part === "string" ? part : inspect(part, { depth: 4 }))).join(" ");
    const time = new Date().toISOString();
    // JSON.stringify escapes newlines, so a multi-line error stays one line (one object) in json format.
    if (options.format === "json") write(JSON.stringify({ time, level: at, name, msg: redact(text) }));
    else write(`${time} ${at.toUpperCase()} [${name}] ${redact(text)}`);
  };

  return {
    debug: (...msg: unknown[]) => emit("debug", msg),
    info: (...msg: unknown[]) => emit("info", msg),
    warn: (...msg: unknown[]) => emit("warn", msg),
    error: (...msg: unknown[]) => emit("error", msg),
    setLevel: (next: LogLevel) => {
      level = next as LogLevelName;
    },
    getLevel: () => level as LogLevel,
    setName: (next: string) => {
      name = next;
    },
  };
}
