// The local preview reads screenshots like the Slack bot: a pasted or dropped image is posted in the
// channel and answered in its thread through the same OCR path, in a real (headless) Chromium.
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadPreviewBot } from "../../src/preview/adapter.js";
import { startPreviewServer, type RunningPreview } from "../../src/preview/server.js";
import { DEFAULT_OCR_SETTINGS, loadConfig } from "../../src/config.js";
import { COULD_NOT_READ, READ_FROM_SCREENSHOT } from "../../src/render/image-reply.js";
import { giveImage, launchBrowser, openWatchedPage, type WatchedPage } from "../support/browser.js";
import { CHROMIUM, describeIfInstalled } from "../support/system-binaries.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ocr/${name}`, import.meta.url));

describeIfInstalled(CHROMIUM)("screenshots in the local preview", () => {
  let browser: Browser;
  let preview: RunningPreview;
  let watched: WatchedPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    preview = await startPreviewServer({
      bot: loadPreviewBot({ autoReply: loadConfig({}).autoReply, ocr: { ...DEFAULT_OCR_SETTINGS, timeoutMs: 120_000 } }),
      host: "127.0.0.1",
      port: 0,
    });
    watched = await openWatchedPage(browser);
    await watched.page.goto(preview.url);
    await watched.page.locator("body[data-ready=true]").waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  it("answers a pasted screenshot in its thread with the codes' cards", async () => {
    const { page } = watched;
    await giveImage(page, fixture("terminal-journal.png"), "journal.png", "image/png", "paste");
    await page.locator("#messages img.msg-image").first().waitFor();
    const reply = page.locator("#thread-messages article.msg-bot").first();
    await reply.waitFor({ timeout: 120_000 });
    const text = await reply.innerText();
    expect(text).toContain(READ_FROM_SCREENSHOT);
    expect(text).toContain("FOHH_CLOSE_REASON_SOCKET_ERR");
    expect(text).toContain("FOHH_CLOSE_REASON_REDIRECT");
    expect(watched.errors).toEqual([]);
  }, 150_000);

  it("posts a dropped image without codes and answers nothing, and refuses a file that is not an image", async () => {
    const { page } = watched;
    const before = await page.locator("#thread-messages article.msg-bot").count();
    await giveImage(page, fixture("negative-near-misses.png"), "table.png", "image/png", "drop");
    await page.locator("#messages img.msg-image").nth(1).waitFor();
    // The page marks the posted message with its ts once the bot has answered (here: with nothing).
    await page.locator("#messages article.msg-user[data-ts]").nth(1).waitFor({ timeout: 120_000 });
    expect(await page.locator("#thread-messages article.msg-bot").count()).toBe(before);
    expect(await page.locator("body").innerText()).not.toContain(COULD_NOT_READ);

    await giveImage(page, Buffer.from("%PDF-1.7"), "report.pdf", "application/pdf", "drop");
    await page.locator(".note-error", { hasText: "report.pdf is not a PNG, JPEG, GIF or WebP image." }).waitFor();
    expect(watched.errors).toEqual([]);
  }, 150_000);
});
