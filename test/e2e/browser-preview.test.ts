// The local preview in a real (headless) Chromium: the page loads from an ephemeral loopback port,
// shows Block Kit as Slack would, keeps hostile text as text, and logs no console errors.
// The first block uses a fixed payload (the page is under test); the rest drive the real bot logic.
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { MAX_COMPACT_CARDS } from "../../src/bot/auto-reply.js";
import { HOME_PAGE_SIZE } from "../../src/bot/home.js";
import type { Entry } from "../../src/catalog/types.js";
import { loadCatalog } from "../../src/catalog/load.js";
import type { PreviewBot } from "../../src/preview/payloads.js";
import { loadPreviewBot } from "../../src/preview/adapter.js";
import { startPreviewServer, type RunningPreview } from "../../src/preview/server.js";
import { renderCard } from "../../src/render/card.js";
import { SEEN_BLOCK_PREFIX } from "../../src/render/home.js";
import { launchBrowser, openWatchedPage, type WatchedPage } from "../support/browser.js";
import { CHROMIUM, describeIfInstalled } from "../support/system-binaries.js";

const catalog = loadCatalog();
const XSS_PROBES = ["<img src=x onerror=alert(1)>", '"><script>window.__pwned = 1</script>', "<javascript:alert(1)|click me>"];
// The verbatim copy of ../shared/samples kept with the tests, so a clone alone can run them.
const SAMPLES = new URL("../fixtures/samples/", import.meta.url);

let browser: Browser;
let watched: WatchedPage | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await watched?.page.context().close();
  watched = undefined;
});

async function open(preview: RunningPreview): Promise<WatchedPage> {
  watched = await openWatchedPage(browser);
  await watched.page.goto(preview.url);
  await watched.page.locator("body[data-ready=true]").waitFor();
  return watched;
}

async function type(page: WatchedPage["page"], text: string): Promise<void> {
  await page.locator("#composer-input").fill(text);
  await page.locator("#composer-input").press("Enter");
}

/** The numbered steps of a rendered card, as the reader sees them. */
async function steps(card: ReturnType<WatchedPage["page"]["locator"]>): Promise<string[]> {
  return card.locator("ol.mk-list > li").allInnerTexts();
}

/** View buttons of the App Home's code list (not those of "Seen this week", which codes pasted earlier fill). */
const CODE_LIST_VIEWS = `button[data-action-id^='zpa_home_view:']:not([data-block-id^='${SEEN_BLOCK_PREFIX}'])`;

function expectedCodes(sampleFile: string): string[] {
  // The samples README lists, per file, the codes a reader should find (before any parenthesised note).
  const readme = readFileSync(new URL("README.md", SAMPLES), "utf8");
  const row = readme.split("\n").find((line) => line.startsWith(`| ${sampleFile} |`));
  const cell = row?.split("|").at(-2)?.replace(/\(.*?\)/g, "") ?? "";
  return cell.match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g) ?? [];
}

describeIfInstalled(CHROMIUM)("preview page with a fixed payload", () => {
  const entry: Entry = catalog.entries.find((e) => e.remediation.length > 1) ?? catalog.entries[0]!;
  const card = renderCard(entry);
  const probeMessage = {
    text: "probe",
    blocks: [
      { type: "header", text: { type: "plain_text", text: XSS_PROBES[0]! } },
      ...XSS_PROBES.map((probe) => ({ type: "section", text: { type: "mrkdwn", text: probe } })),
      {
        type: "actions",
        block_id: XSS_PROBES[1]!,
        elements: [{ type: "button", text: { type: "plain_text", text: "Probe" }, action_id: "probe", value: XSS_PROBES[1]! }],
      },
    ],
  };
  const seenActions: unknown[] = [];
  const fixedBot: PreviewBot = {
    command: async () => [
      { surface: "ephemeral", message: card },
      { surface: "channel", message: probeMessage },
    ],
    message: async () => [],
    action: async (input) => {
      seenActions.push(input);
      return [];
    },
    submit: async () => [],
    home: async () => ({ type: "home", blocks: card.blocks }),
  };
  let preview: RunningPreview;
  beforeAll(async () => {
    preview = await startPreviewServer({ bot: fixedBot, host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => {
    await preview?.close();
  });

  it("renders a card like Slack, keeps the XSS probes as text, and logs no console errors", async () => {
    const { page, errors } = await open(preview);
    expect(await page.title()).toContain("ZPA Codes");
    await type(page, "/zpa-code anything");

    const ephemeral = page.locator("#messages article.msg-ephemeral").first();
    await ephemeral.waitFor();
    await expect(ephemeral.locator(".msg-ephemeral-note").innerText()).resolves.toContain("Only visible to you");
    await expect(ephemeral.locator(".bk-header-text").innerText()).resolves.toBe(entry.code);
    expect(await steps(ephemeral)).toHaveLength(entry.remediation.length);

    const probe = page.locator("#messages article.msg-bot:not(.msg-ephemeral)");
    await probe.waitFor();
    const shown = await probe.locator(".msg-body").innerText();
    for (const probe of XSS_PROBES) expect(shown).toContain(probe);
    expect(await page.locator("#messages img, #messages script, #messages svg, #messages a[href^=javascript]").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // Interactions carry the button's ids back to the server, untouched.
    await probe.locator("button[data-action-id=probe]").click();
    await expect.poll(() => seenActions.length).toBe(1);
    expect(seenActions[0]).toMatchObject({ actionId: "probe", value: XSS_PROBES[1], blockId: XSS_PROBES[1], container: "message" });

    // The JSON toggle shows the exact payload.
    await ephemeral.locator(".bk-json summary").click();
    expect(JSON.parse(await ephemeral.locator(".bk-json-code").innerText())).toEqual(card);

    expect(errors).toEqual([]);
  });
});

describeIfInstalled(CHROMIUM)("preview page driving the real bot logic", () => {
  const byCode = new Map(catalog.entries.map((e) => [e.code, e]));
  let preview: RunningPreview;
  beforeAll(async () => {
    preview = await startPreviewServer({ bot: loadPreviewBot(), host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => {
    await preview?.close();
  });

  it("a typed code shows its card privately, with severity and numbered steps", async () => {
    const entry = catalog.entries.find((e) => e.severity === "error" && e.remediation.length > 1)!;
    const { page, errors } = await open(preview);
    await type(page, `/zpa-code ${entry.code.toLowerCase()}`);
    const card = page.locator("#messages article.msg-ephemeral").last();
    await card.waitFor();
    await expect(card.locator(".bk-header-text").innerText()).resolves.toBe(entry.code);
    expect((await card.locator(".bk-fields").innerText()).toLowerCase()).toContain(entry.severity);
    const shownSteps = await steps(card);
    expect(shownSteps.length).toBe(entry.remediation.length);
    expect(shownSteps[0]).toContain(entry.remediation[0]!.slice(0, 30));
    expect(errors).toEqual([]);
  });

  it("a typo gets the corrected card, and Share posts it in the channel", async () => {
    const entry = byCode.get("BRK_MT_SETUP_TIMEOUT") ?? catalog.entries[0]!;
    const typo = entry.code.slice(0, -2) + entry.code.slice(-1) + entry.code.slice(-2, -1);
    const { page, errors } = await open(preview);
    await type(page, `/zpa-code ${typo}`);
    const card = page.locator("#messages article.msg-ephemeral").last();
    await expect(card.locator(".bk-header-text").innerText()).resolves.toBe(entry.code);
    expect(await card.innerText()).toContain(typo);

    await card.locator("button", { hasText: "Share in channel" }).click();
    const shared = page.locator("#messages article.msg-bot:not(.msg-ephemeral)").last();
    await expect(shared.locator(".bk-header-text").innerText()).resolves.toBe(entry.code);
    expect(errors).toEqual([]);
  });

  it("junk gets no card, and the query is echoed as text", async () => {
    const { page, errors } = await open(preview);
    await type(page, "/zpa-code qwzx blorf");
    const answer = page.locator("#messages article.msg-ephemeral").last();
    await answer.waitFor();
    expect(await answer.locator(".bk-header-text").count()).toBe(0);
    expect(await answer.innerText()).toContain("qwzx blorf");
    expect(errors).toEqual([]);
  });

  it("a made-up code gets suggestions, and clicking one swaps the answer for that card", async () => {
    const { page, errors } = await open(preview);
    await type(page, "/zpa-code BRK_MT_SETUP_NOT_A_REAL_CODE");
    const answer = page.locator("#messages article.msg-ephemeral").last();
    await answer.waitFor();
    expect(await answer.innerText()).toContain("No code matches");
    const suggestions = answer.locator("button[data-action-id^='zpa_show:']");
    expect(await suggestions.count()).toBeGreaterThan(0);
    const code = (await suggestions.first().getAttribute("data-value"))!;
    expect(byCode.has(code)).toBe(true);

    await suggestions.first().click();
    await expect.poll(() => page.locator("#messages article.msg-ephemeral .bk-header-text").allInnerTexts()).toEqual([code]);
    expect(await page.locator("#messages article.msg-ephemeral").count()).toBe(1);
    expect(await steps(page.locator("#messages article.msg-ephemeral"))).toHaveLength(byCode.get(code)!.remediation.length);
    expect(errors).toEqual([]);
  });

  it("@zpa-code in a message is answered in its thread, even without a code", async () => {
    const { page, errors } = await open(preview);
    await type(page, "@zpa-code users cannot reach the intranet");
    const reply = page.locator("#thread-messages article.msg-bot");
    await reply.first().waitFor();
    expect(await reply.innerText()).toContain("found no ZPA status code");
    expect(errors).toEqual([]);
  });

  it("a pasted multi-code log gets one thread reply naming every code", async () => {
    const expected = expectedCodes("app-connector-journal.txt");
    expect(expected.length).toBeGreaterThan(1);
    const log = readFileSync(new URL("app-connector-journal.txt", SAMPLES), "utf8");
    const { page, errors } = await open(preview);
    await type(page, log);
    const reply = page.locator("#thread-pane #thread-messages article.msg-bot");
    await reply.first().waitFor();
    expect(await reply.count()).toBe(1);
    const text = await reply.innerText();
    for (const code of expected) expect(text).toContain(code);
    await expect(page.locator("#messages article.msg-user .msg-thread-link").innerText()).resolves.toBe("1 reply");
    expect(await page.locator("#thread-parent").innerText()).toContain(expected[0]!);

    // Details on a listed code shows its full card in the thread, to the clicker only.
    const details = reply.locator("button[data-action-id]", { hasText: "Details" }).first();
    const code = await details.getAttribute("data-value");
    expect(expected).toContain(code);
    await details.click();
    const card = page.locator("#thread-messages article.msg-ephemeral");
    await expect(card.locator(".bk-header-text").innerText()).resolves.toBe(code);
    expect(await card.locator(".msg-ephemeral-note").innerText()).toContain("Only visible to you");
    expect(errors).toEqual([]);
  });

  it("a pasted log with more codes than short cards get becomes a one-line-per-code summary", async () => {
    // Every real sample, plus a chat line naming two more codes: more than MAX_COMPACT_CARDS codes.
    const files = ["ba-syslog-close-from-connector.txt", "user-activity-syslog-no-reason.txt", "app-connector-journal.txt"];
    const extra = catalog.entries.filter((e) => e.severity === "error").slice(0, 2).map((e) => e.code);
    const expected = [...new Set([...files.flatMap(expectedCodes), ...extra])];
    expect(expected.length).toBeGreaterThan(MAX_COMPACT_CARDS);
    const log = [...files.map((file) => readFileSync(new URL(file, SAMPLES), "utf8").trim()), `also seeing ${extra.join(" and ")}`].join("\n");

    const { page, errors } = await open(preview);
    await type(page, log);
    const reply = page.locator("#thread-messages article.msg-bot");
    await reply.first().waitFor();
    expect(await reply.count()).toBe(1);
    // A summary: no full card, one Details button per code.
    expect(await reply.locator(".bk-header-text").count()).toBe(0);
    const details = await reply.locator("button[data-action-id]", { hasText: "Details" }).evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.value));
    expect([...details].sort()).toEqual([...expected].sort());
    expect(errors).toEqual([]);
  });

  it("App Home pages through the codes and opens a card in a modal", async () => {
    const { page, errors } = await open(preview);
    await page.locator("[data-tab=home]").click();
    const home = page.locator("#home-content");
    const viewButtons = home.locator(CODE_LIST_VIEWS);
    await viewButtons.first().waitFor();
    const firstPage = await viewButtons.evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.value));

    await home.locator("button[data-action-id^='zpa_home_page']", { hasText: "Next" }).click();
    await expect.poll(async () => home.locator(CODE_LIST_VIEWS).first().getAttribute("data-value")).not.toBe(firstPage[0]);
    const secondPage = await viewButtons.evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.value));
    expect(secondPage.filter((code) => firstPage.includes(code))).toEqual([]);

    const code = secondPage[0]!;
    await viewButtons.first().click();
    const modal = page.locator("#modal-overlay .bk-modal");
    await modal.waitFor();
    expect(await modal.innerText()).toContain(code);
    expect(await steps(modal)).toHaveLength(byCode.get(code)!.remediation.length);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator("#modal-overlay").isHidden()).toBe(true);
    expect(errors).toEqual([]);
  });

  it("App Home filters by component, searches inline, and clears the search", async () => {
    const { page, errors } = await open(preview);
    await page.locator("[data-tab=home]").click();
    const home = page.locator("#home-content");
    const listed = () => home.locator(CODE_LIST_VIEWS).evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.value!));
    await home.locator(CODE_LIST_VIEWS).first().waitFor();

    const connectorCodes = catalog.entries.filter((e) => e.component === "AC").map((e) => e.code);
    await home.locator("select[data-action-id='zpa_home_component']").selectOption("AC");
    await expect.poll(async () => (await listed()).every((code) => connectorCodes.includes(code))).toBe(true);
    expect((await listed()).length).toBe(Math.min(HOME_PAGE_SIZE, connectorCodes.length));

    const target = byCode.get("AST_MT_SETUP_ERR_OPEN_SERVER_CONN") ?? catalog.entries.find((e) => e.component === "AC")!;
    const box = home.locator("input[data-action-id='zpa_home_query']");
    await box.fill(target.code);
    await box.press("Enter");
    await expect.poll(async () => (await listed())[0]).toBe(target.code);

    await home.locator("button[data-action-id='zpa_home_clear']").click();
    await expect.poll(async () => (await listed()).length).toBe(Math.min(HOME_PAGE_SIZE, connectorCodes.length));
    expect(errors).toEqual([]);
  });

  it("hostile text typed by a user stays text everywhere", async () => {
    const { page, errors } = await open(preview);
    for (const probe of XSS_PROBES) {
      await type(page, `/zpa-code ${probe}`);
      await type(page, probe);
    }
    await expect.poll(() => page.locator("#messages article.msg-ephemeral").count()).toBe(XSS_PROBES.length);
    const shown = await page.locator("#messages").innerText();
    for (const probe of XSS_PROBES) expect(shown).toContain(probe);
    expect(await page.locator("#messages img, #messages script, #messages a[href^=javascript]").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
  });
});
