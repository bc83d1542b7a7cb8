// Enlarges screenshots before OCR: tesseract reads 11–13 px UI text (small zoom, status pills, monospace
// underscores) far better at twice the size. PNG and JPEG are decoded here, turned grey, doubled with
// bilinear filtering and handed to tesseract as a grey PNG; anything else goes through unchanged.
import { promisify } from "node:util";
import { deflate, inflate } from "node:zlib";
import jpeg from "jpeg-js";
import { crc32, type ImageInfo } from "./image-type.js";

const inflateAsync = promisify(inflate);
const deflateAsync = promisify(deflate);

/** Images up to this many pixels are doubled (a 1280×800 screenshot becomes 2560×1600). */
export const UPSCALE_MAX_PIXELS = 4_000_000;

interface Grey {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** The bytes tesseract should read: a doubled grey PNG when that is possible, else the image as given. */
export async function prepareForOcr(bytes: Uint8Array, info: ImageInfo): Promise<Uint8Array> {
  if (info.width * info.height > UPSCALE_MAX_PIXELS) return bytes;
  let grey: Grey | null = null;
  try {
    if (info.type === "png") grey = await decodePng(bytes);
    else if (info.type === "jpeg") grey = decodeJpeg(bytes, info);
  } catch {
    grey = null; // a damaged image: tesseract reports it in its own words
  }
  if (!grey) return bytes;
  return encodeGreyPng(double(grey));
}

function luminance(r: number, g: number, b: number): number {
  return (r * 77 + g * 150 + b * 29) >> 8;
}

function decodeJpeg(bytes: Uint8Array, info: ImageInfo): Grey {
  const { width, height, data } = jpeg.decode(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    maxResolutionInMP: Math.ceil((info.width * info.height) / 1_000_000) + 1,
    maxMemoryUsageInMB: 256,
  });
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = luminance(data[i * 4]!, data[i * 4 + 1]!, data[i * 4 + 2]!);
  return { width, height, pixels };
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** 8-bit, non-interlaced PNGs (what screenshot tools write); null for the rest. */
async function decodePng(bytes: Uint8Array): Promise<Grey | null> {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = data.getUint32(16);
  const height = data.getUint32(20);
  const [bitDepth, colourType, , , interlace] = bytes.subarray(24, 29);
  const channels = CHANNELS[colourType!];
  if (bitDepth !== 8 || interlace !== 0 || channels === undefined) return null;
  const idat: Uint8Array[] = [];
  let palette: Uint8Array | undefined;
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = data.getUint32(at);
    const name = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (name === "IDAT") idat.push(body);
    else if (name === "PLTE") palette = body;
    else if (name === "IEND") break;
    at += 12 + length;
  }
  if (colourType === 3 && !palette) return null;
  const raw = new Uint8Array(await inflateAsync(Buffer.concat(idat)));
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) return null;
  const pixels = new Uint8Array(width * height);
  let previous = new Uint8Array(stride);
  let row = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? row[x - channels]! : 0;
      const up = previous[x]!;
      const upLeft = x >= channels ? previous[x - channels]! : 0;
      let predictor = 0;
      if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = (left + up) >> 1;
      else if (filter === 4) predictor = paeth(left, up, upLeft);
      row[x] = (line[x]! + predictor) & 0xff;
    }
    for (let x = 0; x < width; x++) pixels[y * width + x] = greyOf(row, x * channels, colourType!, palette);
    [previous, row] = [row, previous];
  }
  return { width, height, pixels };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Grey value of one pixel; transparent parts are shown over white, as a chat app shows them. */
function greyOf(row: Uint8Array, at: number, colourType: number, palette: Uint8Array | undefined): number {
  switch (colourType) {
    case 0:
      return row[at]!;
    case 3: {
      const index = row[at]! * 3;
      return luminance(palette![index] ?? 0, palette![index + 1] ?? 0, palette![index + 2] ?? 0);
    }
    case 4:
      return overWhite(row[at]!, row[at + 1]!);
    case 2:
      return luminance(row[at]!, row[at + 1]!, row[at + 2]!);
    default:
      return overWhite(luminance(row[at]!, row[at + 1]!, row[at + 2]!), row[at + 3]!);
  }
}

function overWhite(grey: number, alpha: number): number {
  return (grey * alpha + 255 * (255 - alpha) + 127) / 255 | 0;
}

/** Twice the size, bilinear: sharp enough edges for tesseract without the blocks of pixel doubling. */
function double({ width, height, pixels }: Grey): Grey {
  const outWidth = width * 2;
  const outHeight = height * 2;
  const out = new Uint8Array(outWidth * outHeight);
  for (let y = 0; y < outHeight; y++) {
    const sy = Math.max(0, (y - 0.5) / 2);
    const y0 = Math.min(height - 1, Math.floor(sy));
    const y1 = Math.min(height - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < outWidth; x++) {
      const sx = Math.max(0, (x - 0.5) / 2);
      const x0 = Math.min(width - 1, Math.floor(sx));
      const x1 = Math.min(width - 1, x0 + 1);
      const fx = sx - x0;
      const top = pixels[y0 * width + x0]! * (1 - fx) + pixels[y0 * width + x1]! * fx;
      const bottom = pixels[y1 * width + x0]! * (1 - fx) + pixels[y1 * width + x1]! * fx;
      out[y * outWidth + x] = top * (1 - fy) + bottom * fy + 0.5;
    }
  }
  return { width: outWidth, height: outHeight, pixels: out };
}

async function encodeGreyPng({ width, height, pixels }: Grey): Promise<Uint8Array> {
  const raw = new Uint8Array(height * (width + 1));
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth; colour type 0 (grey), no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", await deflateAsync(raw, { level: 1 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** One PNG chunk: length, name, body and its CRC. */
export function pngChunk(name: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(name, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}
