// The OCR targets on two image sets rendered in Chromium: at least 95% of the codes the screens show are
// found (as cards or "looks like" buttons), and no code a screen does not show is ever reported. The
// tuning set (screenshot-set.ts) was written before the recovery pass was tuned; the held-out set
// (held-out-set.ts) after, and never used to tune it. Figures per screen are printed; docs/ocr.md keeps them.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createOcrReader } from "../../src/ocr/reader.js";
import { DEFAULT_OCR_SETTINGS } from "../../src/config.js";
import { createImageScanner, type ImageScan } from "../../src/ocr/scan-image.js";
import { defaultSearch } from "../../src/search/index.js";
import { buildHeldOutSet } from "../fixtures/ocr/held-out-set.js";
import { buildScreenshotSet, NEAR_MISSES, type Screen } from "../fixtures/ocr/screenshot-set.js";
import { launchBrowser } from "../support/browser.js";
import { renderScreen } from "../support/screenshots.js";
import { CHROMIUM, describeIfInstalled } from "../support/system-binaries.js";

const reader = createOcrReader({ ...DEFAULT_OCR_SETTINGS, timeoutMs: 120_000 });
const scan = createImageScanner(defaultSearch(), reader);
const SETS = { tuning: buildScreenshotSet(), "held-out": buildHeldOutSet() };
const results: Record<keyof typeof SETS, { screen: Screen; result: ImageScan }[]> = { tuning: [], "held-out": [] };

describeIfInstalled(CHROMIUM)("OCR image sets", () => {
  beforeAll(async () => {
    const browser = await launchBrowser();
    try {
      const dump = process.env.OCR_SET_DIR;
      if (dump) mkdirSync(dump, { recursive: true });
      for (const [set, screens] of Object.entries(SETS) as [keyof typeof SETS, Screen[]][]) {
        for (const screen of screens) {
          const image = await renderScreen(browser, screen);
          if (dump) writeFileSync(join(dump, `${screen.name.replace(/[^a-z0-9%]+/gi, "-")}.${screen.format}`), image);
          results[set].push({ screen, result: await scan(image) });
        }
      }
    } finally {
      await browser.close();
    }
  }, 900_000);
  afterAll(() => reader.stop());

  it("covers the kinds of screens the issue names", () => {
    const screens = results.tuning.map((r) => r.screen);
    expect(screens.length).toBeGreaterThanOrEqual(20);
    expect(new Set(screens.map((s) => s.format))).toEqual(new Set(["png", "jpeg", "webp", "gif"]));
    expect(Math.min(...screens.map((s) => s.zoom))).toBeLessThanOrEqual(0.8);
    expect(Math.max(...screens.map((s) => s.zoom))).toBeGreaterThanOrEqual(1.5);
  });

  for (const set of Object.keys(SETS) as (keyof typeof SETS)[]) {
    it(`${set} set: finds at least 95% of the codes shown and reports none that is not shown`, () => {
      let shown = 0;
      let sure = 0;
      let offered = 0;
      const wrong: string[] = [];
      for (const { screen, result } of results[set]) {
        const codes = result.codes.map((e) => e.code);
        const likely = result.likely.map((e) => e.code);
        shown += screen.codes.length;
        sure += screen.codes.filter((c) => codes.includes(c)).length;
        offered += screen.codes.filter((c) => likely.includes(c)).length;
        for (const code of [...codes, ...likely]) if (!screen.codes.includes(code)) wrong.push(`${screen.name}: ${code}`);
        const missed = screen.codes.filter((c) => !codes.includes(c) && !likely.includes(c));
        console.log(`${screen.name.padEnd(40)} ${codes.length}/${screen.codes.length} sure, ${likely.length} likely${missed.length ? `, missed ${missed.join(" ")}` : ""}`);
      }
      console.log(`${set}: ${results[set].length} screens, codes shown ${shown}: ${sure} as cards, ${offered} as "looks like", ${shown - sure - offered} missed; false ${wrong.length}`);
      expect(wrong).toEqual([]);
      expect((sure + offered) / shown).toBeGreaterThanOrEqual(0.95);
    });
  }

  it("never turns a near-miss into a code", () => {
    const all = [...results.tuning, ...results["held-out"]];
    const reported = all.flatMap(({ result }) => [...result.codes, ...result.likely].map((e) => e.code));
    for (const nearMiss of NEAR_MISSES) expect(reported).not.toContain(nearMiss);
    expect(all.filter((r) => r.screen.name.startsWith("negative")).flatMap((r) => [...r.result.codes, ...r.result.likely])).toEqual([]);
  });
});
