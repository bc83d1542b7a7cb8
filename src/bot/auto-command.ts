// `/zpa-code auto on|off|status`: turns a channel's auto-replies on or off for everyone in it, with a
// visible note naming who did it. Slack-free: the caller passes a function that posts the note.
import {
  renderAutoAlready,
  renderAutoChanged,
  renderAutoNotAChannel,
  renderAutoNote,
  renderAutoNotInChannel,
  renderAutoNotKept,
  renderAutoStatus,
  renderAutoUnavailable,
  renderAutoUsage,
  type AutoReason,
} from "../render/auto-setting.js";
import { CHANNEL_ID } from "../config.js";
import type { Message } from "../render/types.js";
import { StateUnavailableError, type ChannelSetting } from "../state/store.js";
import { channelAutoReply, type EffectiveAutoReply } from "./channel-auto-reply.js";
import type { Bot } from "./bot.js";

export type AutoCommand =
  | { kind: "set"; autoReply: "on" | "off" }
  | { kind: "status" }
  /** `auto` followed by something else: answered with how to use it. */
  | { kind: "usage"; typed: string };

/** The `auto` subcommand in the command text, or null when the text is a lookup. */
export function parseAutoCommand(text: string): AutoCommand | null {
  const words = text.trim().split(/\s+/);
  if (words[0]?.toLowerCase() !== "auto") return null;
  const rest = words.slice(1);
  const action = rest.length <= 1 ? (rest[0] ?? "status").toLowerCase() : undefined;
  if (action === "on" || action === "off") return { kind: "set", autoReply: action };
  if (action === "status") return { kind: "status" };
  return { kind: "usage", typed: rest.join(" ") };
}

export type NoteResult = "posted" | "not_in_channel";

export interface AutoCommandInput {
  command: AutoCommand;
  channelId: string;
  /** The user id from Slack's payload: the only way the note names anyone. */
  userId: string;
  /** Posts a visible message in channelId; "not_in_channel" when the bot may not post there. */
  postNote(message: Message): Promise<NoteResult>;
}

function reasonOf(effective: EffectiveAutoReply): AutoReason {
  const { setting, source } = effective;
  if (setting) return { kind: "channel", changedBy: setting.changedBy, changedAtMs: setting.changedAtMs };
  return source === "AUTO_REPLY" || source === "AUTO_REPLY_CHANNELS" ? { kind: source } : { kind: "default" };
}

/** The private answer. Store outages become a clear "temporarily unavailable", never an error. */
export async function answerAutoCommand(core: Bot, input: AutoCommandInput): Promise<Message> {
  const { command } = input;
  if (command.kind === "usage") return renderAutoUsage(command.typed, core.command);
  // DMs (D…) have no channel setting to switch.
  if (!CHANNEL_ID.test(input.channelId)) return renderAutoNotAChannel(core.command);
  if (!core.state) return renderAutoNotKept();
  try {
    for (let attempt = 1; ; attempt += 1) {
      const current = await channelAutoReply(core, input.channelId);
      if (command.kind === "status") return renderAutoStatus(current.on, reasonOf(current), core.command);
      // Already so (by override or by configuration): nothing to change, nothing to announce.
      if (current.on === (command.autoReply === "on")) return renderAutoAlready(current.on, reasonOf(current), core.command);
      const changed = await change(core, core.state, input, command.autoReply, current.setting ?? null);
      // Someone else changed it between the read and the write (another replica, a double click): read again.
      if (changed || attempt === MAX_CHANGE_ATTEMPTS) return changed ?? renderAutoUnavailable(core.command);
    }
  } catch (error) {
    if (error instanceof StateUnavailableError) return renderAutoUnavailable(core.command);
    throw error;
  }
}

/** Reads and compare-and-sets this many times at most when others keep changing the setting meanwhile. */
const MAX_CHANGE_ATTEMPTS = 3;

/**
 * One real change, one note: the store's compare-and-set lets exactly one of several concurrent commands
 * win, and only the winner posts the note. A note that cannot go out undoes the change, so a change nobody
 * in the channel was told about is not kept. Null when another change came first.
 */
async function change(
  core: Bot,
  state: NonNullable<Bot["state"]>,
  input: AutoCommandInput,
  autoReply: "on" | "off",
  previous: ChannelSetting | null,
): Promise<Message | null> {
  const on = autoReply === "on";
  const next: ChannelSetting = { autoReply, changedBy: input.userId, changedAtMs: state.clock() };
  if (!(await state.store.replaceChannelSetting(input.channelId, previous, next))) return null;
  let posted: NoteResult;
  try {
    posted = await input.postNote(renderAutoNote(on, input.userId, core.command));
  } catch (error) {
    await state.store.replaceChannelSetting(input.channelId, next, previous).catch(() => false);
    throw error;
  }
  if (posted === "not_in_channel") {
    await state.store.replaceChannelSetting(input.channelId, next, previous);
    return renderAutoNotInChannel();
  }
  return renderAutoChanged(on);
}
