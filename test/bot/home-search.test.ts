// App Home search: every matching code, paged like the browse list, ranked as the resolver ranks.
import { describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/bot.js";
import { buildHome, HOME_PAGE_SIZE } from "../../src/bot/home.js";
import { handleHomeAction } from "../../src/bot/home-actions.js";
import { INITIAL_HOME_STATE, parseHomeState } from "../../src/bot/home-state.js";
import { loadCatalog } from "../../src/catalog/load.js";
import { ACTION } from "../../src/render/action-ids.js";
import { viewViolations } from "../../src/render/limits.js";
import type { HomeView } from "../../src/render/types.js";
import { createSearch } from "../../src/search/index.js";

const catalog = loadCatalog();
const search = createSearch(catalog);
const bot = createBot({ catalog, search, autoReply: { enabled: true, channels: null, dedupeHours: 24 } });

const listed = (view: HomeView): string[] =>
  view.blocks.flatMap((b) => (b.type === "section" && b.accessory?.action_id.startsWith(`${ACTION.homeView}:`) ? [b.accessory.value ?? ""] : []));

/** Every page of a search, in order. */
async function allPages(query: string): Promise<string[]> {
  const codes: string[] = [];
  for (let page = 1; ; page++) {
    const view = await buildHome(bot, { ...INITIAL_HOME_STATE, query, page });
    expect(viewViolations(view)).toEqual([]);
    if (parseHomeState(view.private_metadata).page !== page) break;
    codes.push(...listed(view));
  }
  return codes;
}

describe("App Home search", async () => {
  it("returns every code that carries SAML in its code or title, not only the first six", async () => {
    const carriers = catalog.entries.filter((e) => /saml/i.test(`${e.code} ${e.title} ${e.altTitles.join(" ")}`)).map((e) => e.code);
    expect(carriers.length).toBeGreaterThanOrEqual(10);
    expect(await allPages("saml")).toEqual(expect.arrayContaining(carriers));
  });

  it("ranks as the resolver does: its answer leads", async () => {
    const query = "saml fingerprint";
    const { match, alternatives } = search.resolve(query);
    expect((await allPages(query)).slice(0, 1 + alternatives.length)).toEqual([match!, ...alternatives].map((e) => e.code));
  });

  it("pages a long result like the browse list, each code once", async () => {
    const codes = await allPages("FOHH_CLOSE_REASON");
    const family = catalog.entries.filter((e) => e.code.startsWith("FOHH_CLOSE_REASON_")).map((e) => e.code);
    expect(codes.length).toBeGreaterThan(HOME_PAGE_SIZE);
    expect([...codes].sort()).toEqual([...family].sort());
  });

  it("lists nothing for junk", async () => {
    expect(await allPages("ORA-12541")).toEqual([]);
  });

  it("clears back to the full list", async () => {
    const found = await buildHome(bot, { ...INITIAL_HOME_STATE, query: "saml", page: 1 });
    const [out] = await handleHomeAction(bot, { action: ACTION.homeClearSearch, value: "clear", userId: "U1", metadata: found.private_metadata });
    if (out?.kind !== "publishHome") throw new Error("expected publishHome");
    // The search box gets a new block id (searchBox), so Slack shows it empty again.
    expect(parseHomeState(out.view.private_metadata)).toEqual({ ...INITIAL_HOME_STATE, searchBox: 1 });
    expect(JSON.stringify(out.view.blocks)).toContain(`of ${catalog.entries.length}`);
  });
});
