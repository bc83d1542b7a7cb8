// Builds the listeners' dependencies once at start: the catalog, its search, and the auto-reply switches.
// The state (openState) is added by the caller: it is async and may fail in ways start-up reports.
import { DEFAULT_CATALOG_PATH, loadCatalog } from "../catalog/load.js";
import { createSearch } from "../search/index.js";
import type { AutoReplySettings, BotDeps } from "./listeners/index.js";

export function loadBotDeps(autoReply: AutoReplySettings, catalogPath: string = DEFAULT_CATALOG_PATH): BotDeps {
  const catalog = loadCatalog(catalogPath);
  return { catalog, search: createSearch(catalog), autoReply };
}
