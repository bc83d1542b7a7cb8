// A tiny GIF encoder for tests: Chromium encodes PNG, JPEG and WebP but not GIF, and chat apps still send GIFs.
// Grey levels only (256-entry grey palette) and uncompressed LZW (a clear code before the table grows).

const CLEAR = 256;
const END = 257;
/** Literals between clear codes, so every code stays 9 bits wide. */
const LITERALS_PER_CLEAR = 250;

/** A GIF89a of the given RGBA pixels (e.g. from a canvas), converted to grey. */
export function encodeGreyGif(width: number, height: number, rgba: Uint8Array | Uint8ClampedArray): Buffer {
  const header = Buffer.alloc(13);
  header.write("GIF89a", 0, "ascii");
  header.writeUInt16LE(width, 6);
  header.writeUInt16LE(height, 8);
  header[10] = 0xf7; // global colour table of 256 entries, 8 bits per primary
  const palette = Buffer.alloc(256 * 3);
  for (let i = 0; i < 256; i++) palette.fill(i, i * 3, i * 3 + 3);
  const descriptor = Buffer.alloc(10);
  descriptor[0] = 0x2c;
  descriptor.writeUInt16LE(width, 5);
  descriptor.writeUInt16LE(height, 7);

  const codes: number[] = [CLEAR];
  for (let p = 0, sinceClear = 0; p < width * height; p++) {
    const grey = Math.round(0.299 * rgba[p * 4]! + 0.587 * rgba[p * 4 + 1]! + 0.114 * rgba[p * 4 + 2]!);
    if (sinceClear === LITERALS_PER_CLEAR) {
      codes.push(CLEAR);
      sinceClear = 0;
    }
    codes.push(grey);
    sinceClear++;
  }
  codes.push(END);

  const packed: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const code of codes) {
    buffer |= code << bits;
    bits += 9;
    while (bits >= 8) {
      packed.push(buffer & 0xff);
      buffer >>>= 8;
      bits -= 8;
    }
  }
  if (bits > 0) packed.push(buffer & 0xff);
  const blocks: number[] = [8];
  for (let i = 0; i < packed.length; i += 255) {
    const chunk = packed.slice(i, i + 255);
    blocks.push(chunk.length, ...chunk);
  }
  blocks.push(0, 0x3b);
  return Buffer.concat([header, palette, descriptor, Buffer.from(blocks)]);
}
