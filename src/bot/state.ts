// Wraps an opened StateStore and its sightings into what the bot logic uses.
import { systemClock, type Clock, type StateStore } from "../state/store.js";
import type { Sightings } from "../trends/sightings.js";
import type { BotState } from "./deps.js";
import { createSeenThisWeek } from "./seen-this-week.js";

export interface StateHandles {
  store: StateStore;
  sightings: Sightings;
}

export function createBotState(handles: StateHandles, clock: Clock = systemClock): BotState {
  return { ...handles, seenThisWeek: createSeenThisWeek(handles.sightings), clock };
}
