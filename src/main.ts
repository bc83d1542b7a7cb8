// The single entry point (`npm start`): reads the environment and runs the bot in the mode it selects.
import { config as loadDotenv } from "dotenv";
import { ConfigError, EXIT_CONFIG, loadConfig, type Config } from "./config.js";
import { servePreview } from "./preview/serve.js";

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

if (config.mode === "none") {
  servePreview(config, fail);
} else {
  // Loaded only when needed, so a configuration error or the no-Slack path answers quickly.
  const { serveSlack } = await import("./slack/serve.js");
  await serveSlack(config, fail);
}
