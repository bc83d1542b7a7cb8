// Tells an image from its bytes (PNG, JPEG, GIF, WebP) and checks its declared size before any decoding.

export type ImageType = "png" | "jpeg" | "gif" | "webp";

export interface ImageInfo {
  type: ImageType;
  width: number;
  height: number;
}

/** Larger images are refused before OCR: decoding one would take hundreds of MB. */
export const MAX_IMAGE_PIXELS = 25_000_000;

export const MIME_TYPES: Record<ImageType, string> = {
  png: "image/png",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
};

/** Why an image was refused before OCR; `message` is one line fit for the user. */
export class ImageRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImageRejected";
  }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((byte, i) => bytes[at + i] === byte);
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

/** The image type the bytes start with, or null: a file name or a declared MIME type is never trusted. */
export function imageTypeOf(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, PNG_SIGNATURE)) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return "gif";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") return "webp";
  return null;
}

/**
 * Type and size of an image, checked so that OCR never meets a surprise: every place the format states
 * the size must agree, the size must be at most MAX_IMAGE_PIXELS, and the data must be long enough to
 * hold that many pixels (a 40-byte "100000 x 100000" PNG lies). Null when the bytes are not an image of
 * a supported type; throws ImageRejected when they are one but cannot be trusted.
 */
export function inspectImage(bytes: Uint8Array): ImageInfo | null {
  const type = imageTypeOf(bytes);
  if (type === null) return null;
  const info = { type, ...READERS[type](bytes) };
  if (!(info.width > 0 && info.height > 0)) throw new ImageRejected(`the ${type.toUpperCase()} header gives no size`);
  if (info.width * info.height > MAX_IMAGE_PIXELS) {
    throw new ImageRejected(
      `the image is ${info.width}×${info.height}, over the ${MAX_IMAGE_PIXELS / 1_000_000} megapixel limit`,
    );
  }
  return info;
}

type SizeReader = (bytes: Uint8Array) => { width: number; height: number };

const READERS: Record<ImageType, SizeReader> = { png: pngSize, jpeg: jpegSize, gif: gifSize, webp: webpSize };

function lie(type: ImageType, what: string): ImageRejected {
  return new ImageRejected(`the ${type.toUpperCase()} header does not match its data (${what})`);
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Deflate cannot squeeze more than this many bytes into one (its longest match, 258, in ~2 bits). */
const DEFLATE_MAX_RATIO = 1032;
const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const data = view(bytes);
  if (bytes.length < 33 || ascii(bytes, 12, 4) !== "IHDR" || data.getUint32(8) !== 13) throw lie("png", "no IHDR first");
  if (crc32(bytes.subarray(12, 29)) !== data.getUint32(29)) throw lie("png", "IHDR checksum");
  const width = data.getUint32(16);
  const height = data.getUint32(20);
  const bitDepth = bytes[24]!;
  const channels = PNG_CHANNELS[bytes[25]!];
  if (channels === undefined || ![1, 2, 4, 8, 16].includes(bitDepth)) throw lie("png", "colour type");
  let idat = 0;
  for (let at = 33; at + 8 <= bytes.length; ) {
    const length = data.getUint32(at);
    const name = ascii(bytes, at + 4, 4);
    if (name === "IHDR") throw lie("png", "second IHDR");
    // Only the bytes really present count: a truncated file does not get credit for what it declares.
    if (name === "IDAT") idat += Math.min(length, Math.max(0, bytes.length - at - 8));
    if (name === "IEND") break;
    at += 12 + length;
  }
  // Each row is a filter byte plus its pixels; no compressed stream is smaller than that over 1032.
  const rawBytes = height * (1 + Math.ceil((width * bitDepth * channels) / 8));
  if (idat * DEFLATE_MAX_RATIO < rawBytes) throw lie("png", `${idat} bytes of pixel data for ${width}×${height}`);
  return { width, height };
}

/** Start-of-frame markers (baseline, extended, progressive, lossless; not DHT 0xC4, JPG 0xC8, DAC 0xCC). */
const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
/** Sequential Huffman frames need at least two bits per 8×8 block of each component (DC and end-of-block). */
const SEQUENTIAL_HUFFMAN = new Set([0xc0, 0xc1]);

function jpegSize(bytes: Uint8Array): { width: number; height: number } {
  const data = view(bytes);
  let size: { width: number; height: number } | undefined;
  let components = 1;
  let sequential = false;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) throw lie("jpeg", "marker expected");
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd9) break;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = data.getUint16(at + 2);
    if (SOF_MARKERS.has(marker)) {
      if (at + 9 >= bytes.length) throw lie("jpeg", "short frame header");
      const frame = { height: data.getUint16(at + 5), width: data.getUint16(at + 7) };
      // A height of 0 defers to a DNL marker later on: the header alone does not say how big it is.
      if (frame.height === 0) throw lie("jpeg", "height left to a DNL marker");
      if (size && (size.width !== frame.width || size.height !== frame.height)) throw lie("jpeg", "two frame sizes");
      size = frame;
      components = bytes[at + 9]!;
      sequential = SEQUENTIAL_HUFFMAN.has(marker);
    }
    if (marker === 0xda) {
      if (!size) throw lie("jpeg", "scan before frame header");
      const entropyBytes = bytes.length - (at + 2 + length);
      const blocks = Math.ceil(size.width / 8) * Math.ceil(size.height / 8) * components;
      if (sequential && entropyBytes * 4 < blocks) throw lie("jpeg", `${entropyBytes} bytes of scan data`);
      break;
    }
    at += 2 + length;
  }
  if (!size) throw lie("jpeg", "no frame header");
  return size;
}

function gifSize(bytes: Uint8Array): { width: number; height: number } {
  const data = view(bytes);
  if (bytes.length < 13) throw lie("gif", "short header");
  const width = data.getUint16(6, true);
  const height = data.getUint16(8, true);
  const flags = bytes[10]!;
  let at = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0);
  // Walk to the first image: it must lie inside the logical screen the header declares.
  while (at < bytes.length) {
    const block = bytes[at]!;
    if (block === 0x2c) {
      if (at + 10 > bytes.length) throw lie("gif", "short image descriptor");
      const left = data.getUint16(at + 1, true);
      const top = data.getUint16(at + 3, true);
      const frameWidth = data.getUint16(at + 5, true);
      const frameHeight = data.getUint16(at + 7, true);
      if (left + frameWidth > width || top + frameHeight > height) throw lie("gif", "frame outside the screen");
      return { width, height };
    }
    if (block !== 0x21) break;
    at += 2;
    while (at < bytes.length && bytes[at] !== 0) at += bytes[at]! + 1;
    at++;
  }
  throw lie("gif", "no image");
}

function webpSize(bytes: Uint8Array): { width: number; height: number } {
  const data = view(bytes);
  if (data.byteLength < 30) throw lie("webp", "short header");
  if (data.getUint32(4, true) + 8 > bytes.length) throw lie("webp", "RIFF size past the end");
  let canvas: { width: number; height: number } | undefined;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const name = ascii(bytes, at, 4);
    const length = data.getUint32(at + 4, true);
    const body = at + 8;
    let frame: { width: number; height: number } | undefined;
    if (name === "VP8X" && body + 10 <= bytes.length) {
      canvas = { width: 1 + readUint24(bytes, body + 4), height: 1 + readUint24(bytes, body + 7) };
    } else if (name === "VP8 " && body + 10 <= bytes.length) {
      if (!startsWith(bytes, [0x9d, 0x01, 0x2a], body + 3)) throw lie("webp", "VP8 start code");
      frame = { width: data.getUint16(body + 6, true) & 0x3fff, height: data.getUint16(body + 8, true) & 0x3fff };
    } else if (name === "VP8L" && body + 5 <= bytes.length) {
      if (bytes[body] !== 0x2f) throw lie("webp", "VP8L signature");
      const bits = data.getUint32(body + 1, true);
      frame = { width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
    } else if (name === "ANMF") {
      // Animated: the canvas from VP8X is the size; frames are checked by the decoder.
      if (canvas) return canvas;
    }
    if (frame) {
      if (canvas && (canvas.width !== frame.width || canvas.height !== frame.height)) {
        throw lie("webp", "canvas and bitstream sizes differ");
      }
      return frame;
    }
    at = body + length + (length & 1);
  }
  throw lie("webp", "no image data");
}

function readUint24(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
}
