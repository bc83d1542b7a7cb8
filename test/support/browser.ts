// Headless Chromium for browser tests: CHROMIUM_PATH, or the usual Chromium/Chrome locations (see
// system-binaries.ts), driven by playwright-core, which ships no browser of its own. Pages collect
// console errors and page errors so a test can assert there were none.
import { chromium, type Browser, type ConsoleMessage, type Page } from "playwright-core";
import { CHROMIUM } from "./system-binaries.js";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launchBrowser(): Promise<Browser> {
  if (CHROMIUM.path === undefined) throw new Error(`Chromium not found (CHROMIUM_PATH or the usual places); install: ${CHROMIUM.install}`);
  return chromium.launch({ executablePath: CHROMIUM.path, headless: true, args: CHROMIUM_ARGS });
}

export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught page errors, in order. */
  errors: string[];
}

/** A fresh page (own context) whose console errors and uncaught exceptions are recorded. */
export async function openWatchedPage(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
  // The page must load nothing from elsewhere; a request that tries is an error too.
  page.on("request", (request) => {
    const url = new URL(request.url());
    // blob: URLs are the page's own memory (a pasted screenshot shown back), never the network.
    if (url.hostname !== "127.0.0.1" && url.protocol !== "data:" && url.protocol !== "blob:") errors.push(`request to ${request.url()}`);
  });
  return { page, errors };
}

/** How a screenshot reaches the preview's composer: pasted into the text box, or dropped on the channel. */
export type ImageGesture = "paste" | "drop";

/** Pastes or drops an image file on the preview page, as a person would from their clipboard or desktop. */
export async function giveImage(page: Page, image: Buffer, name: string, type: string, gesture: ImageGesture): Promise<void> {
  await page.evaluate(
    ({ base64, name, type, gesture }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { type }));
      const event =
        gesture === "paste"
          ? new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true })
          : new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true });
      document.getElementById(gesture === "paste" ? "composer-input" : "channel-pane")!.dispatchEvent(event);
    },
    { base64: image.toString("base64"), name, type, gesture },
  );
}
