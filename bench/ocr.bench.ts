// OCR costs on the image set's 1280×800 screenshots (test/fixtures/ocr/screenshot-set.ts, rendered in
// Chromium): time per image cold (a fresh worker) and warm, codes recovered per image, and memory with the
// worker loaded. Baseline, interleaved in the same process and worker: tesseract on the image as given
// (no doubling) with the same recovery pass. `npm run bench -- ocr`.
import type { Entry } from "../src/catalog/types.js";
import { DEFAULT_OCR_SETTINGS } from "../src/config.js";
import { inspectImage } from "../src/ocr/image-type.js";
import { createOcrReader, type OcrReader } from "../src/ocr/reader.js";
import { buildOcrRecovery } from "../src/ocr/recover.js";
import { prepareForOcr } from "../src/ocr/upscale.js";
import { defaultSearch } from "../src/search/index.js";
import { buildScreenshotSet, type Screen } from "../test/fixtures/ocr/screenshot-set.js";
import { launchBrowser } from "../test/support/browser.js";
import { renderScreen } from "../test/support/screenshots.js";

const COLD_RUNS = Number(process.env.BENCH_OCR_COLD ?? 5);
const WARM_ROUNDS = Number(process.env.BENCH_OCR_ROUNDS ?? 2);

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
}

interface Kind {
  name: string;
  prepare: (bytes: Buffer) => Promise<Uint8Array>;
  times: number[];
  found: number;
  sure: number;
  wrong: number;
}

export async function run(): Promise<void> {
  const search = defaultSearch();
  const recover = buildOcrRecovery(search.codes);
  const rssBefore = process.memoryUsage().rss;

  const browser = await launchBrowser();
  const shots: { screen: Screen; bytes: Buffer }[] = [];
  try {
    for (const screen of buildScreenshotSet()) shots.push({ screen, bytes: await renderScreen(browser, screen) });
  } finally {
    await browser.close();
  }
  const shown = shots.reduce((sum, shot) => sum + shot.screen.codes.length, 0);
  console.log(`${shots.length} screenshots of ${shots[0]!.screen.width}×${shots[0]!.screen.height}, ${shown} codes shown`);

  const kinds: Kind[] = [
    { name: "doubled, grey (ours)", prepare: (bytes) => prepareForOcr(bytes, inspectImage(bytes)!), times: [], found: 0, sure: 0, wrong: 0 },
    { name: "as given (baseline)", prepare: async (bytes) => bytes, times: [], found: 0, sure: 0, wrong: 0 },
  ];

  // Cold: a fresh worker for one image (start, language load, read), alternating the two kinds.
  const cold = new Map<string, number[]>(kinds.map((k) => [k.name, []]));
  for (let i = 0; i < COLD_RUNS; i++) {
    for (const kind of i % 2 ? [...kinds].reverse() : kinds) {
      const reader = createOcrReader({ ...DEFAULT_OCR_SETTINGS, timeoutMs: 600_000 });
      const start = nowMs();
      await reader.read(await kind.prepare(shots[i % shots.length]!.bytes));
      cold.get(kind.name)!.push(nowMs() - start);
      await reader.stop();
    }
  }

  // Warm: one worker; every screenshot in every round, the two kinds interleaved per image.
  const reader: OcrReader = createOcrReader({ ...DEFAULT_OCR_SETTINGS, timeoutMs: 600_000 });
  await reader.read(await kinds[0]!.prepare(shots[0]!.bytes));
  const rssLoaded = process.memoryUsage().rss;
  let rssPeak = rssLoaded;
  for (let round = 0; round < WARM_ROUNDS; round++) {
    for (const [index, shot] of shots.entries()) {
      for (const kind of (index + round) % 2 ? [...kinds].reverse() : kinds) {
        const start = nowMs();
        const lines = await reader.read(await kind.prepare(shot.bytes));
        const { codes, likely } = recover(lines);
        kind.times.push(nowMs() - start);
        rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
        if (round > 0) continue;
        const named = (entries: Entry[]) => entries.map((e) => e.code);
        kind.sure += shot.screen.codes.filter((c) => named(codes).includes(c)).length;
        kind.found += shot.screen.codes.filter((c) => named([...codes, ...likely]).includes(c)).length;
        kind.wrong += [...codes, ...likely].filter((e) => !shot.screen.codes.includes(e.code)).length;
      }
    }
  }
  await reader.stop();
  const rssAfterStop = process.memoryUsage().rss;

  console.log("\n| kind | cold median | cold p95 | warm median | warm p95 | codes found | as cards | per image | false |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const kind of kinds) {
    const coldTimes = cold.get(kind.name)!;
    console.log(
      `| ${kind.name} | ${s(median(coldTimes))} | ${s(p95(coldTimes))} | ${s(median(kind.times))} | ${s(p95(kind.times))} | ` +
        `${kind.found}/${shown} (${((100 * kind.found) / shown).toFixed(1)}%) | ${kind.sure} | ${(kind.found / shots.length).toFixed(2)} | ${kind.wrong} |`,
    );
  }
  const [ours, baseline] = kinds;
  console.log(`\nwarm median ratio ours/baseline: ${(median(ours!.times) / median(baseline!.times)).toFixed(2)}x`);
  console.log(`cold runs ${COLD_RUNS} per kind; warm: ${shots.length} images x ${WARM_ROUNDS} rounds per kind`);
  console.log(
    `RSS: ${mb(rssBefore)} with the catalog and search loaded, ${mb(rssLoaded)} with the OCR worker loaded, ` +
      `${mb(rssPeak)} peak while reading, ${mb(rssAfterStop)} after the worker stopped`,
  );
}
