// One entry point for every button and select the bot renders, routed by action id.
import { ACTION } from "../render/action-ids.js";
import { handleCardAction, type CardActionInput } from "./card-actions.js";
import type { BotCore } from "./deps.js";
import { handleHomeAction } from "./home-actions.js";
import type { Outgoing } from "./outgoing.js";

export interface ActionInput {
  actionId: string;
  /** The button's value, or the chosen option's value for a select. */
  value: string;
  /** The clicker, as Slack identified them. */
  userId: string;
  channelId?: string;
  /** Thread of the message holding the element. */
  threadTs?: string;
  /** The element sits in an ephemeral message, reachable only through its response URL. */
  fromEphemeral: boolean;
  triggerId?: string;
  /** private_metadata of the view holding the element (App Home, modals). */
  metadata?: string;
}

const CARD_ACTIONS: Record<string, CardActionInput["action"]> = {
  [ACTION.share]: "share",
  [ACTION.show]: "show",
  [ACTION.details]: "details",
};

/** "zpa_show:CODE" -> "zpa_show". */
export function actionName(actionId: string): string {
  const colon = actionId.indexOf(":");
  return colon === -1 ? actionId : actionId.slice(0, colon);
}

export function handleAction(core: BotCore, input: ActionInput): Outgoing[] {
  const name = actionName(input.actionId);
  const card = CARD_ACTIONS[name];
  if (card) {
    return handleCardAction(core, {
      action: card,
      code: input.value,
      userId: input.userId,
      fromEphemeral: input.fromEphemeral,
      ...(input.channelId ? { channelId: input.channelId } : {}),
      ...(input.threadTs ? { threadTs: input.threadTs } : {}),
    });
  }
  return handleHomeAction(core, {
    action: name,
    value: input.value,
    userId: input.userId,
    ...(input.triggerId ? { triggerId: input.triggerId } : {}),
    ...(input.metadata ? { metadata: input.metadata } : {}),
  });
}
