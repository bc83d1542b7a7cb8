// /zpa-code: acknowledge at once (Slack allows 3 seconds), then answer privately via response_url.
import type { App, Logger } from "@slack/bolt";
import { answerCommand } from "../../bot/command.js";
import type { BotCore } from "../../bot/deps.js";
import { section } from "../../render/blocks.js";
import { send } from "./send.js";

const FAILED = "Sorry, I could not answer that just now. Please try again in a minute.";

export function registerCommand(app: App, core: BotCore, logger: Logger): void {
  app.command(core.command, async ({ ack, command, respond, client }) => {
    await ack();
    try {
      const message = answerCommand(core, { text: command.text ?? "" });
      await send({ client, respond }, [{ kind: "respond", visibility: "ephemeral", replaceOriginal: false, message }]);
    } catch (error) {
      logger.error(`${core.command} failed: ${(error as Error).message}`);
      await respond({ response_type: "ephemeral", text: FAILED, blocks: [section(FAILED)] }).catch(() => undefined);
    }
  });
}
