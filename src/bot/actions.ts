// One entry point for every button and select the bot renders, routed by action id.
import { handleCardAction } from "./card-actions.js";
import type { BotCore } from "./deps.js";
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
  /** The clicker is a runbook editor (the surface asked core.editors): cards then offer "Edit team note". */
  canEdit?: boolean;
}

/** Every click, the ones that need the store (the note editor) included. */
export async function handleInteraction(core: BotCore, input: ActionInput): Promise<Outgoing[]> {
  const route = routeAction(input.actionId);
  if (route?.handler === "feedback") {
    return recordVote(core, { vote: input.actionId.slice(input.actionId.indexOf(":") + 1), value: input.value, userId: input.userId });
  }
  if (route?.handler === "note") {
    return openNoteEditor(core, {
      code: input.value,
      userId: input.userId,
      canEdit: input.canEdit === true,
      ...(input.triggerId ? { triggerId: input.triggerId } : {}),
    });
  }
  return handleAction(core, input);
}

/** The clicks answered without the store: card and App Home buttons. */
export function handleAction(core: BotCore, input: ActionInput): Outgoing[] {
  const route = routeAction(input.actionId);
  if (route === undefined || route.handler === "note" || route.handler === "feedback") return [];
  if (route.handler === "card") {
    return handleCardAction(core, {
      action: route.action,
      code: input.value,
      userId: input.userId,
      fromEphemeral: input.fromEphemeral,
      canEdit: input.canEdit === true,
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
