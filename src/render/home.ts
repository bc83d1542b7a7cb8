// The App Home tab: what people came for first (search box and filters, then the list of codes),
// "Seen this week" last. Pure: the bot computes the page and the counts; this only lays them out.
import { COMPONENTS, COMPONENT_NAMES, SEVERITIES, type Component, type Entry, type Severity } from "../catalog/types.js";
import { ACTION, actionId } from "./action-ids.js";
import { actions, button, context, divider, echoContext, echoSection, header, option, plain, section } from "./blocks.js";
import { echoUserText, escapeMrkdwn } from "./escape.js";
import { LIMITS } from "./limits.js";
import { MAX_SEARCH_CHARS } from "./modals.js";
import { SEVERITY_LABEL } from "./severity.js";
import { summaryLine } from "./summary.js";
import type { Block, Button, HomeView, SelectOption, StaticSelect } from "./types.js";

export const ALL = "all";
/** Rows "Seen this week" shows at most, whatever it is given: keeps the view far below 100 blocks. */
export const MAX_SEEN_ROWS = 10;

export interface SeenRow {
  code: string;
  count: number;
  people: number;
  /** Undefined for a code no longer in the catalog: listed without a View button. */
  entry: Entry | undefined;
}

export type SeenSection =
  | { status: "ok"; days: number; rows: readonly SeenRow[] }
  | { status: "unavailable" };

export interface HomePage {
  /** Serialized filter/search/page state, carried in the view itself. */
  metadata: string;
  component: Component | null;
  severity: Severity | null;
  query: string | null;
  /** Only codes with a team note of their own. */
  noted: boolean;
  /** The search box's generation: a new one (after Clear search) shows an empty box. */
  searchBox: number;
  /** Codes on this page. */
  entries: readonly Entry[];
  /** Codes matching the filters and search, over all pages. */
  total: number;
  /** 1-based. */
  page: number;
  pageCount: number;
  pageSize: number;
  /** Codes per component and per severity (under the other filters), for the select labels. */
  componentCounts: Readonly<Record<Component | typeof ALL, number>>;
  severityCounts: Readonly<Record<Severity | typeof ALL, number>>;
  /** Codes with a team note of their own, under the other filters and the search. */
  notedCount: number;
  /** The slash command, for the how-to. */
  command: string;
  /** Most seen codes; absent when the bot keeps no state (the section is left out). */
  seen?: SeenSection;
}

/** A filter select whose current choice (or "all" when unfiltered) is shown as selected. */
function filterSelect(actionId: string, placeholder: string, options: SelectOption[], chosen: string | null): StaticSelect {
  const initial = options.find((o) => o.value === (chosen ?? ALL));
  return {
    type: "static_select",
    action_id: actionId,
    placeholder: { type: "plain_text", text: placeholder },
    options,
    ...(initial ? { initial_option: initial } : {}),
  };
}

function componentSelect(page: HomePage): StaticSelect {
  const options = [
    option(`All components (${page.componentCounts.all})`, ALL),
    ...COMPONENTS.map((c) => option(`${c} · ${COMPONENT_NAMES[c]} (${page.componentCounts[c]})`, c)),
  ];
  return filterSelect(ACTION.homeComponent, "Component", options, page.component);
}

function severitySelect(page: HomePage): StaticSelect {
  const options = [
    option(`All severities (${page.severityCounts.all})`, ALL),
    ...SEVERITIES.map((s) => option(`${SEVERITY_LABEL[s]} (${page.severityCounts[s]})`, s)),
  ];
  return filterSelect(ACTION.homeSeverity, "Severity", options, page.severity);
}

function notedToggle(page: HomePage): Button {
  return page.noted
    ? button(`With a team note (${page.notedCount}) ✓`, ACTION.homeNoted, "off", "primary")
    : button(`With a team note (${page.notedCount})`, ACTION.homeNoted, "on");
}

/**
 * The search box. Slack keeps what was typed in a box whose block id it already knows, so the box
 * keeps the query while searching; a new id after "Clear search" empties it. (No initial_value: the
 * query is echoed, escaped, in the line above the list instead.)
 */
export const SEARCH_BLOCK_PREFIX = "zpa_home_query";

function searchBox(page: HomePage): Block {
  return {
    type: "input",
    block_id: `${SEARCH_BLOCK_PREFIX}:${page.searchBox}`,
    dispatch_action: true,
    label: plain("Search codes", LIMITS.inputLabel),
    element: {
      type: "plain_text_input",
      action_id: ACTION.homeQuery,
      placeholder: plain("A code, part of one, or a few words; press Enter", LIMITS.placeholderText),
      max_length: MAX_SEARCH_CHARS,
      dispatch_action_config: { trigger_actions_on: ["on_enter_pressed"] },
    },
  };
}

const hasFilters = (page: HomePage): boolean => page.component !== null || page.severity !== null || page.noted;

function codeRow(entry: Entry): Block {
  return section(summaryLine(entry), button("View", actionId(ACTION.homeView, entry.code), entry.code));
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Block ids of the "Seen this week" rows start with this, so they are told apart from the code list. */
export const SEEN_BLOCK_PREFIX = "zpa_seen:";

function seenRow(row: SeenRow, index: number): Block {
  const counts = `${plural(row.count, "time", "times")} · ${plural(row.people, "person", "people")}`;
  const block = row.entry
    ? section(`${summaryLine(row.entry)}\n${counts}`, button("View", actionId(ACTION.homeView, row.entry.code), row.entry.code))
    : section(`:grey_question: *${escapeMrkdwn(row.code)}*  (no longer in the catalog)\n${counts}`);
  return { ...block, block_id: `${SEEN_BLOCK_PREFIX}${index + 1}` };
}

function seenBlocks(seen: SeenSection | undefined): Block[] {
  if (!seen) return [];
  if (seen.status === "unavailable") {
    return [divider(), section("*Seen this week*"), context("Not available right now: the bot's shared store cannot be reached.")];
  }
  const title = section(`*Seen this week*: codes pasted most in the channels I read, last ${plural(seen.days, "day", "days")}`);
  if (seen.rows.length === 0) return [divider(), title, context("Nothing seen yet this week.")];
  return [divider(), title, ...seen.rows.slice(0, MAX_SEEN_ROWS).map(seenRow)];
}

function pager(page: HomePage): Block[] {
  if (page.pageCount <= 1) return [];
  const buttons = [];
  if (page.page > 1) buttons.push(button("Previous", actionId(ACTION.homePage, "prev"), String(page.page - 1)));
  if (page.page < page.pageCount) buttons.push(button("Next", actionId(ACTION.homePage, "next"), String(page.page + 1)));
  return [actions(buttons, "zpa_home_pager")];
}

/** "No codes …", said once, with the button that undoes what emptied the list. */
function emptyList(page: HomePage): Block {
  if (hasFilters(page)) {
    if (page.query === null) return section("No codes match these filters.", button("Clear filters", ACTION.homeClearFilters, "clear"));
    const what = `*Search:* “${echoUserText(page.query)}”: no code matches with these filters.`;
    return { ...echoSection(what), accessory: button("Clear filters", ACTION.homeClearFilters, "clear") };
  }
  return { ...echoSection(`*Search:* “${echoUserText(page.query ?? "")}”: no code matches.`), accessory: button("Clear search", ACTION.homeClearSearch, "clear") };
}

export function renderHome(page: HomePage): HomeView {
  const controls: Array<Button | StaticSelect> = [componentSelect(page), severitySelect(page), notedToggle(page)];
  if (page.query !== null) controls.push(button("Clear search", ACTION.homeClearSearch, "clear"));
  if (hasFilters(page) && page.total > 0) controls.push(button("Clear filters", ACTION.homeClearFilters, "clear"));

  const blocks: Block[] = [
    header("ZPA session status codes"),
    context(
      `Search or filter below and open any code with *View*. Anywhere in Slack: \`${escapeMrkdwn(page.command)} CODE\`, ` +
        "or invite me to a channel and paste a log line: I answer in the thread.",
    ),
    searchBox(page),
    actions(controls, "zpa_home_controls"),
  ];
  if (page.total > 0) {
    const first = (page.page - 1) * page.pageSize + 1;
    const last = first + page.entries.length - 1;
    const search = page.query !== null ? `*Search:* “${echoUserText(page.query)}”  ·  ` : "";
    // Verbatim: the line echoes what the user typed.
    blocks.push(echoContext(`${search}Codes ${first}–${last} of ${page.total}  ·  page ${page.page} of ${page.pageCount}`));
  }
  blocks.push(divider());
  if (page.entries.length === 0) blocks.push(emptyList(page));
  blocks.push(...page.entries.map(codeRow), ...pager(page), ...seenBlocks(page.seen));
  return { type: "home", private_metadata: page.metadata, blocks };
}
