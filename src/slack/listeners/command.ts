// /zpa-code: a lookup is answered in the acknowledgement itself (ephemeral; Slack allows 3 seconds), which
// saves a second round trip to the response_url. `auto on|off|status` is acknowledged at once and answered
// on the response_url, since it reads the store and may post a note in the channel.
import type { Logger, RespondArguments } from "@slack/bolt";
import type { Bot } from "../../bot/bot.js";
import { answerLookupNow, handleCommand } from "../../bot/command.js";
import { section } from "../../render/blocks.js";
import { decodeSlackEntities } from "../../render/escape.js";
import type { Message } from "../../render/types.js";
import type { ListenerRouter } from "../router.js";
import { delivery, send } from "../send.js";

const FAILED = "Sorry, I could not answer that just now. Please try again in a minute.";
const FAILED_MESSAGE: Message = { text: FAILED, blocks: [section(FAILED)] };

/** A private answer in the form Slack takes it, in an ack body or on a response_url. */
function ephemeral(message: Message): RespondArguments {
  return { response_type: "ephemeral", text: message.text, blocks: message.blocks };
}

export function registerCommand(app: ListenerRouter, bot: Bot, logger: Logger): void {
  app.command(bot.command, async ({ ack, command, respond, client }) => {
    const input = { text: decodeSlackEntities(command.text ?? ""), userId: command.user_id, channelId: command.channel_id };
    let lookup: Message | null;
    try {
      lookup = await answerLookupNow(bot, input);
    } catch (error) {
      logger.error(`${bot.command} failed: ${(error as Error).message}`);
      lookup = FAILED_MESSAGE;
    }
    if (lookup) {
      await ack(ephemeral(lookup));
      return;
    }
    await ack();
    try {
      await send({ client, respond }, await handleCommand(bot, input, delivery({ client }, logger)));
    } catch (error) {
      logger.error(`${bot.command} failed: ${(error as Error).message}`);
      await respond(ephemeral(FAILED_MESSAGE)).catch(() => undefined);
    }
  });
}
