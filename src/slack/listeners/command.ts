// /zpa-code: a lookup is answered in the acknowledgement itself (ephemeral; Slack allows 3 seconds), which
// saves a second round trip to the response_url. `/zpa-code auto on|off|status` acks at once, then answers
// via response_url and posts a visible note in the channel.
import type { Logger } from "@slack/bolt";
import { answerAutoCommand, parseAutoCommand, type NoteResult } from "../../bot/auto-command.js";
import { answerCommand } from "../../bot/command.js";
import type { BotCore } from "../../bot/deps.js";
import { section } from "../../render/blocks.js";
import type { Message } from "../../render/types.js";
import { send, type Senders } from "./send.js";
import type { ListenerRouter } from "./router.js";

const FAILED = "Sorry, I could not answer that just now. Please try again in a minute.";
const FAILED_MESSAGE: Message = { text: FAILED, blocks: [section(FAILED)] };
/** chat.postMessage's answers when the bot is not a member (channel_not_found: a private channel it cannot see). */
const NOT_A_MEMBER = new Set(["not_in_channel", "channel_not_found"]);

function notePoster(senders: Senders, channel: string): (message: Message) => Promise<NoteResult> {
  return async (message) => {
    try {
      await send(senders, [{ kind: "postMessage", channel, message }]);
      return "posted";
    } catch (error) {
      const reason = (error as { data?: { error?: unknown } }).data?.error;
      if (typeof reason === "string" && NOT_A_MEMBER.has(reason)) return "not_in_channel";
      throw error;
    }
  };
}

/** The ephemeral answer as an ack body (Slack shows it to the user who typed the command). */
function ackBody(message: Message) {
  return { response_type: "ephemeral" as const, text: message.text, blocks: message.blocks };
}

export function registerCommand(app: ListenerRouter, core: BotCore, logger: Logger): void {
  app.command(core.command, async ({ ack, command, respond, client }) => {
    const text = command.text ?? "";
    const auto = parseAutoCommand(text);
    if (!auto) {
      let answer: Message;
      try {
        answer = answerCommand(core, { text });
      } catch (error) {
        logger.error(`${core.command} failed: ${(error as Error).message}`);
        answer = FAILED_MESSAGE;
      }
      await ack(ackBody(answer));
      return;
    }
    // The store and the channel note may take longer than the 3 s Slack waits for the ack.
    await ack();
    try {
      const message = await answerAutoCommand(core, {
        command: auto,
        channelId: command.channel_id,
        userId: command.user_id,
        postNote: notePoster({ client }, command.channel_id),
      });
      await send({ client, respond }, [{ kind: "respond", visibility: "ephemeral", replaceOriginal: false, message }]);
    } catch (error) {
      logger.error(`${core.command} failed: ${(error as Error).message}`);
      await respond({ response_type: "ephemeral", ...FAILED_MESSAGE }).catch(() => undefined);
    }
  });
}
