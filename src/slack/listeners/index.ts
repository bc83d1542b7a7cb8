import type { App } from "@slack/bolt";
import type { Catalog } from "../../catalog/types.js";
import type { Search } from "../../search/types.js";

/** Auto-reply switches from the environment (AUTO_REPLY, AUTO_REPLY_CHANNELS, AUTO_REPLY_DEDUPE_HOURS). */
export interface AutoReplySettings {
  enabled: boolean;
  /** null = every channel the bot is in. */
  channels: ReadonlySet<string> | null;
  dedupeHours: number;
}

/** Everything the listeners need; surfaces build it once at start. */
export interface BotDeps {
  catalog: Catalog;
  search: Search;
  autoReply: AutoReplySettings;
}

/** Registers every listener on a Bolt app. (Seam between app start-up and the listeners.) */
export function registerListeners(_app: App, _deps: BotDeps): void {
  // Filled in by the listeners work.
}
