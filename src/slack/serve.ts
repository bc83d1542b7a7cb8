// Runs the bot in Slack until SIGTERM/SIGINT: opens the state, builds the bot, starts the app, turns
// start-up failures into one-line messages, and stops gracefully. Only main.ts calls this.
import { ConfigError, EXIT_CONFIG, EXIT_UNAVAILABLE, type Env, type SlackConfig } from "../config.js";
import { createBot } from "../bot/bot.js";
import { loadCatalog } from "../catalog/load.js";
import { readEditors, type EditorsConfig } from "../runbook/editors.js";
import { openRunbook } from "../runbook/open.js";
import type { RunbookSource } from "../runbook/source.js";
import { createSearch } from "../search/index.js";
import { openState, type State } from "../state/open.js";
import { StateUnavailableError } from "../state/store.js";
import { createRedactingLogger } from "./logger.js";
import { keepServingOnUnexpectedErrors } from "./last-resort.js";
import { secretsOf, SlackStartError, SlackUnreachableError, startSlackApp, type RunningSlackApp } from "./start.js";

export async function serveSlack(
  config: SlackConfig,
  fail: (line: string, code: number) => never,
  env: Env = process.env,
): Promise<void> {
  const logger = createRedactingLogger({ level: config.logLevel, format: config.logFormat, secrets: secretsOf(config) });
  keepServingOnUnexpectedErrors(logger);

  // Before Slack: a bad runbook file or an unreachable Redis is nothing to connect for.
  const catalog = loadCatalog();
  const search = createSearch(catalog);
  let runbook: RunbookSource;
  let editors: EditorsConfig;
  try {
    editors = readEditors(env);
    runbook = openRunbook(env, search, { log: (line) => logger.info(line), warn: (line) => logger.warn(line), sighup: true });
  } catch (error) {
    if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`, EXIT_CONFIG);
    throw error;
  }
  let state: State;
  try {
    state = await openState(env, (line) => logger.warn(line));
  } catch (error) {
    if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`, EXIT_CONFIG);
    if (error instanceof StateUnavailableError) fail(`Cannot start: ${error.message}; check REDIS_URL`, EXIT_UNAVAILABLE);
    throw error;
  }
  logger.info(`State: ${state.store.where}`);

  let running: RunningSlackApp;
  try {
    running = await startSlackApp(config, createBot({ ...config, catalog, search, runbook, editors }, state), { logger });
  } catch (error) {
    await state.store.close().catch(() => undefined);
    if (error instanceof SlackStartError) fail(`Configuration error: ${error.message}`, EXIT_CONFIG);
    if (error instanceof SlackUnreachableError) fail(`Cannot start: ${error.message}; check the network and SLACK_API_URL`, EXIT_UNAVAILABLE);
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      fail(`Configuration error: PORT ${config.port} is already in use`, EXIT_CONFIG);
    }
    logger.error("Could not start:", error);
    fail("The bot did not start (see the error above).", 1);
  }

  let stopping = false;
  const stopOn = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    logger.info(`${signal}: finishing running handlers, then exiting`);
    // Handlers still running use the store, so it closes only after they finished (or timed out).
    running
      .stop()
      .then(async () => {
        runbook.close();
        await state.store.close();
        logger.info(`State store closed (${state.store.where})`);
      })
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error("Error while stopping:", error);
          process.exit(1);
        },
      );
  };
  process.on("SIGTERM", () => stopOn("SIGTERM"));
  process.on("SIGINT", () => stopOn("SIGINT"));
}
