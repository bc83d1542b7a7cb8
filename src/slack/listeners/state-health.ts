// Logs each change of the shared store's health, so an operator sees why auto-replies stopped and when
// they resumed. Returns the unsubscribe function.
import type { Logger } from "@slack/bolt";
import type { StateStore } from "../../state/store.js";

export function logStateHealth(store: StateStore, logger: Logger): () => void {
  return store.onHealthChange((healthy) => {
    if (healthy) logger.warn(`${store.where} is reachable again: auto-replies resume`);
    else logger.warn(`${store.where} is unreachable: skipping auto-replies until it is back (slash commands still answer)`);
  });
}
