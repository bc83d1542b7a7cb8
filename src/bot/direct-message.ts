// How a DM to the bot differs from a channel message: every message is a question to the bot (no channel
// setting applies), words are answered like a /zpa-code lookup, and the reply stays where it was written.
import { renderAutoNotAChannel } from "../render/auto-setting.js";
import type { Message } from "../render/types.js";
import { withoutMentions } from "../search/query.js";
import type { IncomingMessage } from "./auto-reply.js";
import { parseAutoCommand } from "./auto-command.js";
import type { Bot } from "./bot.js";
import { answerCommand } from "./command.js";

/** Slack's IDs of DM conversations start with D (channels C, private channels G). */
const DIRECT_CHANNEL_ID = /^D[A-Z0-9]{2,}$/;

/** A conversation between one person and the bot, known by its ID where Slack gives no channel_type (clicks). */
export function isDirectChannel(channel: string | undefined): boolean {
  return channel !== undefined && DIRECT_CHANNEL_ID.test(channel);
}

/** A DM to the bot: answered whatever the auto-reply settings, like an @mention. */
export function isDirectMessage(message: IncomingMessage): boolean {
  return message.channelType === "im" || isDirectChannel(message.channel);
}

/**
 * Where the reply goes. In a channel, the message's thread, so a busy channel stays readable. In a DM, next
 * to the message, as in a chat (a thread per question would hide each answer behind "1 reply"); a message
 * written in a DM thread is answered in that thread.
 */
export function replyThreadOf(message: IncomingMessage): string | undefined {
  return isDirectMessage(message) ? message.threadTs : (message.threadTs ?? message.ts);
}

/**
 * What "once per code" is counted in. A channel thread gets each code explained once; in a DM every message
 * asks the bot, so every message is answered (once, whatever Slack redelivers).
 */
export function dedupeScopeOf(message: IncomingMessage): string {
  return isDirectMessage(message) ? message.ts : (message.threadTs ?? message.ts);
}

/**
 * A DM with no code in it, answered as `/zpa-code <words>` would be: a card, "likely" or "possible"
 * answers, suggestions, or the usage for an empty message or "help". No Share button: the card is
 * already a message in the DM. `auto on|off` gets the hint that it is set in a channel.
 */
export function answerDirectWords(core: Bot, text: string): Message {
  const words = withoutMentions(text).trim();
  if (parseAutoCommand(words)) return renderAutoNotAChannel(core.command);
  return answerCommand(core, { text: words }, { share: false });
}
