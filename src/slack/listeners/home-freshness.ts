// The home builder reads "Seen this week" synchronously, so every interaction that re-publishes the
// App Home (its buttons and selects, the search modal) reads the list again first.
import type { AnyMiddlewareArgs, Logger, Middleware } from "@slack/bolt";
import type { BotCore } from "../../bot/deps.js";
import { refreshSeenThisWeek } from "../../bot/seen-this-week.js";
import { SEARCH_MODAL } from "../../render/action-ids.js";

function isHomeInteraction(body: unknown): boolean {
  const { type, view } = body as { type?: unknown; view?: { type?: unknown; callback_id?: unknown } };
  if (type === "block_actions") return view?.type === "home";
  return type === "view_submission" && view?.callback_id === SEARCH_MODAL.callbackId;
}

export function refreshSeenBeforeHome(core: BotCore, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    if (core.state && isHomeInteraction(body)) {
      // A stale list is better than no answer: a failed read is logged and the interaction goes on.
      await refreshSeenThisWeek(core).catch((error: unknown) => logger.error(`Reading "Seen this week" failed: ${(error as Error).message}`));
    }
    await next();
  };
}
