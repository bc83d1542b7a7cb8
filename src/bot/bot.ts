// The bot: what every flow needs (catalog, search, settings, state), built once by createBot. The
// Slack app, the local preview, the benches and the tests all build it the same way.
import { loadCatalog } from "../catalog/load.js";
import type { Catalog } from "../catalog/types.js";
import type { AutoReplySettings } from "../config.js";
import { createSearch } from "../search/index.js";
import type { Search } from "../search/types.js";
import { MemoryDedupeStore } from "../state/memory-dedupe.js";
import type { State } from "../state/open.js";
import type { DedupeStore } from "../state/store.js";
import type { ImageReading } from "./image-reply.js";
import type { EditorsConfig } from "../runbook/editors.js";
import type { RunbookSource } from "../runbook/source.js";
import { createEditedNotes, type EditedNotes } from "./edited-notes.js";
import { createEditors, type Editors } from "./editors.js";
import type { BotMetrics } from "./metrics.js";

export const DEFAULT_COMMAND = "/zpa-code";

export interface Bot {
  catalog: Catalog;
  search: Search;
  autoReply: AutoReplySettings;
  /** Who already answered what: the state's store, shared by replicas when it is Redis. */
  dedupe: DedupeStore;
  /** The slash command as users type it, for help texts. */
  command: string;
  /**
   * Absent (a bot built without state): only the environment decides where auto-replies happen,
   * nothing is counted, and the App Home has no "Seen this week".
   */
  state?: State;
  /** Counters for operators (GET /metrics); absent where nobody scrapes them (tests, benches). */
  metrics?: BotMetrics;
  /** How screenshots are fetched and read (OCR); absent with OCR=off: images are not read. */
  images?: ImageReading;
  /** The team's runbook file (RUNBOOK_FILE); absent: no file notes. */
  runbook?: RunbookSource;
  /** Notes edited in Slack, as last read from the state's store; absent without state. */
  editedNotes?: EditedNotes;
  /** Who may edit notes (RUNBOOK_EDITORS); nobody unless configured. */
  editors: Editors;
}

/** What createBot reads from the configuration; everything but autoReply has a default. */
export interface BotConfig {
  autoReply: AutoReplySettings;
  /** Default: data/catalog.json. */
  catalog?: Catalog;
  /** Default: a search over the catalog. */
  search?: Search;
  /** Default: /zpa-code. */
  command?: string;
  /** Default: the state's store, or an in-process one for a bot without state. */
  dedupe?: DedupeStore;
  /** Default: none (screenshots are not read); the surface that can fetch files supplies it. */
  images?: ImageReading;
  /** Default: no runbook. */
  runbook?: RunbookSource;
  /** RUNBOOK_EDITORS; default: nobody. */
  editors?: EditorsConfig;
}

/** Builds the bot; pass openState()'s or openInProcessState()'s result to give it memory. */
export function createBot(config: BotConfig, state?: State): Bot {
  const catalog = config.catalog ?? loadCatalog();
  return {
    catalog,
    search: config.search ?? createSearch(catalog),
    autoReply: config.autoReply,
    dedupe: config.dedupe ?? state?.store ?? new MemoryDedupeStore(),
    command: config.command ?? DEFAULT_COMMAND,
    ...(state ? { state, editedNotes: createEditedNotes(state.store) } : {}),
    ...(config.images ? { images: config.images } : {}),
    ...(config.runbook ? { runbook: config.runbook } : {}),
    editors: createEditors(config.editors ?? { users: new Set(), groups: new Set() }),
  };
}
