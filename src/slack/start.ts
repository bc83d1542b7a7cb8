// Builds and starts the Bolt app for a validated config, and stops it gracefully.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, type HTTPReceiver, type Logger } from "@slack/bolt";
import type { Dispatcher } from "undici";
import type { Bot } from "../bot/bot.js";
import { DEFAULT_SLACK_API_TIMEOUT_MS, type SlackConfig } from "../config.js";
import { capConnections, DEFAULT_SERVER_LIMITS, healthReporter, serverOptionsOf, startHealthServer, type ServerLimits } from "../health.js";
import type { OcrGate } from "../ocr/reader.js";
import { createSlackFetch, proxyDispatcher } from "./http-client.js";
import { createInFlightTracker, DEFAULT_MAX_IN_FLIGHT, type InFlightTracker } from "./in-flight.js";
import { registerListeners } from "./register-listeners.js";
import { createRedactingLogger } from "./logger.js";
import { slackImageReading } from "./image-files.js";
import { createMetrics, type Metrics } from "../metrics.js";
import { createHttpReceiver, createSocketModeReceiver } from "./receivers.js";
import { retryPolicy, withBoundedResponseUrlPosts } from "./slack-http.js";

export interface StartOptions {
  /** Interface to listen on; default config.host (HOST), else all. Tests pass 127.0.0.1. */
  host?: string;
  /** Header/body timeouts and the connection cap; tests shorten them. */
  serverLimits?: Partial<ServerLimits>;
  /** Defaults to a redacting stderr logger at config.logLevel. */
  logger?: Logger;
  /** Pauses before a failed thread reply is sent again; defaults to DEFAULT_SEND_RETRY_PAUSES_MS. */
  sendRetryPausesMs?: readonly number[];
  /** Handlers allowed to run at once; defaults to DEFAULT_MAX_IN_FLIGHT. */
  maxInFlight?: number;
  /** Test seam, unset in production: holds every screenshot in the OCR queue until the gate opens. */
  ocrGate?: OcrGate;
}

export interface RunningSlackApp {
  readonly mode: SlackConfig["mode"];
  readonly app: App;
  /** The port actually bound: Slack requests + /healthz in HTTP mode, /healthz only in Socket Mode. */
  readonly port: number;
  readonly inFlight: InFlightTracker;
  /** What GET /metrics reports. */
  readonly metrics: Metrics;
  /** Stops taking new work, waits up to drainTimeoutMs for running handlers, then closes everything. */
  stop(drainTimeoutMs?: number): Promise<void>;
}

/** Slack gives a failed start a reason such as invalid_auth; this keeps it and says which token it was. */
export class SlackStartError extends Error {
  constructor(
    readonly variable: "SLACK_BOT_TOKEN" | "SLACK_APP_TOKEN",
    readonly reason: string,
  ) {
    super(`Slack rejected ${variable} (${reason})`);
    this.name = "SlackStartError";
  }
}

/** Slack could not be reached at start (no answer, a refused connection, an HTTP error): exit 69, not 78. */
export class SlackUnreachableError extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`Slack is unreachable (${reason})`, options);
    this.name = "SlackUnreachableError";
  }
}

export const DEFAULT_DRAIN_TIMEOUT_MS = 10_000;
const DEFAULT_SLACK_API_URL = "https://slack.com/api/";

export function secretsOf(config: SlackConfig): string[] {
  return config.mode === "socket" ? [config.botToken, config.appToken] : [config.botToken, config.signingSecret];
}

export async function startSlackApp(config: SlackConfig, bot: Bot, options: StartOptions = {}): Promise<RunningSlackApp> {
  const logger = options.logger ?? createRedactingLogger({ level: config.logLevel, format: config.logFormat, secrets: secretsOf(config) });
  const health = healthReporter(config.mode, bot.catalog.entries.length);
  const metrics = createMetrics();
  if (bot.state) metrics.watchStore(bot.state.store);
  const host = options.host ?? config.host;
  const limits: ServerLimits = { ...DEFAULT_SERVER_LIMITS, ...options.serverLimits };
  const dispatcher = proxyDispatcher(config.proxy);
  const clientOptions = slackClientOptions(config, logger, metrics, dispatcher);
  const receiver =
    config.mode === "http"
      ? createHttpReceiver(config, logger, health, metrics)
      : createSocketModeReceiver(config, logger, { clientOptions, dispatcher });

  const app = new App({
    receiver,
    token: config.botToken,
    logger,
    // Bolt would otherwise reset the logger to "info".
    logLevel: logger.getLevel(),
    clientOptions,
    // Verify the bot token in init(), where a rejection can be reported, not in the constructor.
    deferInitialization: true,
    // No listener reads conversation state; Bolt's store would build an Error per request to find its caller.
    convoStore: false,
  });
  const inFlight = createInFlightTracker({
    ...(options.maxInFlight !== undefined ? { maxInFlight: options.maxInFlight } : {}),
    onShed: (what) => logger.warn(`Busy: ${what} turned away, ${options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT} handlers already running`),
  });
  app.use(inFlight.middleware);
  // Screenshots are read only with OCR on; the worker itself starts with the first image. Downloads go
  // through the proxy like every other Slack request.
  const images = config.ocr?.enabled
    ? slackImageReading(
        bot.search,
        config.ocr,
        {
          token: config.botToken,
          slackApiUrl: config.slackApiUrl,
          fetch: createSlackFetch({ apiUrl: config.slackApiUrl ?? DEFAULT_SLACK_API_URL, dispatcher }),
        },
        options.ocrGate ? { gate: options.ocrGate } : {},
      )
    : undefined;
  // The bot counts what it answers into this app's /metrics.
  registerListeners(app, { ...bot, metrics, ...(images ? { images } : {}) }, logger, options.sendRetryPausesMs);

  const deadlineMs = startDeadlineMs(config);
  await withinDeadline(deadlineMs, async () => {
    await namingTheToken("SLACK_BOT_TOKEN", () => app.init());
    await logIdentity(app, logger);
  });

  if (config.mode === "http") {
    const server = await (receiver as HTTPReceiver).start({ port: config.port, host }, serverOptionsOf(limits));
    capConnections(server, limits);
    logger.info(`HTTP mode: listening on port ${portOf(server)} at /slack/events`);
    return running(config.mode, app, portOf(server), inFlight, metrics, logger, async () => {
      await app.stop();
      await images?.reader.stop();
    });
  }

  const healthServer = await startHealthServer(health, config.port, host, metrics, limits);
  try {
    await withinDeadline(deadlineMs, () => namingTheToken("SLACK_APP_TOKEN", () => app.start()));
  } catch (error) {
    // A Socket Mode client still retrying must not keep the process alive, nor connect after we gave up.
    await app.stop().catch(() => undefined);
    await closeServer(healthServer.server);
    throw error;
  }
  logger.info(`Socket Mode: connected; health on port ${healthServer.port} at /healthz`);
  return running(config.mode, app, healthServer.port, inFlight, metrics, logger, async () => {
    await app.stop();
    await images?.reader.stop();
    await closeServer(healthServer.server);
  });
}

function running(
  mode: SlackConfig["mode"],
  app: App,
  port: number,
  inFlight: InFlightTracker,
  metrics: Metrics,
  logger: Logger,
  stopReceiving: () => Promise<void>,
): RunningSlackApp {
  let stopping: Promise<void> | undefined;
  return {
    mode,
    app,
    port,
    inFlight,
    metrics,
    stop(drainTimeoutMs = DEFAULT_DRAIN_TIMEOUT_MS) {
      stopping ??= (async () => {
        // Receivers stop first so no new work starts; Web API calls of running handlers still work.
        const receiving = stopReceiving();
        // Awaited only after the drain; handled now so an early failure is not an unhandled rejection meanwhile.
        receiving.catch(() => undefined);
        const drained = await inFlight.drained(drainTimeoutMs);
        if (!drained) logger.warn(`Stopped with ${inFlight.count} handler(s) still running after ${drainTimeoutMs} ms`);
        await receiving;
      })();
      return stopping;
    },
  };
}

/**
 * The Web API client's options (Bolt's and the Socket Mode receiver's): SLACK_API_URL, a timeout per attempt,
 * retries bounded in total time, and one fetch for Web API calls and respond() alike (counted for /metrics,
 * through the proxy when one is set, response_url posts timed and retried).
 */
function slackClientOptions(config: SlackConfig, logger: Logger, metrics: Metrics, dispatcher: Dispatcher | undefined) {
  const timeoutMs = config.slackApiTimeoutMs ?? DEFAULT_SLACK_API_TIMEOUT_MS;
  const apiUrl = config.slackApiUrl ?? DEFAULT_SLACK_API_URL;
  const baseFetch = createSlackFetch({ apiUrl, dispatcher, metrics });
  return {
    slackApiUrl: apiUrl,
    timeout: timeoutMs,
    // The default keeps retrying for about 30 minutes; an answer that late helps nobody.
    retryConfig: countingRetries(retryPolicy(timeoutMs), metrics),
    fetch: withBoundedResponseUrlPosts({ timeoutMs, apiUrl, logger, baseFetch }),
  };
}

/**
 * How long connecting to Slack may take before the start counts as failed: the bounded retries of
 * auth.test (or apps.connections.open), and then the Socket Mode handshake.
 */
function startDeadlineMs(config: SlackConfig): number {
  return 4 * (config.slackApiTimeoutMs ?? DEFAULT_SLACK_API_TIMEOUT_MS) + 10_000;
}

async function withinDeadline(deadlineMs: number, step: () => Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SlackUnreachableError(`no connection within ${Math.round(deadlineMs / 1000)} s`)), deadlineMs);
  });
  try {
    await Promise.race([step(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Adds p-retry's onFailedAttempt hook (typed away by the Web API client): an attempt with retries left is retried. */
function countingRetries<Policy extends object>(policy: Policy, metrics: Metrics): Policy {
  const onFailedAttempt = (error: { retriesLeft?: number }): void => {
    if ((error.retriesLeft ?? 0) > 0) metrics.slackRetry();
  };
  return { ...policy, onFailedAttempt };
}

/** Runs a start step: Slack's refusal becomes a SlackStartError naming the token, no answer a SlackUnreachableError. */
async function namingTheToken(variable: SlackStartError["variable"], step: () => Promise<unknown>): Promise<void> {
  try {
    await step();
  } catch (error) {
    const reason = (error as { data?: { error?: unknown } }).data?.error;
    if (typeof reason === "string") throw new SlackStartError(variable, reason);
    const code = (error as { code?: unknown }).code;
    if (code === "slack_webapi_request_error" || code === "slack_webapi_http_error" || code === "slack_socket_mode_websocket_error") {
      throw new SlackUnreachableError(reasonOf(error), { cause: error });
    }
    throw error;
  }
}

/** Says which workspace and bot user the token belongs to, so an operator can check the install at a glance. */
async function logIdentity(app: App, logger: Logger): Promise<void> {
  try {
    const { team, user, url } = await app.client.auth.test();
    logger.info(`Slack accepted SLACK_BOT_TOKEN: bot user @${user ?? "?"} in workspace ${JSON.stringify(team ?? "?")} (${url ?? "no URL"})`);
  } catch (error) {
    // init() has just verified the token with the same call; a second failure is not worth stopping for.
    logger.warn(`Could not read the bot's identity: ${(error as Error).message}`);
  }
}

/** One short reason (ECONNREFUSED, "no answer within …", HTTP 503), never a stack. */
function reasonOf(error: unknown): string {
  const e = error as { statusCode?: unknown; original?: { name?: unknown; message?: unknown; cause?: { code?: unknown } } };
  if (typeof e.statusCode === "number") return `HTTP ${e.statusCode}`;
  const original = e.original;
  if (original?.name === "TimeoutError") return "no answer within SLACK_API_TIMEOUT_MS";
  if (typeof original?.cause?.code === "string") return original.cause.code;
  const message = typeof original?.message === "string" ? original.message : error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, " ").slice(0, 120);
}

function portOf(server: Server): number {
  return (server.address() as AddressInfo).port;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
