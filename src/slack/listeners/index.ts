// Wires the bot logic to a Bolt app: one listener per file, all sharing one BotCore.
import type { App, Logger } from "@slack/bolt";
import type { Catalog } from "../../catalog/types.js";
import { DEFAULT_COMMAND, type AutoReplySettings, type BotCore } from "../../bot/deps.js";
import { createEditedNotes } from "../../bot/edited-notes.js";
import { createEditors } from "../../bot/editors.js";
import { NO_EDITORS, type EditorsConfig } from "../../runbook/editors.js";
import { createBotState, type StateHandles } from "../../bot/state.js";
import type { RunbookSource } from "../../runbook/source.js";
import type { Search } from "../../search/types.js";
import type { DedupeStore } from "../../state/dedupe.js";
import { openInProcessState } from "../../state/open.js";
import { registerBlockActions } from "./block-actions.js";
import { registerCommand } from "./command.js";
import { refreshNotesBeforeInteraction, refreshSeenBeforeHome } from "./home-freshness.js";
import { registerHomeOpened } from "./home-opened.js";
import { registerMessages } from "./messages.js";
import { logRateLimits } from "./rate-limits.js";
import { registerNoteSubmit } from "./note-submit.js";
import { registerSearchSubmit } from "./search-submit.js";
import { logStateHealth } from "./state-health.js";

export type { AutoReplySettings } from "../../bot/deps.js";

/** Everything the listeners need; surfaces build it once at start. */
export interface BotDeps {
  catalog: Catalog;
  search: Search;
  autoReply: AutoReplySettings;
  /** Channel settings, sightings and dedupe (openState()); defaults to a fresh in-process state per app. */
  state?: StateHandles;
  /** Who already answered what; defaults to the state's store. */
  dedupe?: DedupeStore;
  /** Defaults to /zpa-code. */
  command?: string;
  /** Defaults to the app's logger. */
  logger?: Logger;
  /** The team's runbook file (openRunbook); absent: no file notes. */
  runbook?: RunbookSource;
  /** RUNBOOK_EDITORS; absent: nobody may edit notes from Slack. */
  editors?: EditorsConfig;
}

/** Registers every listener on a Bolt app. (Seam between app start-up and the listeners.) */
export function registerListeners(app: App, deps: BotDeps): void {
  const handles = deps.state ?? openInProcessState();
  const core: BotCore = {
    catalog: deps.catalog,
    search: deps.search,
    autoReply: deps.autoReply,
    dedupe: deps.dedupe ?? handles.store,
    command: deps.command ?? DEFAULT_COMMAND,
    state: createBotState(handles),
    editedNotes: createEditedNotes(handles.store),
    editors: createEditors(
      deps.editors ?? NO_EDITORS,
      async (usergroup) => (await app.client.usergroups.users.list({ usergroup })).users ?? [],
      (line) => (deps.logger ?? app.logger).warn(line),
    ),
    ...(deps.runbook ? { runbook: deps.runbook } : {}),
  };
  const logger = deps.logger ?? app.logger;
  logStateHealth(handles.store, logger);
  logRateLimits(app, logger);
  app.use(refreshSeenBeforeHome(core, logger));
  app.use(refreshNotesBeforeInteraction(core, logger));
  registerCommand(app, core, logger);
  registerMessages(app, core, logger);
  registerHomeOpened(app, core);
  registerBlockActions(app, core);
  registerSearchSubmit(app, core);
  registerNoteSubmit(app, core);
}
