// Screenshots are doubled in size and turned grey before OCR (small UI text reads far better); images
// that cannot be decoded here go to tesseract as they came.
import { readFileSync } from "node:fs";
import { deflateSync, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { inspectImage } from "../../src/ocr/image-type.js";
import { pngChunk, prepareForOcr, UPSCALE_MAX_PIXELS } from "../../src/ocr/upscale.js";
import { encodeGreyGif } from "../support/gif.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ocr/${name}`, import.meta.url));

/** An RGB PNG of one row, each row filtered with `filter` (1 = Sub), from [r, g, b] triples. */
function rgbRow(pixels: number[][], filter = 0): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(pixels.length, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8;
  header[9] = 2;
  const raw = [filter];
  pixels.forEach((rgb, i) => rgb.forEach((v, c) => raw.push(filter === 1 && i > 0 ? (v - pixels[i - 1]![c]! + 256) & 0xff : v)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(Buffer.from(raw))),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The grey pixels of a grey 8-bit PNG we wrote (filter byte 0 on every row). */
function greyPixels(png: Uint8Array): { width: number; rows: number[][] } {
  const info = inspectImage(png)!;
  let at = 8;
  const idat: Buffer[] = [];
  const view = Buffer.from(png);
  while (at < view.length) {
    const length = view.readUInt32BE(at);
    if (view.toString("ascii", at + 4, at + 8) === "IDAT") idat.push(view.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rows: number[][] = [];
  for (let y = 0; y < info.height; y++) rows.push([...raw.subarray(y * (info.width + 1) + 1, (y + 1) * (info.width + 1))]);
  return { width: info.width, rows };
}

describe("preparing a screenshot for OCR", () => {
  it("doubles PNG and JPEG screenshots into grey PNGs", async () => {
    for (const name of ["terminal-journal.png", "diagnostics-table.jpg"]) {
      const bytes = fixture(name);
      const prepared = await prepareForOcr(bytes, inspectImage(bytes)!);
      expect(inspectImage(prepared), name).toEqual({ type: "png", width: 2560, height: 1600 });
      expect(prepared[25], "grey colour type").toBe(0);
    }
  });

  it("keeps colours' brightness and undoes PNG row filters", async () => {
    for (const filter of [0, 1]) {
      const png = rgbRow([[255, 255, 255], [0, 0, 0], [198, 40, 40]], filter);
      const { width, rows } = greyPixels(await prepareForOcr(png, inspectImage(png)!));
      expect(width).toBe(6);
      expect(rows).toHaveLength(2);
      // White stays white at the left edge, black in the middle, the red of a status pill a dark grey.
      expect(rows[0]![0]).toBe(255);
      expect(rows[0]![3]).toBeLessThan(64);
      expect(rows[1]![5]).toBeGreaterThan(70);
      expect(rows[1]![5]).toBeLessThan(100);
    }
  });

  it("leaves GIF, WebP and very large images as they are", async () => {
    const gif = encodeGreyGif(4, 3, new Uint8Array(48));
    expect(await prepareForOcr(gif, inspectImage(gif)!)).toBe(gif);
    const webp = fixture("siem-list.webp");
    expect(await prepareForOcr(webp, inspectImage(webp)!)).toBe(webp);
    const png = fixture("terminal-journal.png");
    const big = { type: "png" as const, width: UPSCALE_MAX_PIXELS, height: 2 };
    expect(await prepareForOcr(png, big)).toBe(png);
  });
});
