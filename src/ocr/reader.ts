// Runs tesseract.js off the event loop: workers started on the first image, a bounded queue, a time limit
// per image, and workers stopped after a spell of idleness.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { OcrSettings } from "../config.js";
import type { OcrLine } from "./recover.js";

/** What bounds the pool: the OCR settings less the switch and the byte limit (checked before reading). */
export type OcrLimits = Omit<OcrSettings, "enabled" | "maxBytes">;

export interface OcrReader {
  /** The words tesseract reads in an encoded image, line by line. */
  read(image: Uint8Array): Promise<OcrLine[]>;
  /** Images being read plus images waiting. */
  pending(): number;
  /** Workers currently running (0 until the first image, and again after idleness). */
  workers(): number;
  /** Stops every worker; waiting images are refused. */
  stop(): Promise<void>;
}

/**
 * A test seam that production leaves unset: until `opened` resolves the reader starts no image, so images
 * provably wait in its queue (still bounded by concurrency + queueLimit); `queued` hears how many wait
 * each time one joins. Tests use it to show the rest of the bot answers while images are queued.
 */
export interface OcrGate {
  readonly opened: Promise<void>;
  queued(waiting: number): void;
}

export interface OcrReaderOptions {
  gate?: OcrGate;
}

/** The queue is full: the image is refused rather than waiting without bound. */
export class OcrBusy extends Error {
  constructor() {
    super("too many images are waiting to be read; try again in a minute");
    this.name = "OcrBusy";
  }
}

export class OcrTimeout extends Error {
  constructor(ms: number) {
    super(`reading the image took longer than ${ms} ms`);
    this.name = "OcrTimeout";
  }
}

/** Tesseract could not read the bytes (damaged or unsupported image), or its worker failed. */
export class OcrFailed extends Error {}

function cannotRead(error: unknown): string {
  const detail = (error instanceof Error ? error.message : String(error)).replace(/^Error: /, "").slice(0, 200);
  return `the image could not be read (${detail})`;
}

interface TesseractWorker {
  recognize(image: Uint8Array, options: object, output: object): Promise<{ data: { blocks: unknown } }>;
  setParameters(parameters: Record<string, string>): Promise<unknown>;
  terminate(): Promise<unknown>;
}

interface Job {
  image: Uint8Array;
  resolve: (lines: OcrLine[]) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Promise<TesseractWorker> | undefined;
  busy: boolean;
  idleTimer: NodeJS.Timeout | undefined;
  /** Rejects the job in hand when its worker fails outside a call (tesseract reports those to a handler). */
  failJob: ((error: Error) => void) | undefined;
}

const require = createRequire(import.meta.url);

/**
 * The English LSTM model shipped in @tesseract.js-data/eng: read from disk, never fetched. The
 * "best_int" model is the LSTM-only one: a third of the size of the default and faster to load.
 */
export function languageDataPath(): string {
  return join(dirname(require.resolve("@tesseract.js-data/eng")), "4.0.0_best_int");
}

/** Page segmentation "fully automatic": screenshots are tables and columns, not one block of text. */
const TESSERACT_PARAMETERS = { tessedit_pageseg_mode: "3", debug_file: "/dev/null" };

async function startWorker(onError: (message: string) => void): Promise<TesseractWorker> {
  const { createWorker, OEM } = await import("tesseract.js");
  const worker = (await createWorker("eng", OEM.LSTM_ONLY, {
    langPath: languageDataPath(),
    cacheMethod: "none",
    gzip: true,
    // Without a handler tesseract.js throws a worker's error on the event loop, ending the process.
    errorHandler: (error: unknown) => onError(String(error)),
  })) as unknown as TesseractWorker;
  await worker.setParameters(TESSERACT_PARAMETERS);
  return worker;
}

export function createOcrReader(limits: OcrLimits, options: OcrReaderOptions = {}): OcrReader {
  const slots: Slot[] = Array.from({ length: limits.concurrency }, () => ({
    worker: undefined,
    busy: false,
    idleTimer: undefined,
    failJob: undefined,
  }));
  const queue: Job[] = [];
  let stopped = false;
  let held = options.gate !== undefined;
  void options.gate?.opened.then(() => {
    held = false;
    pump();
  });

  const retire = (slot: Slot): void => {
    const worker = slot.worker;
    slot.worker = undefined;
    if (worker) void worker.then((w) => w.terminate()).catch(() => undefined);
  };

  const run = async (slot: Slot, job: Job): Promise<void> => {
    slot.busy = true;
    clearTimeout(slot.idleTimer);
    let timer: NodeJS.Timeout | undefined;
    try {
      const failed = new Promise<never>((_, reject) => {
        slot.failJob = (error) => reject(error);
        timer = setTimeout(() => reject(new OcrTimeout(limits.timeoutMs)), limits.timeoutMs);
      });
      slot.worker ??= startWorker((message) => slot.failJob?.(new OcrFailed(cannotRead(message))));
      const worker = await Promise.race([slot.worker, failed]);
      // Stopped while the worker was starting: it is being terminated, and tesseract.js would fail outside this promise.
      if (stopped) throw new OcrBusy();
      const result = await Promise.race([worker.recognize(job.image, {}, { blocks: true, text: false }), failed]);
      job.resolve(linesOf(result.data.blocks));
    } catch (error) {
      // A timed-out or failed worker may be stuck mid-image: stop it; the next image starts a fresh one.
      retire(slot);
      const known = error instanceof OcrTimeout || error instanceof OcrFailed || error instanceof OcrBusy;
      job.reject(known ? error : new OcrFailed(cannotRead(error)));
    } finally {
      clearTimeout(timer);
      slot.failJob = undefined;
      slot.busy = false;
      if (!stopped) {
        slot.idleTimer = setTimeout(() => retire(slot), limits.idleMs);
        slot.idleTimer.unref();
      }
      pump();
    }
  };

  const pending = (): number => queue.length + slots.filter((slot) => slot.busy).length;

  const pump = (): void => {
    if (held) return;
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (!slot.busy) void run(slot, queue.shift()!);
    }
  };

  return {
    read(image) {
      if (stopped) return Promise.reject(new OcrBusy());
      // Images being read plus waiting: an idle slot means an empty queue, except behind a closed gate.
      if (pending() >= slots.length + limits.queueLimit) return Promise.reject(new OcrBusy());
      return new Promise<OcrLine[]>((resolve, reject) => {
        queue.push({ image, resolve, reject });
        options.gate?.queued(queue.length);
        pump();
      });
    },
    pending,
    workers: () => slots.filter((slot) => slot.worker !== undefined).length,
    async stop() {
      stopped = true;
      for (const job of queue.splice(0)) job.reject(new OcrBusy());
      for (const slot of slots) {
        clearTimeout(slot.idleTimer);
        // An image being read is refused now rather than left to its time limit.
        slot.failJob?.(new OcrBusy());
        retire(slot);
      }
    },
  };
}

interface TesseractBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface TesseractBlock {
  paragraphs?: { lines?: { words?: { text: string; bbox: TesseractBox }[] }[] }[];
}

/** Tesseract's block > paragraph > line > word tree, flattened to lines of words with their boxes. */
function linesOf(blocks: unknown): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const block of (blocks as TesseractBlock[] | null) ?? []) {
    for (const paragraph of block.paragraphs ?? []) {
      for (const line of paragraph.lines ?? []) {
        const words = (line.words ?? []).map(({ text, bbox }) => ({ text, ...bbox }));
        if (words.length > 0) lines.push({ words });
      }
    }
  }
  return lines;
}
