// The Home search modal's Submit: errors keep the modal open; a query re-publishes the Home tab.
import type { BotCore } from "../../bot/deps.js";
import { submitSearch } from "../../bot/home-actions.js";
import { SEARCH_MODAL } from "../../render/action-ids.js";
import { send } from "./send.js";
import type { ListenerRouter } from "./router.js";

export function registerSearchSubmit(app: ListenerRouter, core: BotCore): void {
  app.view(SEARCH_MODAL.callbackId, async ({ ack, body, view, client }) => {
    const query = view.state.values[SEARCH_MODAL.blockId]?.[SEARCH_MODAL.actionId]?.value;
    const result = submitSearch(core, { userId: body.user.id, metadata: view.private_metadata, query });
    if (result.kind === "invalid") {
      await ack({ response_action: "errors", errors: { [SEARCH_MODAL.blockId]: result.error } });
      return;
    }
    await ack();
    await send({ client }, result.outgoing);
  });
}
