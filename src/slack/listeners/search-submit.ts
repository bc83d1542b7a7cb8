// The Home search modal's Submit: input errors go back in the acknowledgement; anything else is sent after it.
import type { Bot } from "../../bot/bot.js";
import { submitSearch } from "../../bot/home-actions.js";
import { SEARCH_MODAL } from "../../render/action-ids.js";
import { answerSubmission } from "../send.js";
import type { ListenerRouter } from "../router.js";

export function registerSearchSubmit(app: ListenerRouter, bot: Bot): void {
  app.view(SEARCH_MODAL.callbackId, async ({ ack, body, view, client }) => {
    const query = view.state.values[SEARCH_MODAL.blockId]?.[SEARCH_MODAL.actionId]?.value;
    await answerSubmission(ack, client, await submitSearch(bot, { userId: body.user.id, metadata: view.private_metadata, query }));
  });
}
