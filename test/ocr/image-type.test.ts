// Images are told by their bytes, and their declared size is checked before any decoding: real
// screenshots pass with their true size; oversized images and headers that lie are refused.
import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ImageRejected, imageTypeOf, inspectImage, MAX_IMAGE_PIXELS } from "../../src/ocr/image-type.js";
import { pngChunk } from "../../src/ocr/upscale.js";
import { encodeGreyGif } from "../support/gif.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ocr/${name}`, import.meta.url));

/** A grey PNG whose IHDR says width×height, with `pixelRows` rows of real (zero) pixel data. */
function png(width: number, height: number, pixelRows = height): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grey
  const raw = Buffer.alloc(pixelRows * (1 + width));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", deflateSync(raw)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("image type by bytes", () => {
  it("reads type and size of real PNG, JPEG, WebP and GIF screenshots", () => {
    expect(inspectImage(fixture("terminal-journal.png"))).toEqual({ type: "png", width: 1280, height: 800 });
    expect(inspectImage(fixture("diagnostics-table.jpg"))).toEqual({ type: "jpeg", width: 1280, height: 800 });
    expect(inspectImage(fixture("siem-list.webp"))).toEqual({ type: "webp", width: 1280, height: 800 });
    const gif = encodeGreyGif(4, 3, new Uint8Array(4 * 3 * 4));
    expect(inspectImage(gif)).toEqual({ type: "gif", width: 4, height: 3 });
  });

  it("ignores names: text, PDFs and a PNG signature alone are not images", () => {
    expect(imageTypeOf(Buffer.from("BRK_MT_SETUP_TIMEOUT"))).toBeNull();
    expect(inspectImage(Buffer.from("%PDF-1.7\n"))).toBeNull();
    expect(() => inspectImage(png(10, 10).subarray(0, 12))).toThrow(ImageRejected);
  });

  it("refuses images over 25 megapixels before reading them", () => {
    const side = Math.ceil(Math.sqrt(MAX_IMAGE_PIXELS)) + 1;
    expect(() => inspectImage(png(side, side))).toThrow(/over the 25 megapixel limit/);
    expect(inspectImage(png(4000, 3000))).toEqual({ type: "png", width: 4000, height: 3000 });
  });

  it("refuses headers that lie about their size", () => {
    // 20000×1200 declared, data for one row: no deflate stream is that small.
    expect(() => inspectImage(png(20000, 1200, 1))).toThrow(/does not match its data/);
    // A corrupted IHDR (size changed after the checksum was made).
    const tampered = png(100, 100);
    tampered.writeUInt32BE(9000, 16);
    expect(() => inspectImage(tampered)).toThrow(/IHDR checksum/);
    // A JPEG whose frame header claims 5000×5000 over a few bytes of scan data.
    const jpeg = Buffer.from(fixture("diagnostics-table.jpg"));
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    jpeg.writeUInt16BE(5000, sof + 5);
    jpeg.writeUInt16BE(5000, sof + 7);
    expect(() => inspectImage(jpeg)).toThrow(/does not match its data/);
    // A GIF whose first frame is larger than the screen it declares.
    const gif = encodeGreyGif(4, 3, new Uint8Array(4 * 3 * 4));
    gif.writeUInt16LE(2, 6);
    expect(() => inspectImage(gif)).toThrow(/frame outside the screen/);
    // A WebP whose RIFF size runs past the end of the file.
    const webp = fixture("siem-list.webp").subarray(0, 2000);
    expect(() => inspectImage(webp)).toThrow(/RIFF size/);
  });
});
