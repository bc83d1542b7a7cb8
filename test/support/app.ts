// Starts the real app in-process against the fake Slack API (and, for Socket Mode, the local
// WebSocket server), on ephemeral loopback ports so parallel test files never clash.
import { vi } from "vitest";
import { createBot, type BotConfig } from "../../src/bot/bot.js";
import { DEFAULT_OCR_SETTINGS, type AutoReplySettings, type HttpModeConfig, type LogLevelName, type OcrSettings, type ProxySettings, type SocketModeConfig } from "../../src/config.js";
import type { ServerLimits } from "../../src/health.js";
import type { OcrGate } from "../../src/ocr/reader.js";
import { openInProcessState, type State } from "../../src/state/open.js";
import { createRedactingLogger } from "../../src/slack/logger.js";
import { secretsOf, startSlackApp, type RunningSlackApp } from "../../src/slack/start.js";
import { startFakeSlackApi, type FakeSlackApi } from "./fake-slack-api.js";
import { startSocketModeServer, type SocketModeServer } from "./socket-mode-server.js";

export const TEST_BOT_TOKEN = "xoxb-1111-2222-testbottoken";
export const TEST_APP_TOKEN = "xapp-1-A0TESTAPP-3333-testapptoken";
export const TEST_SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

export interface TestAppOptions {
  autoReply?: Partial<AutoReplySettings>;
  /** Replace parts of the real bot (catalog, search); normally left alone. */
  bot?: Omit<Partial<BotConfig>, "autoReply">;
  /**
   * The app's state (store + sightings). Pass the same Redis-backed state twice to run two replicas;
   * the caller closes it. Default: a fresh in-process state per app.
   */
  state?: State;
  /** SLACK_API_TIMEOUT_MS for this app (default: the production default). */
  slackApiTimeoutMs?: number;
  /** Pauses before a failed thread reply is sent again (default: the production ones, seconds long). */
  sendRetryPausesMs?: readonly number[];
  /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY as the config would read them. */
  proxy?: ProxySettings;
  /** Shorter server timeouts or a smaller connection cap than production's. */
  serverLimits?: Partial<ServerLimits>;
  /** A smaller cap on handlers running at once than production's. */
  maxInFlight?: number;
  /** Reading screenshots; default off (most suites post no images and need no OCR worker). */
  ocr?: OcrSettings;
  /** Holds screenshots in the OCR queue until the test opens it (`closedOcrGate()`). */
  ocrGate?: OcrGate;
  /** Default "warn", which keeps the start-up info lines out of logLines. */
  logLevel?: LogLevelName;
}

interface TestAppBase {
  api: FakeSlackApi;
  running: RunningSlackApp;
  /** http://127.0.0.1:PORT; /slack/events in HTTP mode, /healthz in both. */
  baseUrl: string;
  /** Everything the app logged (warn and above unless options.logLevel says otherwise), redacted as in production. */
  logLines: string[];
  close(): Promise<void>;
}

export interface HttpTestApp extends TestAppBase {
  config: HttpModeConfig;
  signingSecret: string;
}

export interface SocketTestApp extends TestAppBase {
  config: SocketModeConfig;
  socket: SocketModeServer;
}

const DEFAULT_AUTO_REPLY: AutoReplySettings = { enabled: true, channels: null, dedupeHours: 24 };

/** OCR for suites that post screenshots: the defaults, with a per-image timeout a loaded machine cannot hit. */
export const PATIENT_OCR: OcrSettings = { ...DEFAULT_OCR_SETTINGS, timeoutMs: 120_000 };

export interface ClosedOcrGate {
  /** The `ocrGate` option: the app's OCR reader starts no image until `open()`. */
  gate: OcrGate;
  /** Images waiting in the OCR queue, as the reader last reported. */
  readonly waiting: number;
  /** Resolves once `count` images wait in the queue (bounded for a loaded machine). */
  untilWaiting(count: number, timeoutMs?: number): Promise<void>;
  open(): void;
}

/** A gate for the `ocrGate` option, closed until the test opens it. */
export function closedOcrGate(): ClosedOcrGate {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let waiting = 0;
  const wakers = new Set<() => void>();
  return {
    gate: {
      opened,
      queued(count) {
        waiting = count;
        for (const wake of [...wakers]) wake();
      },
    },
    get waiting() {
      return waiting;
    },
    untilWaiting(count, timeoutMs = 120_000) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          wakers.delete(check);
          reject(new Error(`${waiting} image(s) waiting for OCR after ${timeoutMs} ms, not ${count}`));
        }, timeoutMs);
        function check(): void {
          if (waiting < count) return;
          clearTimeout(timer);
          wakers.delete(check);
          resolve();
        }
        wakers.add(check);
        check();
      });
    },
    open,
  };
}

/** Waits until every handler the app started so far has finished, so "no call yet" means none will come. */
export async function handlersSettled(target: { running: RunningSlackApp }, timeoutMs = 120_000): Promise<void> {
  if (!(await target.running.inFlight.drained(timeoutMs))) throw new Error(`handlers still running after ${timeoutMs} ms`);
}

/** Resolves with the app's first log line matching `pattern`, once it is logged (bounded for a loaded machine). */
export async function loggedLine(target: { logLines: string[] }, pattern: RegExp): Promise<string> {
  return vi.waitFor(
    () => {
      const line = target.logLines.find((candidate) => pattern.test(candidate));
      if (!line) throw new Error(`no log line matching ${pattern}; logged:\n${target.logLines.join("\n")}`);
      return line;
    },
    { timeout: 10_000, interval: 20 },
  );
}

/** The config fields both modes take from the options and the fake API. */
function sharedConfig(options: TestAppOptions, api: FakeSlackApi) {
  return {
    slackApiUrl: api.apiUrl,
    ...(options.slackApiTimeoutMs ? { slackApiTimeoutMs: options.slackApiTimeoutMs } : {}),
    port: 0,
    logLevel: options.logLevel ?? "warn",
    autoReply: { ...DEFAULT_AUTO_REPLY, ...options.autoReply },
    proxy: options.proxy,
    ...(options.ocr ? { ocr: options.ocr } : {}),
  } satisfies Partial<HttpModeConfig> & Partial<SocketModeConfig>;
}

export async function startHttpTestApp(options: TestAppOptions = {}): Promise<HttpTestApp> {
  const api = await startFakeSlackApi();
  const config: HttpModeConfig = {
    mode: "http",
    botToken: TEST_BOT_TOKEN,
    signingSecret: TEST_SIGNING_SECRET,
    ...sharedConfig(options, api),
  };
  const { running, logLines } = await startWith(config, options, api, []);
  return {
    api,
    running,
    config,
    signingSecret: TEST_SIGNING_SECRET,
    baseUrl: `http://127.0.0.1:${running.port}`,
    logLines,
    close: async () => {
      await running.stop(2_000);
      await api.close();
    },
  };
}

export async function startSocketTestApp(options: TestAppOptions = {}): Promise<SocketTestApp> {
  const api = await startFakeSlackApi();
  const socket = await startSocketModeServer();
  api.setSocketModeUrl(socket.url);
  const config: SocketModeConfig = {
    mode: "socket",
    botToken: TEST_BOT_TOKEN,
    appToken: TEST_APP_TOKEN,
    ...sharedConfig(options, api),
  };
  const { running, logLines } = await startWith(config, options, api, [socket]);
  return {
    api,
    socket,
    running,
    config,
    baseUrl: `http://127.0.0.1:${running.port}`,
    logLines,
    close: async () => {
      await running.stop(2_000);
      await socket.close();
      await api.close();
    },
  };
}

async function startWith(
  config: HttpModeConfig | SocketModeConfig,
  options: TestAppOptions,
  api: FakeSlackApi,
  alsoClose: Array<{ close(): Promise<void> }>,
): Promise<{ running: RunningSlackApp; logLines: string[] }> {
  const logLines: string[] = [];
  const logger = createRedactingLogger({ level: config.logLevel, secrets: secretsOf(config), write: (line) => logLines.push(line) });
  try {
    const bot = createBot({ ...options.bot, autoReply: config.autoReply }, options.state ?? openInProcessState());
    const running = await startSlackApp(config, bot, {
      host: "127.0.0.1",
      logger,
      ...(options.serverLimits ? { serverLimits: options.serverLimits } : {}),
      ...(options.sendRetryPausesMs ? { sendRetryPausesMs: options.sendRetryPausesMs } : {}),
      ...(options.maxInFlight !== undefined ? { maxInFlight: options.maxInFlight } : {}),
      ...(options.ocrGate ? { ocrGate: options.ocrGate } : {}),
    });
    return { running, logLines };
  } catch (error) {
    for (const server of alsoClose) await server.close();
    await api.close();
    throw error;
  }
}
