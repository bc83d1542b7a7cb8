// /zpa-code: acknowledge at once (Slack allows 3 seconds), then answer privately via response_url.
// `/zpa-code auto on|off|status` also posts a visible note in the channel.
import type { App, Logger } from "@slack/bolt";
import { answerAutoCommand, parseAutoCommand, type NoteResult } from "../../bot/auto-command.js";
import { answerCommand } from "../../bot/command.js";
import type { BotCore } from "../../bot/deps.js";
import { canEditNotes } from "../../bot/editors.js";
import { section } from "../../render/blocks.js";
import type { Message } from "../../render/types.js";
import { send, type Senders } from "./send.js";

const FAILED = "Sorry, I could not answer that just now. Please try again in a minute.";
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

export function registerCommand(app: App, core: BotCore, logger: Logger): void {
  app.command(core.command, async ({ ack, command, respond, client }) => {
    await ack();
    try {
      const text = command.text ?? "";
      const auto = parseAutoCommand(text);
      const message = auto
        ? await answerAutoCommand(core, {
            command: auto,
            channelId: command.channel_id,
            userId: command.user_id,
            postNote: notePoster({ client }, command.channel_id),
          })
        : answerCommand(core, { text, canEdit: await canEditNotes(core, command.user_id) });
      await send({ client, respond }, [{ kind: "respond", visibility: "ephemeral", replaceOriginal: false, message }]);
    } catch (error) {
      logger.error(`${core.command} failed: ${(error as Error).message}`);
      await respond({ response_type: "ephemeral", text: FAILED, blocks: [section(FAILED)] }).catch(() => undefined);
    }
  });
}
