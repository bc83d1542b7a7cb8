// The single entry point (`npm start`): reads the environment and runs the bot in the mode it selects.
import { config as loadDotenv } from "dotenv";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { loadBotDeps } from "./slack/deps.js";
import { createRedactingLogger } from "./slack/logger.js";
import { secretsOf, SlackStartError, startSlackApp, type RunningSlackApp } from "./slack/start.js";
import { runWithoutSlack } from "./without-slack.js";

/** sysexits' EX_CONFIG: the environment, not the program, needs fixing. */
export const EXIT_CONFIG = 78;

function fail(line: string, code: number): never {
  process.stderr.write(`${line}\n`);
  process.exit(code);
}

loadDotenv({ quiet: true });

let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`, EXIT_CONFIG);
  throw error;
}

if (config.mode === "none") process.exit(runWithoutSlack());

const slackConfig = config;
const logger = createRedactingLogger({ level: slackConfig.logLevel, secrets: secretsOf(slackConfig) });

let running: RunningSlackApp;
try {
  const deps = loadBotDeps(slackConfig.autoReply);
  running = await startSlackApp(slackConfig, deps, { logger });
} catch (error) {
  if (error instanceof SlackStartError) fail(`Configuration error: ${error.message}`, EXIT_CONFIG);
  if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
    fail(`Configuration error: PORT ${slackConfig.port} is already in use`, EXIT_CONFIG);
  }
  logger.error("Could not start:", error);
  process.exit(1);
}

let stopping = false;
function stopOn(signal: NodeJS.Signals): void {
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
}
process.on("SIGTERM", () => stopOn("SIGTERM"));
process.on("SIGINT", () => stopOn("SIGINT"));
