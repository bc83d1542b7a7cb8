// `npm run screenshots`: starts the local preview on a free loopback port, drives headless Chromium
// through it, and writes docs/card.png (a /zpa-code answer), docs/app-home.png (the Home tab, after a
// real journal excerpt was pasted so that "Seen this week" has something to show),
// docs/card-team-note.png (a card with the notes of runbook.example.yml under "Your team") and
// docs/screenshot-in-card-out.png (a diagnostics-table screenshot pasted, its codes answered in the thread).
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadPreviewBot } from "../src/preview/adapter.js";
import { startPreviewServer } from "../src/preview/server.js";
import type { Page } from "playwright-core";
import { giveImage, launchBrowser } from "../test/support/browser.js";

const DOCS = fileURLToPath(new URL("../docs/", import.meta.url));
const PASTED_SCREENSHOT = readFileSync(new URL("../test/fixtures/ocr/diagnostics-table.jpg", import.meta.url));
const PASTED_LOG = readFileSync(new URL("../test/fixtures/samples/app-connector-journal.txt", import.meta.url), "utf8");
const CARD_QUERY = process.argv[2] ?? "BRK_MT_SETUP_TIMEOUT";
const TEAM_NOTE_QUERY = "AST_MT_SETUP_TIMEOUT_CANNOT_CONN_TO_BROKER";
const EXAMPLE_RUNBOOK = fileURLToPath(new URL("../runbook.example.yml", import.meta.url));
const VIEWPORT = { width: 1280, height: 900 };

mkdirSync(DOCS, { recursive: true });
const preview = await startPreviewServer({ bot: loadPreviewBot(), host: "127.0.0.1", port: 0 });
const withRunbook = await startPreviewServer({
  bot: loadPreviewBot(undefined, { env: { RUNBOOK_FILE: EXAMPLE_RUNBOOK } }),
  host: "127.0.0.1",
  port: 0,
});
const browser = await launchBrowser();

/** A fresh page on `url` after asking `/zpa-code query`, with the card drawn. */
async function cardPage(url: string, query: string): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  page.setDefaultTimeout(15_000);
  await page.goto(url);
  await page.locator("body[data-ready=true]").waitFor();
  await page.locator("#composer-input").fill(`/zpa-code ${query}`);
  await page.locator("#composer-input").press("Enter");
  await page.locator("#messages article.msg-bot .bk-header-text").first().waitFor();
  return page;
}

try {
  const page = await cardPage(preview.url, CARD_QUERY);
  await page.screenshot({ path: `${DOCS}card.png` });

  await page.locator("#composer-input").fill(PASTED_LOG);
  await page.locator("#composer-input").press("Enter");
  await page.locator("#thread-messages article.msg-bot").first().waitFor();

  await page.locator("[data-tab=home]").click();
  await page.locator("#home-content .bk-block").first().waitFor();
  await page.screenshot({ path: `${DOCS}app-home.png` });

  await (await cardPage(withRunbook.url, TEAM_NOTE_QUERY)).screenshot({ path: `${DOCS}card-team-note.png` });

  // A fresh page, so the channel shows only the pasted screenshot and its thread.
  const shot = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  shot.setDefaultTimeout(120_000);
  await shot.goto(preview.url);
  await shot.locator("body[data-ready=true]").waitFor();
  await giveImage(shot, PASTED_SCREENSHOT, "diagnostics.jpg", "image/jpeg", "paste");
  await shot.locator("#thread-messages article.msg-bot").first().waitFor();
  await shot.screenshot({ path: `${DOCS}screenshot-in-card-out.png` });

  console.log(`Wrote ${DOCS}card.png, ${DOCS}app-home.png, ${DOCS}card-team-note.png and ${DOCS}screenshot-in-card-out.png`);
} finally {
  await browser.close();
  await preview.close();
  await withRunbook.close();
}
