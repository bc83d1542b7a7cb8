// Loads the committed data/catalog.json. It was validated when it was built (and is in tests), so run time
// only checks that the file is the builder's, unedited and of this format: its sha256 line covers the rest.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CATALOG_FORMAT, type Catalog } from "./types.js";

/** data/catalog.json, found the same way from src/ (tests, tsx) and dist/ (built). */
export const DEFAULT_CATALOG_PATH = fileURLToPath(new URL("../../data/catalog.json", import.meta.url));

/** The builder's first lines: the format, then the sha256 of everything after that line. */
const SEAL = /^\{\n  "format": (\d+),\n  "sha256": "([0-9a-f]{64})",\n/;

/** The text that seals `body` (the file from its third line on). */
export function sealCatalogText(body: string): string {
  return `{\n  "format": ${CATALOG_FORMAT},\n  "sha256": "${sha256(body)}",\n${body}`;
}

/** Checks the seal and parses; a file that is not the builder's output is refused with one line. */
export function readCatalogText(text: string, where = "data/catalog.json"): Catalog {
  const seal = SEAL.exec(text);
  if (!seal) throw new Error(`Invalid catalog: ${where} was not written by \`npm run catalog\``);
  if (Number(seal[1]) !== CATALOG_FORMAT) {
    throw new Error(`Invalid catalog: ${where} has format ${seal[1]}, this version reads ${CATALOG_FORMAT} (run \`npm run catalog\`)`);
  }
  if (sha256(text.slice(seal[0].length)) !== seal[2]) {
    throw new Error(`Invalid catalog: ${where} was edited after it was built (run \`npm run catalog\`)`);
  }
  return JSON.parse(text) as Catalog;
}

export function loadCatalog(path: string = DEFAULT_CATALOG_PATH): Catalog {
  return readCatalogText(readFileSync(path, "utf8"), path);
}

/** Hex sha256 of a text: the catalog's seal and its record of each source file. */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
