// Texts of `/zpa-code auto on|off|status`: the private answers, and the note everyone in the channel
// sees. People are named only from the user id Slack gave us, never from typed text.
import { context, section } from "./blocks.js";
import { echoUserText, escapeMrkdwn, mentionUser } from "./escape.js";
import type { Message } from "./types.js";

/** Why auto-replies are on or off in a channel. */
export type AutoReason =
  | { kind: "channel"; changedBy: string; changedAtMs: number }
  | { kind: "AUTO_REPLY" }
  | { kind: "AUTO_REPLY_CHANNELS" }
  | { kind: "default" };

const state = (on: boolean): string => (on ? "*on*" : "*off*");
const code = (text: string): string => `\`${escapeMrkdwn(text)}\``;

function message(text: string, hint?: string): Message {
  return { text, blocks: hint ? [section(text), context(hint)] : [section(text)] };
}

/** Slack shows <!date^…> in each reader's own time zone; the part after | is the fallback. */
export function slackDate(ms: number): string {
  const fallback = `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} at {time}|${fallback}>`;
}

function howToChange(command: string): string {
  return `${code(`${command} auto on`)} or ${code(`${command} auto off`)} changes it for everyone here. An @mention of me is always answered.`;
}

function why(on: boolean, reason: AutoReason): string {
  switch (reason.kind) {
    case "channel":
      return `${mentionUser(reason.changedBy)} turned them ${on ? "on" : "off"} here ${slackDate(reason.changedAtMs)}.`;
    case "AUTO_REPLY":
      return "That is this bot's default (AUTO_REPLY=off); nobody has changed it for this channel.";
    case "AUTO_REPLY_CHANNELS":
      return on
        ? "This channel is on the bot's list of auto-reply channels (AUTO_REPLY_CHANNELS); nobody has changed it here."
        : "This channel is not on the bot's list of auto-reply channels (AUTO_REPLY_CHANNELS); nobody has changed it here.";
    case "default":
      return "That is this bot's default (every channel it is in); nobody has changed it for this channel.";
  }
}

export function renderAutoStatus(on: boolean, reason: AutoReason, command: string): Message {
  const what = on ? "I explain pasted ZPA codes in their thread." : "I don't explain pasted codes here.";
  return message(`Auto-replies are ${state(on)} in this channel: ${what} ${why(on, reason)}`, howToChange(command));
}

export function renderAutoAlready(on: boolean, reason: AutoReason, command: string): Message {
  return message(`Auto-replies are already ${state(on)} in this channel, so nothing changed. ${why(on, reason)}`, howToChange(command));
}

export function renderAutoChanged(on: boolean): Message {
  return message(`Done: auto-replies are now ${state(on)} in this channel. I posted a note so everyone here knows who changed it.`);
}

/** The visible one-line note in the channel. */
export function renderAutoNote(on: boolean, userId: string, command: string): Message {
  const text = on
    ? `:gear: ${mentionUser(userId)} turned auto-replies *on* in this channel: I'll explain pasted ZPA codes in their thread (${code(`${command} auto off`)} stops that).`
    : `:gear: ${mentionUser(userId)} turned auto-replies *off* in this channel: I won't explain pasted ZPA codes here until someone runs ${code(`${command} auto on`)}. An @mention still gets an answer.`;
  return message(text);
}

export function renderAutoNotInChannel(): Message {
  return message(
    "I'm not a member of this channel, so I can't post the note that tells everyone who changed the setting, and nothing was changed. " +
      "Invite me (for example `/invite @zpa-codes`), then run the command again.",
  );
}

export function renderAutoNotAChannel(command: string): Message {
  return message(`Auto-replies are set per channel: run ${code(`${command} auto off`)} (or \`on\`, \`status\`) in the channel itself.`);
}

export function renderAutoUnavailable(command: string): Message {
  return message(
    "Channel settings are temporarily unavailable (the bot's shared store cannot be reached), so nothing was changed. " +
      `Try again in a minute; looking codes up with ${code(`${command} CODE`)} still works.`,
  );
}

export function renderAutoNotKept(): Message {
  return message("This bot keeps no channel settings here, so auto-replies follow its configuration only.");
}

export function renderAutoUsage(typed: string, command: string): Message {
  return message(
    `I don't know “${echoUserText(typed, 60)}” after ${code(`${command} auto`)}.`,
    `${code(`${command} auto off`)} stops my replies to pasted codes in this channel, ${code(`${command} auto on`)} turns them back on, ` +
      `and ${code(`${command} auto status`)} says which applies and why.`,
  );
}
