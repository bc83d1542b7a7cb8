// Reads and validates the environment once at start. Errors name the variable, never its value,
// because values may be secrets.
import { isIP } from "node:net";

export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];
/** "text": one readable line per entry; "json": one JSON object per line, for log collectors. */
export const LOG_FORMATS = ["text", "json"] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Auto-reply switches (AUTO_REPLY, AUTO_REPLY_CHANNELS, AUTO_REPLY_DEDUPE_HOURS). */
export interface AutoReplySettings {
  enabled: boolean;
  /** null = every channel the bot is in. */
  channels: ReadonlySet<string> | null;
  dedupeHours: number;
}

interface CommonConfig {
  /** HTTP mode: where Slack posts. Socket Mode: where /healthz answers. 0 = any free port. */
  port: number;
  /** HOST: the address to listen on; undefined = every interface. */
  host?: string | undefined;
  logLevel: LogLevelName;
  /** LOG_FORMAT; text when absent. */
  logFormat?: LogFormat;
  autoReply: AutoReplySettings;
  /**
   * Reading codes in screenshots (OCR, OCR_CONCURRENCY, OCR_QUEUE, OCR_TIMEOUT_MS, OCR_IDLE_MS, OCR_MAX_BYTES).
   * loadConfig always sets it; a config built without it (benches, some tests) reads no images.
   */
  ocr?: OcrSettings;
}

interface SlackCommon extends CommonConfig {
  botToken: string;
  /** Web API base URL ending in "/", or undefined for https://slack.com/api/. */
  slackApiUrl: string | undefined;
  /** SLACK_API_TIMEOUT_MS: each Web API and response_url attempt; unset in code = DEFAULT_SLACK_API_TIMEOUT_MS. */
  slackApiTimeoutMs?: number;
  /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY, or undefined when no proxy is set (direct connections). */
  proxy?: ProxySettings | undefined;
}

/** Where Slack traffic (Web API, response URLs, the Socket Mode WebSocket) goes when egress needs a proxy. */
export interface ProxySettings {
  httpsProxy: string | undefined;
  httpProxy: string | undefined;
  /** Comma-separated hosts (and .domains) reached directly, as curl and most tools read it. */
  noProxy: string | undefined;
}

export interface SocketModeConfig extends SlackCommon {
  mode: "socket";
  appToken: string;
}

export interface HttpModeConfig extends SlackCommon {
  mode: "http";
  signingSecret: string;
}

/** No Slack variables at all: nothing to connect to. */
export interface NoSlackConfig extends CommonConfig {
  mode: "none";
}

export type SlackConfig = SocketModeConfig | HttpModeConfig;
export type Config = SlackConfig | NoSlackConfig;

export type Env = Readonly<Record<string, string | undefined>>;

/** A bad or missing variable; `message` is one line fit for the operator and names only the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable} ${problem}`);
    this.name = "ConfigError";
  }
}

/** sysexits' EX_CONFIG: the environment, not the program, needs fixing. */
export const EXIT_CONFIG = 78;
/** sysexits' EX_UNAVAILABLE: a service the bot needs (Redis at REDIS_URL) cannot be reached. */
export const EXIT_UNAVAILABLE = 69;
export const DEFAULT_PORT = 3000;
/** One Web API or response_url attempt; undici's own default (300 s) would hold a dedupe claim for minutes. */
export const DEFAULT_SLACK_API_TIMEOUT_MS = 10_000;
export const MIN_SLACK_API_TIMEOUT_MS = 100;
export const MAX_SLACK_API_TIMEOUT_MS = 60_000;
export const DEFAULT_DEDUPE_HOURS = 24;
/** A year: longer is no use in a thread, and far larger values overflow Redis expiry times. */
export const MAX_DEDUPE_HOURS = 8760;
/** A channel or private channel ID (C…, G…): what AUTO_REPLY_CHANNELS lists and `auto on|off` switches. */
export const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;
/** Slack tokens are letters, digits and dashes after the prefix; anything else (a space, a newline) is a paste error. */
const TOKEN_BODY = /^[A-Za-z0-9-]+$/;
/** Printable ASCII without spaces: a signing secret with whitespace or invisible characters inside was pasted wrong. */
const SECRET_SHAPE = /^[!-~]+$/;

export function loadConfig(env: Env): Config {
  const common: CommonConfig = {
    port: readPort(env),
    host: readHost(env),
    logLevel: readLogLevel(env),
    logFormat: readLogFormat(env),
    autoReply: readAutoReply(env),
    ocr: readOcrSettings(env),
  };
  const botToken = readVariable(env, "SLACK_BOT_TOKEN");
  const appToken = readVariable(env, "SLACK_APP_TOKEN");
  const signingSecret = readVariable(env, "SLACK_SIGNING_SECRET");
  const slackApiUrl = readSlackApiUrl(env);

  if (appToken === undefined && signingSecret === undefined) {
    if (botToken !== undefined) {
      throw new ConfigError(
        "SLACK_APP_TOKEN",
        "or SLACK_SIGNING_SECRET must be set with SLACK_BOT_TOKEN (Socket Mode needs the first, HTTP mode the second)",
      );
    }
    // A production deployment without its secrets must fail its start, not serve the preview and pass health checks.
    if (readVariable(env, "NODE_ENV") === "production") {
      throw new ConfigError(
        "SLACK_BOT_TOKEN",
        "is missing, and NODE_ENV says this is a live deployment, where the local preview never runs (set it with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET)",
      );
    }
    return { mode: "none", ...common };
  }
  if (appToken !== undefined && !hasTokenShape(appToken, "xapp-")) {
    throw new ConfigError("SLACK_APP_TOKEN", "must be an app-level token: xapp- then letters, digits and dashes, nothing else");
  }
  if (signingSecret !== undefined && !SECRET_SHAPE.test(signingSecret)) {
    throw new ConfigError(
      "SLACK_SIGNING_SECRET",
      "must not contain spaces, line breaks or other invisible characters (copy it from Basic Information > App Credentials)",
    );
  }
  if (botToken === undefined) {
    throw new ConfigError("SLACK_BOT_TOKEN", "is missing (the bot token, starting with xoxb-, from OAuth & Permissions)");
  }
  if (!hasTokenShape(botToken, "xoxb-")) {
    throw new ConfigError("SLACK_BOT_TOKEN", "must be a bot token: xoxb- then letters, digits and dashes, nothing else");
  }
  const slackApiTimeoutMs = readDecimal(env, "SLACK_API_TIMEOUT_MS", DEFAULT_SLACK_API_TIMEOUT_MS, MIN_SLACK_API_TIMEOUT_MS, MAX_SLACK_API_TIMEOUT_MS, "milliseconds");
  const slack = { ...common, botToken, slackApiUrl, slackApiTimeoutMs, proxy: readProxy(env) };
  // Socket Mode wins when both are set: it needs no public URL.
  if (appToken !== undefined) return { mode: "socket", appToken, ...slack };
  return { mode: "http", signingSecret: signingSecret!, ...slack };
}

function hasTokenShape(token: string, prefix: string): boolean {
  return token.startsWith(prefix) && TOKEN_BODY.test(token.slice(prefix.length));
}

/**
 * A whole number written in decimal digits only (no 0x10, 1e3, 1.5 or +8), from min to max; unset = fallback.
 * Every numeric setting goes through this, so each reads numbers the same way.
 */
export function readDecimal(env: Env, name: string, fallback: number, min: number, max: number, unit: string): number {
  const raw = readVariable(env, name);
  if (raw === undefined) return fallback;
  const value = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) throw new ConfigError(name, `must be a whole number of ${unit} from ${min} to ${max}`);
  return value;
}

/** The trimmed value; empty and blank values count as unset, as they do in most .env files. */
export function readVariable(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

function readPort(env: Env): number {
  const raw = readVariable(env, "PORT");
  if (raw === undefined) return DEFAULT_PORT;
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new ConfigError("PORT", "must be a whole number from 0 to 65535");
  return port;
}

const HOST_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/;

/** HOST or PREVIEW_HOST: a host name or IP address (IPv6 with or without brackets); no scheme, port or path. */
export function readHostVariable(env: Env, name: "HOST" | "PREVIEW_HOST"): string | undefined {
  const raw = readVariable(env, name);
  if (raw === undefined) return undefined;
  const host = raw.replace(/^\[(.*)\]$/, "$1");
  if (isIP(host) === 0 && !HOST_NAME.test(host)) {
    throw new ConfigError(name, "must be a host name or IP address such as 127.0.0.1 or 0.0.0.0 (no scheme or port)");
  }
  return host;
}

function readHost(env: Env): string | undefined {
  return readHostVariable(env, "HOST");
}

function readLogLevel(env: Env): LogLevelName {
  const raw = readVariable(env, "LOG_LEVEL")?.toLowerCase();
  if (raw === undefined) return "info";
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) {
    throw new ConfigError("LOG_LEVEL", `must be one of ${LOG_LEVELS.join(", ")}`);
  }
  return raw as LogLevelName;
}

function readLogFormat(env: Env): LogFormat {
  const raw = readVariable(env, "LOG_FORMAT")?.toLowerCase();
  if (raw === undefined) return "text";
  if (!(LOG_FORMATS as readonly string[]).includes(raw)) throw new ConfigError("LOG_FORMAT", `must be one of ${LOG_FORMATS.join(", ")}`);
  return raw as LogFormat;
}

/** The value as an absolute http(s) URL, or undefined when it is not one. */
function httpUrl(raw: string): URL | undefined {
  try {
    const url = new URL(raw);
    return url.protocol === "https:" || url.protocol === "http:" ? url : undefined;
  } catch {
    return undefined;
  }
}

function readSlackApiUrl(env: Env): string | undefined {
  const raw = readVariable(env, "SLACK_API_URL");
  if (raw === undefined) return undefined;
  const url = httpUrl(raw);
  if (!url) throw new ConfigError("SLACK_API_URL", "must be an absolute http(s) URL such as https://slack.com/api/");
  // The Web API client appends method names directly, so the base must end in "/".
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** The upper-case name wins over the lower-case one when both are set; each must be an http(s) URL. */
function readProxy(env: Env): ProxySettings | undefined {
  const url = (name: string): string | undefined => {
    const raw = readVariable(env, name) ?? readVariable(env, name.toLowerCase());
    if (raw === undefined) return undefined;
    if (!httpUrl(raw)) throw new ConfigError(name, "must be a proxy URL such as http://proxy.example.com:3128");
    return raw;
  };
  const httpsProxy = url("HTTPS_PROXY");
  const httpProxy = url("HTTP_PROXY");
  if (httpsProxy === undefined && httpProxy === undefined) return undefined;
  return { httpsProxy, httpProxy, noProxy: readVariable(env, "NO_PROXY") ?? readVariable(env, "no_proxy") };
}

function readAutoReply(env: Env): AutoReplySettings {
  const switchValue = readVariable(env, "AUTO_REPLY")?.toLowerCase() ?? "on";
  if (switchValue !== "on" && switchValue !== "off") throw new ConfigError("AUTO_REPLY", "must be on or off");

  const channelsRaw = readVariable(env, "AUTO_REPLY_CHANNELS");
  let channels: Set<string> | null = null;
  if (channelsRaw !== undefined) {
    const ids = channelsRaw.split(",").map((id) => id.trim()).filter((id) => id !== "");
    if (ids.some((id) => !CHANNEL_ID.test(id))) {
      throw new ConfigError(
        "AUTO_REPLY_CHANNELS",
        "must be comma-separated channel IDs such as C0123ABCD or G0123ABCD (not channel names)",
      );
    }
    channels = ids.length > 0 ? new Set(ids) : null;
  }

  const dedupeHours = readDecimal(env, "AUTO_REPLY_DEDUPE_HOURS", DEFAULT_DEDUPE_HOURS, 1, MAX_DEDUPE_HOURS, "hours");
  return { enabled: switchValue === "on", channels, dedupeHours };
}

/** Reading codes in screenshots: OCR=off turns it off; the rest bound its cost. */
export interface OcrSettings {
  enabled: boolean;
  /** Images read at once, one worker thread each (OCR_CONCURRENCY). */
  concurrency: number;
  /** Images waiting beyond those being read; more are refused at once (OCR_QUEUE). */
  queueLimit: number;
  /** Longest one image may take, worker start included, before its worker is stopped (OCR_TIMEOUT_MS). */
  timeoutMs: number;
  /** A worker idle this long is stopped (OCR_IDLE_MS). */
  idleMs: number;
  /** Largest image file downloaded or read (OCR_MAX_BYTES). */
  maxBytes: number;
}

export const DEFAULT_OCR_SETTINGS: OcrSettings = {
  enabled: true,
  concurrency: 1,
  queueLimit: 20,
  timeoutMs: 30_000,
  idleMs: 300_000,
  maxBytes: 10 * 1024 * 1024,
};

export function readOcrSettings(env: Env): OcrSettings {
  const switchValue = readVariable(env, "OCR")?.toLowerCase() ?? "on";
  if (switchValue !== "on" && switchValue !== "off") throw new ConfigError("OCR", "must be on or off");
  const d = DEFAULT_OCR_SETTINGS;
  return {
    enabled: switchValue === "on",
    concurrency: readDecimal(env, "OCR_CONCURRENCY", d.concurrency, 1, 8, "workers"),
    queueLimit: readDecimal(env, "OCR_QUEUE", d.queueLimit, 0, 1000, "images"),
    timeoutMs: readDecimal(env, "OCR_TIMEOUT_MS", d.timeoutMs, 1000, 600_000, "milliseconds"),
    idleMs: readDecimal(env, "OCR_IDLE_MS", d.idleMs, 1000, 86_400_000, "milliseconds"),
    maxBytes: readDecimal(env, "OCR_MAX_BYTES", d.maxBytes, 1024, 50 * 1024 * 1024, "bytes"),
  };
}
