// Identifiers shared by the renderers (which put them on buttons) and the bot (which routes clicks).
// Ids that carry a code look like "zpa_show:BRK_MT_SETUP_TIMEOUT": Slack wants ids unique per block.

export const ACTION = {
  /** Post the card visibly in the channel. */
  share: "zpa_share",
  /** Replace the private answer with this code's card. */
  show: "zpa_show",
  /** Show this code's card to the clicker only. */
  details: "zpa_details",
  /** Show "For a support ticket" for this code to the clicker only. */
  ticket: "zpa_ticket",
  /** "Right code?" on a guessed card: ":up" or ":down", the value carries query, code and alternatives. */
  feedback: "zpa_feedback",
  /** Open the team-note editor for this code (editors only). */
  editNote: "zpa_note_edit",
  homeComponent: "zpa_home_component",
  homeSeverity: "zpa_home_severity",
  /** Only codes with a team note (value "on"), or all codes again ("off"). */
  homeNoted: "zpa_home_noted",
  homeClearFilters: "zpa_home_clear_filters",
  /** The inline search box (dispatch_action): its value is the query. */
  homeQuery: "zpa_home_query",
  /** Opens the search modal: only Home views published before the inline box still carry it. */
  homeSearch: "zpa_home_search",
  homeClearSearch: "zpa_home_clear",
  homePage: "zpa_home_page",
  homeView: "zpa_home_view",
} as const;

export const SEARCH_MODAL = {
  callbackId: "zpa_home_search_modal",
  blockId: "zpa_query",
  actionId: "zpa_query_input",
} as const;

export function actionId(prefix: string, suffix: string): string {
  return `${prefix}:${suffix}`;
}

/** The team-note editor: one modal per code, the code in private_metadata. */
export const NOTE_MODAL = {
  callbackId: "zpa_note_modal",
  text: { blockId: "zpa_note_text", actionId: "zpa_note_text_input" },
  links: { blockId: "zpa_note_links", actionId: "zpa_note_links_input" },
  owner: { blockId: "zpa_note_owner", actionId: "zpa_note_owner_input" },
} as const;
