// The home and card builders read "Seen this week" and Slack-edited team notes synchronously, so
// interactions read them again first: the home list for App Home interactions, the notes for every
// command, click, submission and tab opening (auto-replies read the notes themselves when they found a code).
import type { AnyMiddlewareArgs, Logger, Middleware } from "@slack/bolt";
import type { BotCore } from "../../bot/deps.js";
import { refreshEditedNotes } from "../../bot/edited-notes.js";
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

/** Events that show a card or the Home: slash commands, clicks, submissions, the Home tab opening. */
function showsCards(body: unknown): boolean {
  const { type, command, event } = body as { type?: unknown; command?: unknown; event?: { type?: unknown } };
  if (typeof command === "string") return true;
  if (type === "block_actions" || type === "view_submission") return true;
  return event?.type === "app_home_opened";
}

export function refreshNotesBeforeInteraction(core: BotCore, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    if (core.editedNotes && showsCards(body)) {
      // The last notes read are better than no answer: a failed read is logged and the interaction goes on.
      await refreshEditedNotes(core).catch((error: unknown) => logger.error(`Reading team notes failed: ${(error as Error).message}`));
    }
    await next();
  };
}
