// The App Home tab: how-to, "Seen this week", component/category filters, search, and one page of codes.
// Pure: the bot computes the page and the counts; this only lays them out.
import { CATEGORIES, COMPONENTS, COMPONENT_NAMES, type Category, type Component, type Entry } from "../catalog/types.js";
import { ACTION, actionId } from "./action-ids.js";
import { actions, button, context, divider, echoSection, header, option, section } from "./blocks.js";
import { categoryText } from "./card.js";
import { echoUserText, escapeMrkdwn } from "./escape.js";
import { summaryLine } from "./summary.js";
import type { Block, HomeView, SelectOption, StaticSelect } from "./types.js";

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
  category: Category | null;
  query: string | null;
  /** Codes on this page. */
  entries: readonly Entry[];
  /** Codes matching the filters and search, over all pages. */
  total: number;
  /** 1-based. */
  page: number;
  pageCount: number;
  pageSize: number;
  /** Codes per component and per category (under the other filter), for the select labels. */
  componentCounts: Readonly<Record<Component | typeof ALL, number>>;
  categoryCounts: Readonly<Record<Category | typeof ALL, number>>;
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

function categorySelect(page: HomePage): StaticSelect {
  const options = [
    option(`All categories (${page.categoryCounts.all})`, ALL),
    ...CATEGORIES.map((c) => option(`${categoryText(c)} (${page.categoryCounts[c]})`, c)),
  ];
  return filterSelect(ACTION.homeCategory, "Category", options, page.category);
}

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
    return [section("*Seen this week*"), context("Not available right now: the bot's shared store cannot be reached."), divider()];
  }
  const title = section(`*Seen this week*: codes pasted most in the channels I read, last ${plural(seen.days, "day", "days")}`);
  if (seen.rows.length === 0) return [title, context("Nothing seen yet this week."), divider()];
  return [title, ...seen.rows.slice(0, MAX_SEEN_ROWS).map(seenRow), divider()];
}

function pager(page: HomePage): Block[] {
  if (page.pageCount <= 1) return [];
  const buttons = [];
  if (page.page > 1) buttons.push(button("Previous", actionId(ACTION.homePage, "prev"), String(page.page - 1)));
  if (page.page < page.pageCount) buttons.push(button("Next", actionId(ACTION.homePage, "next"), String(page.page + 1)));
  return [actions(buttons, "zpa_home_pager")];
}

export function renderHome(page: HomePage): HomeView {
  const controls = [componentSelect(page), categorySelect(page), button("Search", ACTION.homeSearch, "open", "primary")];
  if (page.query !== null) controls.push(button("Clear search", ACTION.homeClearSearch, "clear"));

  const blocks: Block[] = [
    header("ZPA session status codes"),
    section(
      `Type \`${escapeMrkdwn(page.command)} CODE\` anywhere (a code, part of one, a title or a few words), ` +
        "or invite me to a channel and paste a log line: I answer in the thread. " +
        "Filter or search below, and open any code with *View*.",
    ),
    ...seenBlocks(page.seen),
    actions(controls, "zpa_home_controls"),
  ];
  if (page.query !== null) {
    blocks.push(echoSection(`*Search:* “${echoUserText(page.query)}”, ${page.total} ${page.total === 1 ? "code" : "codes"}`));
  }
  const first = (page.page - 1) * page.pageSize + 1;
  const last = first + page.entries.length - 1;
  blocks.push(
    context(
      page.total === 0
        ? "No codes"
        : `Codes ${first}–${last} of ${page.total}  ·  page ${page.page} of ${page.pageCount}`,
    ),
    divider(),
  );
  if (page.entries.length === 0) {
    blocks.push(section(page.query !== null ? "No code matches this search with these filters." : "No codes match these filters."));
  }
  blocks.push(...page.entries.map(codeRow), ...pager(page));
  return { type: "home", private_metadata: page.metadata, blocks };
}
