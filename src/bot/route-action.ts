// Which handler owns a clicked element, from its action id alone. The click flow (actions.ts) asks this
// one table for the Slack app and the local preview, so a button cannot work on one surface and not the other.
import { ACTION } from "../render/action-ids.js";
import type { CardActionInput } from "./card-actions.js";

export type HomeActionName =
  | typeof ACTION.homeComponent
  | typeof ACTION.homeSeverity
  | typeof ACTION.homeNoted
  | typeof ACTION.homeClearFilters
  | typeof ACTION.homeQuery
  | typeof ACTION.homeSearch
  | typeof ACTION.homeClearSearch
  | typeof ACTION.homePage
  | typeof ACTION.homeView;

export type ActionRoute =
  /** A button on a card or list: share, show (replace the private answer) or details. */
  | { handler: "card"; action: CardActionInput["action"] }
  /** A filter, page, search or View control on App Home. */
  | { handler: "home"; action: HomeActionName }
  /** "Edit team note" on a card (editors only). */
  | { handler: "note" }
  /** "Right code?" 👍 / 👎 on a guessed card. */
  | { handler: "feedback" };

const ROUTES: ReadonlyMap<string, ActionRoute> = new Map<string, ActionRoute>([
  [ACTION.share, { handler: "card", action: "share" }],
  [ACTION.show, { handler: "card", action: "show" }],
  [ACTION.details, { handler: "card", action: "details" }],
  [ACTION.ticket, { handler: "card", action: "ticket" }],
  [ACTION.editNote, { handler: "note" }],
  [ACTION.feedback, { handler: "feedback" }],
  [ACTION.homeComponent, { handler: "home", action: ACTION.homeComponent }],
  [ACTION.homeSeverity, { handler: "home", action: ACTION.homeSeverity }],
  [ACTION.homeNoted, { handler: "home", action: ACTION.homeNoted }],
  [ACTION.homeClearFilters, { handler: "home", action: ACTION.homeClearFilters }],
  [ACTION.homeQuery, { handler: "home", action: ACTION.homeQuery }],
  [ACTION.homeSearch, { handler: "home", action: ACTION.homeSearch }],
  [ACTION.homeClearSearch, { handler: "home", action: ACTION.homeClearSearch }],
  [ACTION.homePage, { handler: "home", action: ACTION.homePage }],
  [ACTION.homeView, { handler: "home", action: ACTION.homeView }],
]);

/** "zpa_show:CODE" -> "zpa_show": the suffix only keeps ids unique within a block. */
export function actionName(actionId: string): string {
  const colon = actionId.indexOf(":");
  return colon === -1 ? actionId : actionId.slice(0, colon);
}

/** The route for an action id (with or without its ":suffix"), or undefined for an id the bot never renders. */
export function routeAction(actionId: string): ActionRoute | undefined {
  return ROUTES.get(actionName(actionId));
}
