// Runs the bot until SIGTERM/SIGINT: builds the deps, starts the app, turns start-up failures into
// one-line messages, and stops gracefully. Only main.ts calls this.
import { EXIT_CONFIG, type SlackConfig } from "../config.js";
import { loadBotDeps } from "./deps.js";
import { createRedactingLogger } from "./logger.js";
import { secretsOf, SlackStartError, startSlackApp, type RunningSlackApp } from "./start.js";

export async function serveSlack(config: SlackConfig, fail: (line: string, code: number) => never): Promise<void> {
  const logger = createRedactingLogger({ level: config.logLevel, secrets: secretsOf(config) });

  let running: RunningSlackApp;
  try {
    running = await startSlackApp(config, loadBotDeps(config.autoReply), { logger });
  } catch (error) {
    if (error instanceof SlackStartError) fail(`Configuration error: ${error.message}`, EXIT_CONFIG);
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
    running.stop().then(
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
