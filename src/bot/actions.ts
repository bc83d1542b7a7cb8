// Flow: a click on any button or select the bot renders, routed by action id (the one table in route-action.ts).
import { handleCardAction } from "./card-actions.js";
import type { Bot } from "./bot.js";
import { openNoteEditor } from "./edit-note.js";
import { recordVote } from "./feedback.js";
import { handleHomeAction } from "./home-actions.js";
import type { Outgoing } from "./outgoing.js";
import { routeAction } from "./route-action.js";

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

export async function handleAction(core: Bot, input: ActionInput): Promise<Outgoing[]> {
  const route = routeAction(input.actionId);
  // An id the bot never rendered gets no answer.
  if (route === undefined) return [];
  if (route.handler === "feedback") {
    return recordVote(core, { vote: input.actionId.slice(input.actionId.indexOf(":") + 1), value: input.value, userId: input.userId });
  }
  // Asked of Slack's own user id on every click: a forged "Edit team note" from anyone else is refused.
  // The editor check (maybe a user-group lookup) and the notes' re-read are independent: wait for both at once.
  const [canEdit] = await Promise.all([core.editors.isEditor(input.userId), core.editedNotes?.refresh()]);
  if (route.handler === "note") {
    return openNoteEditor(core, { code: input.value, userId: input.userId, canEdit, ...(input.triggerId ? { triggerId: input.triggerId } : {}) });
  }
  if (route.handler === "card") {
    return handleCardAction(core, {
      action: route.action,
      code: input.value,
      userId: input.userId,
      fromEphemeral: input.fromEphemeral,
      canEdit,
      ...(input.channelId ? { channelId: input.channelId } : {}),
      ...(input.threadTs ? { threadTs: input.threadTs } : {}),
    });
  }
  return handleHomeAction(core, {
    action: route.action,
    value: input.value,
    userId: input.userId,
    ...(input.triggerId ? { triggerId: input.triggerId } : {}),
    ...(input.metadata ? { metadata: input.metadata } : {}),
  });
}
