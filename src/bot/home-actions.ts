// App Home interactions: opening the tab, filters, pages, the search box (and the older search modal) and View.
import { COMPONENTS, SEVERITIES, type Component, type Severity } from "../catalog/types.js";
import { ACTION } from "../render/action-ids.js";
import { renderCardModal, renderSearchModal } from "../render/modals.js";
import { cardFor } from "./card-for.js";
import type { BotCore } from "./deps.js";
import { alsoNamedBy } from "./entries.js";
import { buildHome } from "./home.js";
import { normalizeQuery, parseHomeState, serializeHomeState, type HomeState } from "./home-state.js";
import type { Outgoing } from "./outgoing.js";

export interface HomeActionInput {
  /** The action id without its ":suffix". */
  action: string;
  /** Button value or selected option value. */
  value: string;
  userId: string;
  triggerId?: string;
  /** private_metadata of the view the click came from. */
  metadata?: string;
}

function publish(core: BotCore, userId: string, state: HomeState): Outgoing {
  return { kind: "publishHome", userId, view: buildHome(core, state) };
}

/** app_home_opened: show the tab as the user left it (its own metadata), or the first page. */
export function openHome(core: BotCore, userId: string, metadata?: string): Outgoing[] {
  return [publish(core, userId, parseHomeState(metadata))];
}

function pick<T extends string>(value: string, allowed: readonly T[]): T | null {
  return (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

export function handleHomeAction(core: BotCore, input: HomeActionInput): Outgoing[] {
  const state = parseHomeState(input.metadata);
  switch (input.action) {
    case ACTION.homeComponent:
      return [publish(core, input.userId, { ...state, component: pick<Component>(input.value, COMPONENTS), page: 1 })];
    case ACTION.homeSeverity:
      return [publish(core, input.userId, { ...state, severity: pick<Severity>(input.value, SEVERITIES), page: 1 })];
    case ACTION.homeNoted:
      return [publish(core, input.userId, { ...state, noted: input.value === "on", page: 1 })];
    case ACTION.homeClearFilters:
      return [publish(core, input.userId, { ...state, component: null, severity: null, noted: false, page: 1 })];
    case ACTION.homeQuery:
      // An empty box (Enter on nothing) shows every code again.
      return [publish(core, input.userId, { ...state, query: normalizeQuery(input.value), page: 1 })];
    case ACTION.homePage: {
      const page = Number.parseInt(input.value, 10);
      return [publish(core, input.userId, { ...state, page: Number.isFinite(page) ? page : 1 })];
    }
    case ACTION.homeClearSearch:
      return [publish(core, input.userId, { ...state, query: null, page: 1 })];
    case ACTION.homeSearch:
      if (!input.triggerId) return [];
      return [{ kind: "openModal", triggerId: input.triggerId, view: renderSearchModal(serializeHomeState(state)) }];
    case ACTION.homeView: {
      const entry = core.search.byCode(input.value);
      if (!entry || !input.triggerId) return [publish(core, input.userId, state)];
      const card = cardFor(core, entry, { alsoNames: alsoNamedBy(core.search, entry) });
      return [{ kind: "openModal", triggerId: input.triggerId, view: renderCardModal(card) }];
    }
    default:
      return [];
  }
}

export interface SearchSubmitInput {
  userId: string;
  /** The search modal's private_metadata: the home state it was opened from. */
  metadata?: string;
  query: string | null | undefined;
}

export type SearchSubmitResult =
  /** Keep the modal open with this message under the input. */
  | { kind: "invalid"; error: string }
  | { kind: "ok"; outgoing: Outgoing[] };

export function submitSearch(core: BotCore, input: SearchSubmitInput): SearchSubmitResult {
  const query = normalizeQuery(input.query);
  if (query === null) return { kind: "invalid", error: "Type a code, part of one, or a few words." };
  const state = parseHomeState(input.metadata);
  return { kind: "ok", outgoing: [publish(core, input.userId, { ...state, query, page: 1 })] };
}
