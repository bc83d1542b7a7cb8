// Wires a built bot to a Bolt app: one listener per file, plus the logging of rate limits and store health.
import { webApi, type App, type Logger } from "@slack/bolt";
import type { Bot } from "../bot/bot.js";
import type { StateStore } from "../state/store.js";
import { registerBlockActions } from "./listeners/block-actions.js";
import { registerCommand } from "./listeners/command.js";
import { registerHomeOpened } from "./listeners/home-opened.js";
import { registerMessages } from "./listeners/messages.js";
import { registerNoteSubmit } from "./listeners/note-submit.js";
import { createListenerRouter } from "./router.js";
import { registerSearchSubmit } from "./listeners/search-submit.js";

/** Registers every listener on a Bolt app. (Seam between app start-up and the listeners.) */
export function registerListeners(app: App, bot: Bot, logger: Logger, sendRetryPausesMs?: readonly number[]): void {
  if (bot.state) logStateHealth(bot.state.store, logger);
  logRateLimits(app, logger);
  // Registered last among the global middleware: it hands each request to the one listener that takes it.
  const router = createListenerRouter(app);
  registerCommand(router, bot, logger);
  registerMessages(router, bot, logger, sendRetryPausesMs);
  registerHomeOpened(router, bot);
  registerBlockActions(router, bot);
  registerSearchSubmit(router, bot);
  registerNoteSubmit(router, bot);
  // RUNBOOK_EDITORS may name user groups: their members are read with the app's own client.
  bot.editors.readGroupsWith(
    async (usergroup) => (await app.client.usergroups.users.list({ usergroup })).users ?? [],
    (line) => logger.warn(line),
  );
}

/** Each change of the shared store's health, so an operator sees why auto-replies stopped and when they resumed. */
function logStateHealth(store: StateStore, logger: Logger): void {
  store.onHealthChange((healthy) => {
    if (healthy) logger.warn(`${store.where} is reachable again: auto-replies resume`);
    else logger.warn(`${store.where} is unreachable: skipping auto-replies until it is back (slash commands still answer)`);
  });
}

/** Bolt's WebClient waits out a 429 (Retry-After) and retries by itself; this makes each wait visible. */
function logRateLimits(app: App, logger: Logger): void {
  const watched = new WeakSet<webApi.WebClient>();
  const watch = (client: webApi.WebClient): void => {
    if (watched.has(client)) return;
    watched.add(client);
    client.on(webApi.WebClientEvent.RATE_LIMITED, (retrySeconds: number, request?: { url?: string }) => {
      // Only the method name: the request body may hold message text or tokens.
      const method = request?.url?.split("/").pop() ?? "a Web API call";
      logger.warn(`Slack rate-limited ${method}; retrying after ${retrySeconds} s`);
    });
  };
  watch(app.client);
  app.use(async ({ client, next }) => {
    watch(client);
    await next();
  });
}
