// Builds and starts the Bolt app for a validated config, and stops it gracefully.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, type HTTPReceiver, type Logger } from "@slack/bolt";
import type { Bot } from "../bot/bot.js";
import type { SlackConfig } from "../config.js";
import { capConnections, DEFAULT_SERVER_LIMITS, healthReporter, serverOptionsOf, startHealthServer, type ServerLimits } from "../health.js";
import { createSlackFetch, proxyDispatcher } from "./http-client.js";
import { createInFlightTracker, type InFlightTracker } from "./in-flight.js";
import { registerListeners } from "./listeners/index.js";
import { createRedactingLogger } from "./logger.js";
import { createSlackMetrics, type SlackMetrics } from "./metrics.js";
import { createHttpReceiver, createSocketModeReceiver } from "./receivers.js";

export interface StartOptions {
  /** Interface to listen on; default config.host (HOST), else all. Tests pass 127.0.0.1. */
  host?: string;
  /** Header/body timeouts and the connection cap; tests shorten them. */
  serverLimits?: Partial<ServerLimits>;
  /** Defaults to a redacting stderr logger at config.logLevel. */
  logger?: Logger;
}

export interface RunningSlackApp {
  readonly mode: SlackConfig["mode"];
  readonly app: App;
  /** The port actually bound: Slack requests + /healthz in HTTP mode, /healthz only in Socket Mode. */
  readonly port: number;
  readonly inFlight: InFlightTracker;
  /** What GET /metrics reports. */
  readonly metrics: SlackMetrics;
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

export const DEFAULT_DRAIN_TIMEOUT_MS = 10_000;
const DEFAULT_SLACK_API_URL = "https://slack.com/api/";
/** About 15 s of retries (1 + 2 + 4 + 8 s), rate-limit waits included. */
const WEB_API_RETRIES = { retries: 4, factor: 2, randomize: true };

export function secretsOf(config: SlackConfig): string[] {
  return config.mode === "socket" ? [config.botToken, config.appToken] : [config.botToken, config.signingSecret];
}

export async function startSlackApp(config: SlackConfig, bot: Bot, options: StartOptions = {}): Promise<RunningSlackApp> {
  const logger = options.logger ?? createRedactingLogger({ level: config.logLevel, format: config.logFormat, secrets: secretsOf(config) });
  const health = healthReporter(config.mode, bot.catalog.entries.length);
  const metrics = createSlackMetrics();
  if (bot.state) metrics.watchStore(bot.state.store);
  const host = options.host ?? config.host;
  const limits: ServerLimits = { ...DEFAULT_SERVER_LIMITS, ...options.serverLimits };
  const dispatcher = proxyDispatcher(config.proxy);
  const slackFetch = createSlackFetch({ apiUrl: config.slackApiUrl ?? DEFAULT_SLACK_API_URL, dispatcher, metrics });
  const receiver =
    config.mode === "http"
      ? createHttpReceiver(config, logger, health, metrics)
      : createSocketModeReceiver(config, logger, { fetch: slackFetch, dispatcher });

  const app = new App({
    receiver,
    token: config.botToken,
    logger,
    // Bolt would otherwise reset the logger to "info".
    logLevel: logger.getLevel(),
    clientOptions: {
      ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
      // The default keeps retrying for about 30 minutes; an answer that late helps nobody.
      retryConfig: countingRetries(WEB_API_RETRIES, metrics),
      // Web API calls and respond() alike: counted for /metrics, through the proxy when one is set.
      fetch: slackFetch,
    },
    // Verify the bot token in init(), where a rejection can be reported, not in the constructor.
    deferInitialization: true,
    // No listener reads conversation state; Bolt's store would build an Error per request to find its caller.
    convoStore: false,
  });
  const inFlight = createInFlightTracker();
  app.use(inFlight.middleware);
  // The bot counts what it answers into this app's /metrics.
  registerListeners(app, { ...bot, metrics }, logger);

  await namingTheToken("SLACK_BOT_TOKEN", () => app.init());

  if (config.mode === "http") {
    const server = await (receiver as HTTPReceiver).start({ port: config.port, host }, serverOptionsOf(limits));
    capConnections(server, limits);
    logger.info(`HTTP mode: listening on port ${portOf(server)} at /slack/events`);
    return running(config.mode, app, portOf(server), inFlight, metrics, logger, async () => {
      await app.stop();
    });
  }

  const healthServer = await startHealthServer(health, config.port, host, metrics, limits);
  try {
    await namingTheToken("SLACK_APP_TOKEN", () => app.start());
  } catch (error) {
    await closeServer(healthServer.server);
    throw error;
  }
  logger.info(`Socket Mode: connected; health on port ${healthServer.port} at /healthz`);
  return running(config.mode, app, healthServer.port, inFlight, metrics, logger, async () => {
    await app.stop();
    await closeServer(healthServer.server);
  });
}

function running(
  mode: SlackConfig["mode"],
  app: App,
  port: number,
  inFlight: InFlightTracker,
  metrics: SlackMetrics,
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

/** Adds p-retry's onFailedAttempt hook (typed away by the Web API client): an attempt with retries left is retried. */
function countingRetries<Policy extends object>(policy: Policy, metrics: SlackMetrics): Policy {
  const onFailedAttempt = (error: { retriesLeft?: number }): void => {
    if ((error.retriesLeft ?? 0) > 0) metrics.slackRetry();
  };
  return { ...policy, onFailedAttempt };
}

/** Runs a start step and turns Slack's refusal into a SlackStartError naming the token. */
async function namingTheToken(variable: SlackStartError["variable"], step: () => Promise<unknown>): Promise<void> {
  try {
    await step();
  } catch (error) {
    const reason = (error as { data?: { error?: unknown } }).data?.error;
    if (typeof reason === "string") throw new SlackStartError(variable, reason);
    throw error;
  }
}

function portOf(server: Server): number {
  return (server.address() as AddressInfo).port;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
