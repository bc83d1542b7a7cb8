// Reads the build inputs (data/sources/, data/overrides.json) and writes data/catalog.json byte-stable.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SOURCE_FILE_NAMES, type SourceFiles } from "./build.js";
import { parseOverrides, type Override } from "./overrides.js";
import { sealCatalogText } from "./load.js";
import type { Catalog } from "./types.js";

export const DEFAULT_SOURCES_DIR = fileURLToPath(new URL("../../data/sources/", import.meta.url));
export const DEFAULT_OVERRIDES_PATH = fileURLToPath(new URL("../../data/overrides.json", import.meta.url));

/** Reads the source files the build uses, keyed by their path under data/sources/. */
export function readSourceFiles(dir: string = DEFAULT_SOURCES_DIR): SourceFiles {
  return Object.fromEntries(SOURCE_FILE_NAMES.map((name) => [name, readFileSync(join(dir, name), "utf8")]));
}

export function readOverrides(path: string = DEFAULT_OVERRIDES_PATH): Override[] {
  try {
    return parseOverrides(JSON.parse(readFileSync(path, "utf8")));
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The exact bytes of data/catalog.json: stable key order from the builder, two-space indent, final newline,
 * and first the format and a sha256 of the rest (the seal loadCatalog checks instead of validating again).
 */
export function serializeCatalog(catalog: Catalog): string {
  const { format: _format, ...content } = catalog;
  return sealCatalogText(`${JSON.stringify(content, null, 2).slice("{\n".length)}\n`);
}
