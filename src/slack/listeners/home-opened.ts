// app_home_opened: publish the Home tab, keeping the filters the user left it with, with a fresh
// "Seen this week".
import type { BotCore } from "../../bot/deps.js";
import { openHome } from "../../bot/home-actions.js";
import { refreshSeenThisWeek } from "../../bot/seen-this-week.js";
import { send } from "./send.js";
import type { ListenerRouter } from "./router.js";

export function registerHomeOpened(app: ListenerRouter, core: BotCore): void {
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    await refreshSeenThisWeek(core);
    await send({ client }, openHome(core, event.user, event.view?.private_metadata));
  });
}
