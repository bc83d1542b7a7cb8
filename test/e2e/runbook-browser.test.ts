// The local preview in headless Chromium with a runbook file and the preview user as an editor: team
// notes on the card, editing one, the support-ticket button, "Right code?" and the team-note filter.
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/load.js";
import { PREVIEW_USER } from "../../src/preview/api.js";
import { loadPreviewBot } from "../../src/preview/adapter.js";
import { startPreviewServer, type RunningPreview } from "../../src/preview/server.js";
import { SEEN_BLOCK_PREFIX } from "../../src/render/home.js";
import { ticketPlacement } from "../../src/render/ticket.js";
import { launchBrowser, openWatchedPage, type WatchedPage } from "../support/browser.js";
import { CHROMIUM, describeIfInstalled } from "../support/system-binaries.js";

const RUNBOOK = fileURLToPath(new URL("../fixtures/runbook/valid.yml", import.meta.url));
const catalog = loadCatalog();
const CODE_LIST_VIEWS = `button[data-action-id^='zpa_home_view:']:not([data-block-id^='${SEEN_BLOCK_PREFIX}'])`;

// Everything below needs chromium: skipped with one line naming it when it is missing, failed under CI.
describeIfInstalled(CHROMIUM)("in Chromium", () => {
  let browser: Browser;
  let preview: RunningPreview;
  let watched: WatchedPage | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
    const bot = loadPreviewBot(undefined, { env: { RUNBOOK_FILE: RUNBOOK, RUNBOOK_EDITORS: PREVIEW_USER.id } });
    preview = await startPreviewServer({ bot, host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => {
    await preview?.close();
    await browser?.close();
  });
  afterEach(async () => {
    await watched?.page.context().close();
    watched = undefined;
  });

  async function open(): Promise<WatchedPage> {
    watched = await openWatchedPage(browser);
    await watched.page.goto(preview.url);
    await watched.page.locator("body[data-ready=true]").waitFor();
    return watched;
  }

  async function command(page: WatchedPage["page"], text: string) {
    const before = await page.locator("#messages article.msg-ephemeral").count();
    await page.locator("#composer-input").fill(`/zpa-code ${text}`);
    await page.locator("#composer-input").press("Enter");
    const answer = page.locator("#messages article.msg-ephemeral").nth(before);
    await answer.waitFor();
    return answer;
  }

  describe("the preview with a runbook", () => {
    it("shows the team's note on the card, lets an editor change it, and then says who edited it", async () => {
      const { page, errors } = await open();
      const card = await command(page, "BRK_MT_SETUP_TIMEOUT");
      const text = await card.innerText();
      expect(text).toContain("Your team");
      expect(text).toContain("Check connector group DC-East first");
      expect(text.indexOf("Your team")).toBeGreaterThan(text.indexOf("What to do"));

      await card.locator("button[data-action-id^='zpa_note_edit:']").click();
      const modal = page.locator("#modal-overlay .bk-modal");
      await modal.waitFor();
      const note = modal.locator("textarea[data-action-id='zpa_note_text_input']");
      expect(await note.inputValue()).toContain("DC-East");
      await note.fill("Edited in the preview: check *DC-West* too.");
      await modal.locator("[data-modal-submit]").click();
      await expect.poll(() => page.locator("#modal-overlay").isHidden()).toBe(true);

      const again = await (await command(page, "BRK_MT_SETUP_TIMEOUT")).innerText();
      expect(again).toContain("Edited in the preview: check DC-West too.");
      expect(again).toMatch(/Edited in Slack by .+, \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
      expect(errors).toEqual([]);
    });

    it("shows 'For a support ticket' from its button, and takes a 👎 on a typo's card", async () => {
      const { page, errors } = await open();
      const entry = catalog.entries.find((e) => ticketPlacement(e) === "button")!;
      const card = await command(page, entry.code);
      const count = await page.locator("#messages article.msg-ephemeral").count();
      await card.locator("button[data-action-id^='zpa_ticket:']").click();
      const ticket = page.locator("#messages article.msg-ephemeral").nth(count);
      await ticket.waitFor();
      expect(await ticket.innerText()).toContain("For a support ticket");
      expect(await ticket.innerText()).toContain("SessionID");

      const guess = await command(page, "brk_mt_setup_timout");
      const votes = page.locator("#messages article.msg-ephemeral").count();
      const before = await votes;
      await guess.locator("button[data-action-id='zpa_feedback:down']").click();
      const thanks = page.locator("#messages article.msg-ephemeral").nth(before);
      await thanks.waitFor();
      expect(await thanks.innerText()).toContain("was not the code you meant");
      expect(errors).toEqual([]);
    });

    it("App Home counts the codes with a team note and filters to them", async () => {
      const { page, errors } = await open();
      await page.locator("[data-tab=home]").click();
      const home = page.locator("#home-content");
      await home.locator(CODE_LIST_VIEWS).first().waitFor();
      const toggle = home.locator("button[data-action-id='zpa_home_noted']");
      // The example runbook names two codes; the edit in the first test (same process) names one of them.
      expect(await toggle.innerText()).toBe("With a team note (2)");
      await toggle.click();
      await expect
        .poll(async () => (await home.locator(CODE_LIST_VIEWS).evaluateAll((b) => b.map((x) => (x as HTMLElement).dataset.value))).sort())
        .toEqual(["AST_MT_SETUP_TIMEOUT_CANNOT_CONN_TO_BROKER", "BRK_MT_SETUP_TIMEOUT"]);
      expect(errors).toEqual([]);
    });
  });
});
