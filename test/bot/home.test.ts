// The App Home on the real catalog: every filter and page combination fits Slack's view limits (with
// "Seen this week" at its largest), pages cover the filtered codes exactly once, and all state travels
// in private_metadata.
import { beforeAll, describe, expect, it } from "vitest";
import { createBot, type Bot } from "../../src/bot/bot.js";
import { buildHome, HOME_PAGE_SIZE } from "../../src/bot/home.js";
import { handleHomeAction, openHome, submitSearch } from "../../src/bot/home-actions.js";
import { INITIAL_HOME_STATE, parseHomeState, serializeHomeState, type HomeState } from "../../src/bot/home-state.js";
import type { Outgoing } from "../../src/bot/outgoing.js";
import { loadCatalog } from "../../src/catalog/load.js";
import { COMPONENTS, SEVERITIES, type Entry } from "../../src/catalog/types.js";
import { ACTION, SEARCH_MODAL } from "../../src/render/action-ids.js";
import { LIMITS, viewViolations } from "../../src/render/limits.js";
import type { HomeView, StaticSelect } from "../../src/render/types.js";
import { SEEN_BLOCK_PREFIX } from "../../src/render/home.js";
import { DAY_MS } from "../../src/state/buckets.js";
import { createMemoryStore } from "../../src/state/memory-store.js";
import { systemClock, type StateStore } from "../../src/state/store.js";
import { createSightings, createUserHasher } from "../../src/state/sightings.js";
import { codeLookup } from "../../src/runbook/open.js";
import { parseRunbook } from "../../src/runbook/parse.js";
import { fixedRunbook } from "../../src/runbook/source.js";
import { createSearch } from "../../src/search/index.js";

const catalog = loadCatalog();

/** A runbook naming a few codes of its own, so the team-note filter has something to show. */
const NOTED = ["BRK_MT_SETUP_TIMEOUT", "AST_MT_SETUP_TIMEOUT_CANNOT_CONN_TO_BROKER", "BRK_MT_AUTH_SAML_FINGER_PRINT_FAIL"];
const runbook = parseRunbook(
  `notes:\n  - codes: [${NOTED.join(", ")}]\n    text: ours\n  - component: AC\n    text: broad\n`,
  "runbook.yml",
  codeLookup(createSearch(catalog)),
);

function botWith(store: StateStore): Bot {
  const sightings = createSightings(store, { hashUser: createUserHasher("bot-home-test-salt-01"), spikeWindowMs: 60_000, spikeMinPeople: 5 });
  return createBot(
    { catalog, autoReply: { enabled: true, channels: null, dedupeHours: 24 }, runbook: fixedRunbook(runbook) },
    { store, sightings, clock: systemClock },
  );
}

const bot = botWith(createMemoryStore({ retentionMs: 30 * DAY_MS, recentWindowMs: 60_000 }));
/** "Seen this week" at its largest: ten rows, the catalog's longest titles, several-digit counts. */
const longestTitles = [...catalog.entries].sort((a, b) => b.title.length - a.title.length).slice(0, 10);
beforeAll(async () => {
  for (const [i, entry] of longestTitles.entries()) {
    for (let n = 0; n < 12 - i; n += 1) await bot.state!.sightings.record(entry.code, "C0OPS", `U0PERSON${n}`);
  }
});

const isSeenRow = (block: HomeView["blocks"][number]): boolean => block.type === "section" && (block.block_id ?? "").startsWith(SEEN_BLOCK_PREFIX);

function listedCodes(view: HomeView): string[] {
  return view.blocks.flatMap((b) =>
    b.type === "section" && !isSeenRow(b) && b.accessory?.action_id.startsWith(`${ACTION.homeView}:`) ? [b.accessory.value ?? ""] : [],
  );
}

function seenRows(view: HomeView): Array<{ text: string; view?: string }> {
  return view.blocks.flatMap((b) => (b.type === "section" && isSeenRow(b) ? [{ text: b.text?.text ?? "", ...(b.accessory ? { view: b.accessory.value } : {}) }] : []));
}

function pageLine(view: HomeView): string {
  const line = view.blocks.find((b) => b.type === "context" && /Codes \d/.test(b.elements[0]?.text ?? ""));
  return line?.type === "context" ? line.elements.map((e) => e.text).join(" ") : "";
}

function selects(view: HomeView): StaticSelect[] {
  return view.blocks.flatMap((b) => (b.type === "actions" ? b.elements.filter((e): e is StaticSelect => e.type === "static_select") : []));
}

function published(outgoing: Outgoing[]): HomeView {
  const [out] = outgoing;
  if (out?.kind !== "publishHome") throw new Error(`expected publishHome, got ${out?.kind}`);
  return out.view;
}

const matches = (state: HomeState) => (e: Entry): boolean =>
  (state.component === null || e.component === state.component) &&
  (state.severity === null || e.severity === state.severity) &&
  (!state.noted || NOTED.includes(e.code));

describe("App Home", () => {
  it("every component × severity × team-note × page combination fits, and the pages list each matching code once", async () => {
    let views = 0;
    for (const component of [null, ...COMPONENTS]) {
      for (const severity of [null, ...SEVERITIES]) for (const noted of [false, true]) {
        const state: HomeState = { ...INITIAL_HOME_STATE, component, severity, noted };
        const expected = catalog.entries.filter(matches(state)).map((e) => e.code).sort();
        const pageCount = Math.max(1, Math.ceil(expected.length / HOME_PAGE_SIZE));
        const seen: string[] = [];
        for (let page = 1; page <= pageCount; page += 1) {
          const view = await buildHome(bot, { ...state, page });
          views += 1;
          expect(seenRows(view)).toHaveLength(10);
          expect(viewViolations(view), JSON.stringify(state)).toEqual([]);
          expect(view.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerView);
          expect(Buffer.byteLength(JSON.stringify(view))).toBeLessThan(LIMITS.viewBytes);
          const codes = listedCodes(view);
          expect(codes.length).toBeLessThanOrEqual(HOME_PAGE_SIZE);
          if (expected.length > 0) expect(pageLine(view)).toContain(`page ${page} of ${pageCount}`);
          expect(parseHomeState(view.private_metadata)).toEqual({ ...state, page });
          seen.push(...codes);
        }
        expect(seen, JSON.stringify(state)).toEqual(expected);
      }
    }
    expect(views).toBeGreaterThan(30);
  });

  it("shows severity emoji, code and title per line with a View button, and Previous/Next as needed", async () => {
    const first = await buildHome(bot, INITIAL_HOME_STATE);
    const row = first.blocks.find((b) => b.type === "section" && b.accessory);
    expect(row?.type === "section" && row.text?.text).toMatch(/^:[a-z_]+: `[A-Z0-9_]+`  \S/);
    const pager = (view: HomeView): string[] =>
      view.blocks.flatMap((b) => (b.type === "actions" ? b.elements.filter((e) => e.action_id.startsWith(ACTION.homePage)).map((e) => e.type === "button" ? e.text.text : "") : []));
    expect(pager(first)).toEqual(["Next"]);
    const pages = Math.ceil(catalog.entries.length / HOME_PAGE_SIZE);
    expect(pageLine(first)).toContain(`page 1 of ${pages}`);
    expect(pager(await buildHome(bot, { ...INITIAL_HOME_STATE, page: 2 }))).toEqual(["Previous", "Next"]);
    expect(pager(await buildHome(bot, { ...INITIAL_HOME_STATE, page: pages }))).toEqual(["Previous"]);
    // A page past the end shows the last page instead of nothing.
    expect(pageLine(await buildHome(bot, { ...INITIAL_HOME_STATE, page: 999 }))).toContain(`page ${pages} of ${pages}`);
  });

  it("labels the filters with counts and keeps the current choice selected", async () => {
    const view = await buildHome(bot, { ...INITIAL_HOME_STATE, component: "AC" });
    const [component, severity] = selects(view);
    const acCount = catalog.entries.filter((e) => e.component === "AC").length;
    expect(component?.initial_option?.value).toBe("AC");
    expect(component?.options.map((o) => o.value)).toEqual(["all", ...COMPONENTS]);
    expect(component?.options.find((o) => o.value === "AC")?.text.text).toContain(`(${acCount})`);
    expect(severity?.initial_option?.value).toBe("all");
    expect(severity?.options[0]?.text.text).toContain(`(${acCount})`);
  });

  it("filters and pages through the view's own metadata, starting again at page 1 on a new filter", async () => {
    const page3 = await buildHome(bot, { ...INITIAL_HOME_STATE, page: 3 });
    const filtered = published(await handleHomeAction(bot, { action: ACTION.homeSeverity, value: "policy", userId: "U1", metadata: page3.private_metadata }));
    expect(parseHomeState(filtered.private_metadata)).toEqual({ ...INITIAL_HOME_STATE, severity: "policy", page: 1 });
    expect(listedCodes(filtered).every((code) => bot.search.byCode(code)?.severity === "policy")).toBe(true);

    const next = published(await handleHomeAction(bot, { action: ACTION.homePage, value: "2", userId: "U1", metadata: page3.private_metadata }));
    expect(parseHomeState(next.private_metadata).page).toBe(2);

    const all = published(await handleHomeAction(bot, { action: ACTION.homeComponent, value: "all", userId: "U1", metadata: filtered.private_metadata }));
    expect(parseHomeState(all.private_metadata)).toEqual({ ...INITIAL_HOME_STATE, severity: "policy" });
  });

  it("a Home published before the search box still searches from the modal, keeping the filters, and clears back", async () => {
    const start = await buildHome(bot, { ...INITIAL_HOME_STATE, component: "SE" });
    const [open] = await handleHomeAction(bot, { action: ACTION.homeSearch, value: "open", userId: "U1", triggerId: "t1", metadata: start.private_metadata });
    expect(open?.kind).toBe("openModal");
    const modal = open?.kind === "openModal" ? open.view : undefined;
    expect(modal?.callback_id).toBe(SEARCH_MODAL.callbackId);
    expect(viewViolations(modal!)).toEqual([]);

    const [empty] = await submitSearch(bot, { userId: "U1", metadata: modal?.private_metadata, query: "   " });
    expect(empty?.kind).toBe("inputErrors");

    const found = published(await submitSearch(bot, { userId: "U1", metadata: modal?.private_metadata, query: "saml fingerprint" }));
    expect(listedCodes(found)[0]).toBe("BRK_MT_AUTH_SAML_FINGER_PRINT_FAIL");
    expect(listedCodes(found).every((code) => bot.search.byCode(code)?.component === "SE")).toBe(true);
    expect(JSON.stringify(found.blocks)).toContain("Clear search");
    expect(JSON.stringify(found.blocks)).toContain("“saml fingerprint”");

    const cleared = published(await handleHomeAction(bot, { action: ACTION.homeClearSearch, value: "clear", userId: "U1", metadata: found.private_metadata }));
    // Clear search keeps the filters and gives the search box a new id, so Slack shows it empty.
    expect(parseHomeState(cleared.private_metadata)).toEqual({ ...INITIAL_HOME_STATE, component: "SE", searchBox: 1 });
    const box = (view: HomeView) => view.blocks.find((b) => b.type === "input")?.block_id;
    expect(box(cleared)).not.toBe(box(found));
  });

  it("fits every filter combination during searches too, including a hostile one", async () => {
    for (const query of ["timeout", "BRK_MT_SETUP_TIMEOUT", "<!channel> <@U123>", "x".repeat(5_000)]) {
      for (const component of [null, ...COMPONENTS]) {
        for (const severity of [null, ...SEVERITIES]) {
          const view = published(await submitSearch(bot, { userId: "U1", metadata: serializeHomeState({ ...INITIAL_HOME_STATE, component, severity }), query }));
          expect(seenRows(view)).toHaveLength(10);
          expect(viewViolations(view)).toEqual([]);
          expect(view.private_metadata.length).toBeLessThanOrEqual(LIMITS.privateMetadata);
          expect(JSON.stringify(view)).not.toMatch(/<!channel>|<@U123>/);
        }
      }
    }
  });

  it("keeps a search with <, > and & intact through the metadata without a raw mention in it", async () => {
    const state: HomeState = { ...INITIAL_HOME_STATE, query: "<!channel> & <@U123> timeout", page: 2 };
    const metadata = serializeHomeState(state);
    expect(metadata).not.toMatch(/[<>&]/);
    expect(parseHomeState(metadata)).toEqual(state);
  });

  it("View opens the full card in a modal", async () => {
    const [out] = await handleHomeAction(bot, { action: ACTION.homeView, value: "BRK_MT_SETUP_TIMEOUT", userId: "U1", triggerId: "t2" });
    expect(out?.kind).toBe("openModal");
    const view = out?.kind === "openModal" ? out.view : undefined;
    expect(view?.blocks[0]).toMatchObject({ type: "header", text: { text: "BRK_MT_SETUP_TIMEOUT" } });
    expect(viewViolations(view!)).toEqual([]);
  });

  it("opens where the user left it, and falls back to page 1 of everything on unreadable metadata", async () => {
    const left = serializeHomeState({ ...INITIAL_HOME_STATE, component: "BA" });
    expect(parseHomeState(published(await openHome(bot, { userId: "U1", metadata: left })).private_metadata).component).toBe("BA");
    for (const junk of [undefined, "", "not json", '{"c":"XX","k":null,"q":null,"p":1}', '{"p":-4}', JSON.stringify({ c: null, k: null, q: "x".repeat(5000), p: 1 })]) {
      expect(parseHomeState(published(await openHome(bot, { userId: "U1", ...(junk === undefined ? {} : { metadata: junk }) })).private_metadata)).toEqual(INITIAL_HOME_STATE);
    }
  });
});

describe("App Home layout and search", () => {
  const kinds = (view: HomeView): string[] => view.blocks.map((b) => (b.type === "section" && isSeenRow(b) ? "seen" : b.type));

  it("leads with the search box and filters, then the list, and puts Seen this week last", async () => {
    const view = await buildHome(bot, INITIAL_HOME_STATE);
    const order = kinds(view);
    const input = order.indexOf("input");
    const controls = view.blocks.findIndex((b) => b.type === "actions" && b.block_id === "zpa_home_controls");
    const firstRow = view.blocks.findIndex((b) => b.type === "section" && !isSeenRow(b) && b.accessory?.action_id.startsWith(ACTION.homeView));
    expect(input).toBeGreaterThan(0);
    expect(controls).toBe(input + 1);
    expect(firstRow).toBeGreaterThan(controls);
    expect(order.indexOf("seen")).toBeGreaterThan(firstRow);
    const box = view.blocks[input]!;
    expect(box.type === "input" && box.dispatch_action).toBe(true);
    expect(box.type === "input" && box.element.action_id).toBe(ACTION.homeQuery);
  });

  it("searches inline: Enter in the box lists every SAML code (all 10), and Clear search brings all codes back", async () => {
    const saml = catalog.entries.filter((e) => /SAML/.test(e.code)).map((e) => e.code).sort();
    expect(saml).toHaveLength(10);
    const found = published(await handleHomeAction(bot, { action: ACTION.homeQuery, value: "saml", userId: "U1", metadata: serializeHomeState(INITIAL_HOME_STATE) }));
    expect(parseHomeState(found.private_metadata)).toMatchObject({ query: "saml", page: 1 });
    expect(listedCodes(found)).toEqual(expect.arrayContaining(saml));
    expect(viewViolations(found)).toEqual([]);
    // The box keeps its block id while searching, so Slack keeps showing what was typed in it.
    const boxId = (view: HomeView) => view.blocks.find((block) => block.type === "input")?.block_id;
    expect(boxId(found)).toBe(boxId(await buildHome(bot, INITIAL_HOME_STATE)));

    // Paging a long result is covered in home-search.test.ts.
    const cleared = published(await handleHomeAction(bot, { action: ACTION.homeClearSearch, value: "clear", userId: "U1", metadata: found.private_metadata }));
    expect(parseHomeState(cleared.private_metadata).query).toBeNull();
    expect(pageLine(cleared)).toContain(`of ${catalog.entries.length}`);
  });

  it("says 'No codes' once, with a Clear filters button that clears them", async () => {
    const state: HomeState = { ...INITIAL_HOME_STATE, component: "BA", severity: "success", query: "saml" };
    const view = await buildHome(bot, state);
    const text = JSON.stringify(view.blocks);
    expect(text.match(/no code|No code/g)).toHaveLength(1);
    const clear = view.blocks.flatMap((b) => (b.type === "section" && b.accessory?.action_id === ACTION.homeClearFilters ? [b.accessory] : []));
    expect(clear).toHaveLength(1);
    const cleared = published(await handleHomeAction(bot, { action: ACTION.homeClearFilters, value: "clear", userId: "U1", metadata: view.private_metadata }));
    expect(parseHomeState(cleared.private_metadata)).toEqual({ ...INITIAL_HOME_STATE, query: "saml" });
  });

  it("filters by severity, what each row shows: Info lists no success row such as AST_MT_TERMINATED", async () => {
    expect(bot.search.byCode("AST_MT_TERMINATED")).toMatchObject({ category: "info", severity: "success" });
    const info = await buildHome(bot, { ...INITIAL_HOME_STATE, severity: "info" });
    const rows = info.blocks.flatMap((b) => (b.type === "section" && !isSeenRow(b) && b.accessory?.action_id.startsWith(ACTION.homeView) ? [b.text?.text ?? ""] : []));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/^:information_source: /);
  });

  it("counts the codes with a team note of their own and filters to them", async () => {
    const view = await buildHome(bot, INITIAL_HOME_STATE);
    const toggle = view.blocks.flatMap((b) => (b.type === "actions" ? b.elements : [])).find((e) => e.action_id === ACTION.homeNoted);
    expect(toggle?.type === "button" && toggle.text.text).toBe(`With a team note (${NOTED.length})`);
    const noted = published(await handleHomeAction(bot, { action: ACTION.homeNoted, value: "on", userId: "U1", metadata: view.private_metadata }));
    expect([...listedCodes(noted)].sort()).toEqual([...NOTED].sort());
    const seOnly = await buildHome(bot, { ...INITIAL_HOME_STATE, component: "SE", noted: true });
    expect(listedCodes(seOnly).every((code) => bot.search.byCode(code)?.component === "SE")).toBe(true);
  });
});

describe("Seen this week", () => {
  it("lists the most seen codes first with times and distinct people, each with View opening its card", async () => {
    const rows = seenRows(await buildHome(bot, INITIAL_HOME_STATE));
    expect(rows.map((row) => row.view)).toEqual(longestTitles.map((e) => e.code));
    expect(rows[0]!.text).toContain(`\`${longestTitles[0]!.code}\``);
    expect(rows[0]!.text).toMatch(/\n12 times · 12 people$/);
    expect(rows[9]!.text).toMatch(/\n3 times · 3 people$/);
    const [out] = await handleHomeAction(bot, { action: ACTION.homeView, value: rows[0]!.view!, userId: "U1", triggerId: "t3" });
    expect(out?.kind === "openModal" && out.view.blocks[0]).toMatchObject({ type: "header", text: { text: longestTitles[0]!.code } });
  });

  it("says so when nothing was seen (an unreachable store is covered in replicas.test.ts)", async () => {
    const empty = botWith(createMemoryStore({ retentionMs: DAY_MS, recentWindowMs: 60_000 }));
    const text = JSON.stringify((await buildHome(empty, INITIAL_HOME_STATE)).blocks);
    expect(text).toContain("*Seen this week*");
    expect(text).toContain("Nothing seen yet this week.");
  });

  it("is left out for a bot without state", async () => {
    const { state: _state, ...stateless } = bot;
    expect(JSON.stringify((await buildHome(stateless, INITIAL_HOME_STATE)).blocks)).not.toContain("Seen this week");
  });
});
