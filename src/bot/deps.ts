// What the Slack-free bot logic needs; surfaces (Slack listeners, the local preview) build it once.
import type { Catalog } from "../catalog/types.js";
import type { RunbookSource } from "../runbook/source.js";
import type { Search } from "../search/types.js";
import type { DedupeStore } from "../state/dedupe.js";
import type { Clock, StateStore } from "../state/store.js";
import type { Sightings } from "../trends/sightings.js";
import type { EditedNotes } from "./edited-notes.js";
import type { Editors } from "./editors.js";
import type { SeenThisWeek } from "./seen-this-week.js";

/** Auto-reply switches from the environment (AUTO_REPLY, AUTO_REPLY_CHANNELS, AUTO_REPLY_DEDUPE_HOURS). */
export interface AutoReplySettings {
  enabled: boolean;
  /** null = every channel the bot is in. */
  channels: ReadonlySet<string> | null;
  dedupeHours: number;
}

/** Per-channel settings, sightings and the "Seen this week" list, all kept in one StateStore. */
export interface BotState {
  store: StateStore;
  sightings: Sightings;
  seenThisWeek: SeenThisWeek;
  clock: Clock;
}

export interface BotCore {
  catalog: Catalog;
  search: Search;
  autoReply: AutoReplySettings;
  dedupe: DedupeStore;
  /** The slash command as users type it, for help texts. */
  command: string;
  /**
   * Absent (e.g. a preview without state): only the environment decides where auto-replies happen,
   * nothing is counted, and the App Home has no "Seen this week".
   */
  state?: BotState;
  /** The team's runbook file (RUNBOOK_FILE); absent: no file notes. */
  runbook?: RunbookSource;
  /** Notes edited in Slack, read from the state store; absent without state. */
  editedNotes?: EditedNotes;
  /** Who may edit notes (RUNBOOK_EDITORS); absent: nobody. */
  editors?: Editors;
}

export const DEFAULT_COMMAND = "/zpa-code";
