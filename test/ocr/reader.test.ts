// The OCR worker pool: no worker until the first image, a bounded queue that refuses at once when full,
// a time limit that stops a stuck worker (the next image gets a fresh one), and workers stopped when idle.
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { ConfigError, DEFAULT_OCR_SETTINGS, loadConfig, readOcrSettings } from "../../src/config.js";
import { createOcrReader, OcrBusy, OcrFailed, OcrTimeout } from "../../src/ocr/reader.js";

const IMAGE = readFileSync(new URL("../fixtures/ocr/terminal-journal.png", import.meta.url));
const words = (lines: { words: { text: string }[] }[]) => lines.flatMap((line) => line.words.map((w) => w.text)).join(" ");

describe("OCR reader", () => {
  it("starts no worker before the first image, reads it, and stops the worker after idle time", async () => {
    const reader = createOcrReader({ ...DEFAULT_OCR_SETTINGS, idleMs: 200, timeoutMs: 120_000 });
    try {
      expect(reader.workers()).toBe(0);
      expect(words(await reader.read(IMAGE))).toContain("FOHH_CLOSE_REASON_SOCKET_ERR");
      expect(reader.workers()).toBe(1);
      await vi.waitFor(() => expect(reader.workers()).toBe(0), { timeout: 10_000, interval: 50 });
    } finally {
      await reader.stop();
    }
  }, 150_000);

  it("refuses an image at once when the queue is full", async () => {
    const reader = createOcrReader({ ...DEFAULT_OCR_SETTINGS, queueLimit: 1, timeoutMs: 120_000 });
    try {
      const reading = reader.read(IMAGE);
      const waiting = reader.read(IMAGE);
      expect(reader.pending()).toBe(2);
      await expect(reader.read(IMAGE)).rejects.toBeInstanceOf(OcrBusy);
      await Promise.all([reading, waiting]);
      expect(reader.pending()).toBe(0);
    } finally {
      await reader.stop();
    }
  }, 150_000);

  it("behind a closed gate (the tests' seam) starts no image, keeps the queue's bound, and refuses the waiting ones on stop", async () => {
    const reported: number[] = [];
    const gate = { opened: new Promise<void>(() => {}), queued: (waiting: number) => void reported.push(waiting) };
    const reader = createOcrReader({ ...DEFAULT_OCR_SETTINGS, queueLimit: 1 }, { gate });
    const waiting = [reader.read(IMAGE), reader.read(IMAGE)];
    expect(reader.pending()).toBe(2);
    expect(reported).toEqual([1, 2]);
    expect(reader.workers()).toBe(0);
    // One worker plus a queue of one: a third image is refused, gate or not.
    await expect(reader.read(IMAGE)).rejects.toBeInstanceOf(OcrBusy);
    await reader.stop();
    for (const image of waiting) await expect(image).rejects.toBeInstanceOf(OcrBusy);
  });

  it("refuses an image whose worker is still starting when the reader stops, and never reads with a stopped worker", async () => {
    let open!: () => void;
    const gate = { opened: new Promise<void>((resolve) => (open = resolve)), queued: () => undefined };
    const reader = createOcrReader(DEFAULT_OCR_SETTINGS, { gate });
    const image = reader.read(IMAGE);
    open();
    // The gate's opening starts the image: its worker is now loading (the model, a thread), not yet ready.
    await vi.waitFor(() => expect(reader.workers()).toBe(1));
    await reader.stop();
    // Rejected as refused, not a crash from inside tesseract.js (an unhandled rejection fails this file).
    await expect(image).rejects.toBeInstanceOf(OcrBusy);
  });

  it("gives up on an image past the time limit, and the next image gets a fresh worker", async () => {
    // 1 ms: no worker can even start that fast.
    const reader = createOcrReader({ ...DEFAULT_OCR_SETTINGS, timeoutMs: 1 });
    try {
      await expect(reader.read(IMAGE)).rejects.toBeInstanceOf(OcrTimeout);
      expect(reader.workers()).toBe(0);
    } finally {
      await reader.stop();
    }
    const fresh = createOcrReader({ ...DEFAULT_OCR_SETTINGS, timeoutMs: 120_000 });
    try {
      await expect(fresh.read(Buffer.from("not an image at all"))).rejects.toBeInstanceOf(OcrFailed);
      expect(words(await fresh.read(IMAGE))).toContain("journalctl");
    } finally {
      await fresh.stop();
    }
  }, 150_000);
});

describe("OCR settings", () => {
  it("defaults to on, one worker, a queue of 20, 30 s per image, 5 min idle, 10 MB", () => {
    expect(readOcrSettings({})).toEqual({
      enabled: true,
      concurrency: 1,
      queueLimit: 20,
      timeoutMs: 30_000,
      idleMs: 300_000,
      maxBytes: 10 * 1024 * 1024,
    });
    expect(readOcrSettings({ OCR: "OFF", OCR_CONCURRENCY: "2" })).toMatchObject({ enabled: false, concurrency: 2 });
  });

  it("names the variable of a bad value, through the app's config too", () => {
    for (const [name, value] of [
      ["OCR", "maybe"],
      ["OCR_CONCURRENCY", "0"],
      ["OCR_QUEUE", "-1"],
      ["OCR_TIMEOUT_MS", "5s"],
      ["OCR_IDLE_MS", "10"],
      ["OCR_MAX_BYTES", "99999999999"],
    ] as const) {
      let error: unknown;
      try {
        loadConfig({ [name]: value });
      } catch (caught) {
        error = caught;
      }
      expect(error, name).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe(name);
    }
  });
});
