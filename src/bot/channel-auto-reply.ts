// Whether unprompted replies happen in a channel, and why: a channel's own override (set with
// `/zpa-code auto on|off`) wins over AUTO_REPLY and AUTO_REPLY_CHANNELS.
import type { AutoReplySettings } from "../config.js";
import type { ChannelSetting } from "../state/store.js";
import type { Bot } from "./bot.js";

export type AutoReplySource =
  /** Someone ran `/zpa-code auto on|off` here. */
  | "channel"
  /** AUTO_REPLY=off, and no override. */
  | "AUTO_REPLY"
  /** AUTO_REPLY_CHANNELS lists (or leaves out) this channel, and no override. */
  | "AUTO_REPLY_CHANNELS"
  /** AUTO_REPLY on, no channel list, no override. */
  | "default";

export interface EffectiveAutoReply {
  on: boolean;
  source: AutoReplySource;
  /** The override, when source is "channel". */
  setting?: ChannelSetting;
}

export function effectiveAutoReply(env: AutoReplySettings, channel: string, override: ChannelSetting | null): EffectiveAutoReply {
  if (override) return { on: override.autoReply === "on", source: "channel", setting: override };
  if (!env.enabled) return { on: false, source: "AUTO_REPLY" };
  if (env.channels !== null) return { on: env.channels.has(channel), source: "AUTO_REPLY_CHANNELS" };
  return { on: true, source: "default" };
}

/** Reads the channel's override from the store (may reject with StateUnavailableError). */
export async function channelAutoReply(core: Bot, channel: string): Promise<EffectiveAutoReply> {
  const override = core.state ? await core.state.store.getChannelSetting(channel) : null;
  return effectiveAutoReply(core.autoReply, channel, override);
}
