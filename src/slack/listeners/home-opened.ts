// app_home_opened: publish the Home tab, keeping the filters the user left it with, with a fresh
// "Seen this week".
import type { App } from "@slack/bolt";
import type { BotCore } from "../../bot/deps.js";
import { openHome } from "../../bot/home-actions.js";
import { refreshSeenThisWeek } from "../../bot/seen-this-week.js";
import { send } from "./send.js";

export function registerHomeOpened(app: App, core: BotCore): void {
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    await refreshSeenThisWeek(core);
    await send({ client }, openHome(core, event.user, event.view?.private_metadata));
  });
}
