// app_home_opened: publish the Home tab, keeping the filters the user left it with.
import type { Bot } from "../../bot/bot.js";
import { openHome } from "../../bot/home-actions.js";
import { send } from "../send.js";
import type { ListenerRouter } from "../router.js";

export function registerHomeOpened(app: ListenerRouter, bot: Bot): void {
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    const metadata = event.view?.private_metadata;
    await send({ client }, await openHome(bot, { userId: event.user, ...(metadata ? { metadata } : {}) }));
  });
}
