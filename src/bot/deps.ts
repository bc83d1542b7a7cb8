// What the Slack-free bot logic needs; surfaces (Slack listeners, the local preview) build it once.
import type { Catalog } from "../catalog/types.js";
import type { Search } from "../search/types.js";
import type { DedupeStore } from "../state/dedupe.js";

/** Auto-reply switches from the environment (AUTO_REPLY, AUTO_REPLY_CHANNELS, AUTO_REPLY_DEDUPE_HOURS). */
export interface AutoReplySettings {
  enabled: boolean;
  /** null = every channel the bot is in. */
  channels: ReadonlySet<string> | null;
  dedupeHours: number;
}

export interface BotCore {
  catalog: Catalog;
  search: Search;
  autoReply: AutoReplySettings;
  dedupe: DedupeStore;
  /** The slash command as users type it, for help texts. */
  command: string;
}

export const DEFAULT_COMMAND = "/zpa-code";
