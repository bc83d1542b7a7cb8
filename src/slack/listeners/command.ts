// /zpa-code: acknowledge at once (Slack allows 3 seconds), decode the text, let the bot answer.
import type { App, Logger } from "@slack/bolt";
import type { Bot } from "../../bot/bot.js";
import { handleCommand } from "../../bot/command.js";
import { section } from "../../render/blocks.js";
import { decodeSlackEntities } from "../../render/escape.js";
import { delivery, send } from "./send.js";

const FAILED = "Sorry, I could not answer that just now. Please try again in a minute.";

export function registerCommand(app: App, bot: Bot, logger: Logger): void {
  app.command(bot.command, async ({ ack, command, respond, client }) => {
    await ack();
    try {
      const input = { text: decodeSlackEntities(command.text ?? ""), userId: command.user_id, channelId: command.channel_id };
      await send({ client, respond }, await handleCommand(bot, input, delivery({ client }, logger)));
    } catch (error) {
      logger.error(`${bot.command} failed: ${(error as Error).message}`);
      await respond({ response_type: "ephemeral", text: FAILED, blocks: [section(FAILED)] }).catch(() => undefined);
    }
  });
}
