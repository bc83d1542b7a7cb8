// App Home flows: the tab opened, its filters, pages, the search box (and the older search modal) and View.
import { COMPONENTS, SEVERITIES, type Component, type Severity } from "../catalog/types.js";
import { ACTION, SEARCH_MODAL } from "../render/action-ids.js";
import { renderCardModal, renderSearchModal } from "../render/modals.js";
import { alsoNamedBy } from "./also-named.js";
import type { Bot } from "./bot.js";
import { cardFor } from "./card-for.js";
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

async function publish(core: Bot, userId: string, state: HomeState): Promise<Outgoing[]> {
  // The team-note filter and count include notes edited in Slack since the last read.
  await core.editedNotes?.refresh();
  return [{ kind: "publishHome", userId, view: await buildHome(core, state) }];
}

export interface HomeOpenedInput {
  userId: string;
  /** private_metadata of the Home view published last. */
  metadata?: string;
}

/** Flow: the Home tab was opened. Shows it as the user left it (its own metadata), or the first page. */
export function openHome(core: Bot, input: HomeOpenedInput): Promise<Outgoing[]> {
  return publish(core, input.userId, parseHomeState(input.metadata));
}

function pick<T extends string>(value: string, allowed: readonly T[]): T | null {
  return (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

export async function handleHomeAction(core: Bot, input: HomeActionInput): Promise<Outgoing[]> {
  const state = parseHomeState(input.metadata);
  switch (input.action) {
    case ACTION.homeComponent:
      return publish(core, input.userId, { ...state, component: pick<Component>(input.value, COMPONENTS), page: 1 });
    case ACTION.homeSeverity:
      return publish(core, input.userId, { ...state, severity: pick<Severity>(input.value, SEVERITIES), page: 1 });
    case ACTION.homeNoted:
      return publish(core, input.userId, { ...state, noted: input.value === "on", page: 1 });
    case ACTION.homeClearFilters:
      return publish(core, input.userId, { ...state, component: null, severity: null, noted: false, page: 1 });
    case ACTION.homeQuery:
      // An empty box (Enter on nothing) shows every code again.
      return publish(core, input.userId, { ...state, query: normalizeQuery(input.value), page: 1 });
    case ACTION.homePage: {
      const page = Number.parseInt(input.value, 10);
      return publish(core, input.userId, { ...state, page: Number.isFinite(page) ? page : 1 });
    }
    case ACTION.homeClearSearch:
      return publish(core, input.userId, { ...state, query: null, page: 1, searchBox: state.searchBox + 1 });
    case ACTION.homeSearch:
      if (!input.triggerId) return [];
      return [{ kind: "openModal", triggerId: input.triggerId, view: renderSearchModal(serializeHomeState(state)) }];
    case ACTION.homeView: {
      const entry = core.search.byCode(input.value);
      if (!entry || !input.triggerId) return publish(core, input.userId, state);
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

/** Flow: the Home search modal was submitted. An empty query keeps the modal open with a hint under the box. */
export async function submitSearch(core: Bot, input: SearchSubmitInput): Promise<Outgoing[]> {
  const query = normalizeQuery(input.query);
  if (query === null) return [{ kind: "inputErrors", errors: { [SEARCH_MODAL.blockId]: "Type a code, part of one, or a few words." } }];
  const state = parseHomeState(input.metadata);
  return publish(core, input.userId, { ...state, query, page: 1 });
}
