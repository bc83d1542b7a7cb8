// App Home controls: component/category selects, Search, Clear search, pages and View.
import type { App, BlockAction } from "@slack/bolt";
import type { BotCore } from "../../bot/deps.js";
import { handleHomeAction } from "../../bot/home-actions.js";
import { send } from "./send.js";

const HOME_ACTION = /^zpa_home_[a-z_]+(?=:|$)/;

export function registerHomeActions(app: App, core: BotCore): void {
  app.action<BlockAction>(HOME_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    const name = HOME_ACTION.exec(action.action_id)?.[0] ?? "";
    const value =
      action.type === "static_select" ? action.selected_option?.value : "value" in action ? action.value : undefined;
    const outgoing = handleHomeAction(core, {
      action: name,
      value: typeof value === "string" ? value : "",
      userId: body.user.id,
      ...(body.trigger_id ? { triggerId: body.trigger_id } : {}),
      ...(body.view?.private_metadata ? { metadata: body.view.private_metadata } : {}),
    });
    await send({ client }, outgoing);
  });
}
