// One image in, codes out: check the bytes, read them with tesseract, recover the codes from its words.
import type { Entry } from "../catalog/types.js";
import type { OcrSettings } from "../config.js";
import type { Search } from "../search/types.js";
import { ImageRejected, inspectImage, type ImageInfo } from "./image-type.js";
import { createOcrReader, type OcrReader, type OcrReaderOptions } from "./reader.js";
import { buildOcrRecovery } from "./recover.js";
import { prepareForOcr } from "./upscale.js";

export interface ImageScan {
  image: ImageInfo;
  /** Codes read for sure: answered with cards. */
  codes: Entry[];
  /** Codes read with a slip too many to be sure: offered as "looks like" buttons. */
  likely: Entry[];
}

export type ImageScanner = (bytes: Uint8Array) => Promise<ImageScan>;

/** Throws ImageRejected for bytes that are not a supported image or cannot be trusted, and the reader's errors. */
export function createImageScanner(search: Search, reader: OcrReader): ImageScanner {
  const recover = buildOcrRecovery(search.codes);
  return async (bytes) => {
    const image = inspectImage(bytes);
    if (image === null) throw new ImageRejected("not a PNG, JPEG, GIF or WebP image");
    return { image, ...recover(await reader.read(await prepareForOcr(bytes, image))) };
  };
}

/** An OCR reader of its own and a scanner over it, for files whose bytes `bytesOf` fetches (Slack's or the preview's). */
export function createFileReading<File>(
  search: Search,
  settings: OcrSettings,
  bytesOf: (file: File) => Promise<Uint8Array>,
  readerOptions: OcrReaderOptions = {},
): { maxBytes: number; reader: OcrReader; read(file: File): Promise<{ codes: Entry[]; likely: Entry[] }> } {
  const reader = createOcrReader(settings, readerOptions);
  const scan = createImageScanner(search, reader);
  return {
    maxBytes: settings.maxBytes,
    reader,
    async read(file) {
      const { codes, likely } = await scan(await bytesOf(file));
      return { codes, likely };
    },
  };
}
