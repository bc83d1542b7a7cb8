// Share / Show / Details buttons on cards and lists.
import type { App, BlockAction } from "@slack/bolt";
import { handleCardAction, type CardActionInput } from "../../bot/card-actions.js";
import type { BotCore } from "../../bot/deps.js";
import { ACTION } from "../../render/action-ids.js";
import { send } from "./send.js";

const CARD_ACTION = new RegExp(`^(${ACTION.share}|${ACTION.show}|${ACTION.details})(?::|$)`);
const NAMES: Record<string, CardActionInput["action"]> = {
  [ACTION.share]: "share",
  [ACTION.show]: "show",
  [ACTION.details]: "details",
};

export function registerCardActions(app: App, core: BotCore): void {
  app.action<BlockAction>(CARD_ACTION, async ({ ack, body, action, client, respond }) => {
    await ack();
    const name = NAMES[CARD_ACTION.exec(action.action_id)?.[1] ?? ""];
    const code = "value" in action && typeof action.value === "string" ? action.value : "";
    if (!name) return;
    const container = body.container as { channel_id?: string; thread_ts?: string; is_ephemeral?: boolean } | undefined;
    const channelId = body.channel?.id ?? container?.channel_id;
    const threadTs = body.message?.thread_ts ?? container?.thread_ts;
    const input: CardActionInput = {
      action: name,
      code,
      userId: body.user.id,
      fromEphemeral: container?.is_ephemeral === true,
      ...(channelId ? { channelId } : {}),
      ...(typeof threadTs === "string" ? { threadTs } : {}),
    };
    await send({ client, respond }, handleCardAction(core, input));
  });
}
