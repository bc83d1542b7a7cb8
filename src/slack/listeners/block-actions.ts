// Every button and select the bot renders (ids start with "zpa_"): read the click, let the bot decide.
import { handleAction, type ActionInput } from "../../bot/actions.js";
import type { Bot } from "../../bot/bot.js";
import { send } from "../send.js";
import type { ListenerRouter } from "../router.js";

const OUR_ACTIONS = /^zpa_/;

interface Container {
  channel_id?: string;
  thread_ts?: string;
  is_ephemeral?: boolean;
}

export function registerBlockActions(app: ListenerRouter, bot: Bot): void {
  app.action(OUR_ACTIONS, async ({ ack, body, action, client, respond }) => {
    await ack();
    const value =
      action.type === "static_select" ? action.selected_option?.value : "value" in action ? action.value : undefined;
    const container = body.container as Container | undefined;
    const channelId = body.channel?.id ?? container?.channel_id;
    const threadTs = body.message?.thread_ts ?? container?.thread_ts;
    const input: ActionInput = {
      actionId: action.action_id,
      value: typeof value === "string" ? value : "",
      userId: body.user.id,
      fromEphemeral: container?.is_ephemeral === true,
      ...(channelId ? { channelId } : {}),
      ...(typeof threadTs === "string" ? { threadTs } : {}),
      ...(body.trigger_id ? { triggerId: body.trigger_id } : {}),
      ...(body.view?.private_metadata ? { metadata: body.view.private_metadata } : {}),
    };
    await send({ client, respond }, await handleAction(bot, input));
  });
}
