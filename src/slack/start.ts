// Builds and starts the Bolt app for a validated config, and stops it gracefully.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, type HTTPReceiver, type Logger } from "@slack/bolt";
import type { Bot } from "../bot/bot.js";
import type { SlackConfig } from "../config.js";
import { healthReporter, startHealthServer } from "../health.js";
import { createInFlightTracker, type InFlightTracker } from "./in-flight.js";
import { registerListeners } from "./listeners/index.js";
import { createRedactingLogger } from "./logger.js";
import { createHttpReceiver, createSocketModeReceiver } from "./receivers.js";

export interface StartOptions {
  /** Interface to listen on; default all (as Bolt does). Tests pass 127.0.0.1. */
  host?: string;
  /** Defaults to a redacting stderr logger at config.logLevel. */
  logger?: Logger;
}

export interface RunningSlackApp {
  readonly mode: SlackConfig["mode"];
  readonly app: App;
  /** The port actually bound: Slack requests + /healthz in HTTP mode, /healthz only in Socket Mode. */
  readonly port: number;
  readonly inFlight: InFlightTracker;
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
/** About 15 s of retries (1 + 2 + 4 + 8 s), rate-limit waits included. */
const WEB_API_RETRIES = { retries: 4, factor: 2, randomize: true };

export function secretsOf(config: SlackConfig): string[] {
  return config.mode === "socket" ? [config.botToken, config.appToken] : [config.botToken, config.signingSecret];
}

export async function startSlackApp(config: SlackConfig, bot: Bot, options: StartOptions = {}): Promise<RunningSlackApp> {
  const logger = options.logger ?? createRedactingLogger({ level: config.logLevel, secrets: secretsOf(config) });
  const health = healthReporter(config.mode, bot.catalog.entries.length);
  const receiver =
    config.mode === "http" ? createHttpReceiver(config, logger, health) : createSocketModeReceiver(config, logger);

  const app = new App({
    receiver,
    token: config.botToken,
    logger,
    // Bolt would otherwise reset the logger to "info".
    logLevel: logger.getLevel(),
    clientOptions: {
      ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
      // The default keeps retrying for about 30 minutes; an answer that late helps nobody.
      retryConfig: WEB_API_RETRIES,
    },
    // Verify the bot token in init(), where a rejection can be reported, not in the constructor.
    deferInitialization: true,
  });
  const inFlight = createInFlightTracker();
  app.use(inFlight.middleware);
  registerListeners(app, bot, logger);

  await namingTheToken("SLACK_BOT_TOKEN", () => app.init());

  if (config.mode === "http") {
    const server = await (receiver as HTTPReceiver).start({ port: config.port, host: options.host });
    logger.info(`HTTP mode: listening on port ${portOf(server)} at /slack/events`);
    return running(config.mode, app, portOf(server), inFlight, logger, async () => {
      await app.stop();
    });
  }

  const healthServer = await startHealthServer(health, config.port, options.host);
  try {
    await namingTheToken("SLACK_APP_TOKEN", () => app.start());
  } catch (error) {
    await closeServer(healthServer.server);
    throw error;
  }
  logger.info(`Socket Mode: connected; health on port ${healthServer.port} at /healthz`);
  return running(config.mode, app, healthServer.port, inFlight, logger, async () => {
    await app.stop();
    await closeServer(healthServer.server);
  });
}

function running(
  mode: SlackConfig["mode"],
  app: App,
  port: number,
  inFlight: InFlightTracker,
  logger: Logger,
  stopReceiving: () => Promise<void>,
): RunningSlackApp {
  let stopping: Promise<void> | undefined;
  return {
    mode,
    app,
    port,
    inFlight,
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
