// `npm run catalog`: rebuilds data/catalog.json from data/sources/ and prints what changed.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { buildCatalog } from "../src/catalog/build.js";
import { diffCatalogs, formatChangelog, withUpdatedDate } from "../src/catalog/changelog.js";
import { DEFAULT_CATALOG_PATH } from "../src/catalog/load.js";
import { parseCatalog } from "../src/catalog/schema.js";
import { readOverrides, readSourceFiles, serializeCatalog } from "../src/catalog/files.js";
import { CATALOG_FORMAT, type Catalog } from "../src/catalog/types.js";

/** The committed catalog, or null on a first build or if it no longer parses (then every code counts as added). */
function readPrevious(): Catalog | null {
  if (!existsSync(DEFAULT_CATALOG_PATH)) return null;
  try {
    // Read as JSON, not through loadCatalog: a file from an older format still counts as the previous one.
    const raw = JSON.parse(readFileSync(DEFAULT_CATALOG_PATH, "utf8")) as Record<string, unknown>;
    return parseCatalog({ ...raw, format: CATALOG_FORMAT });
  } catch (error) {
    console.warn(`previous data/catalog.json unreadable (${error instanceof Error ? error.message : String(error)})`);
    return null;
  }
}

try {
  const previous = readPrevious();
  const next = withUpdatedDate(buildCatalog(readSourceFiles(), readOverrides()), previous, new Date().toISOString().slice(0, 10));
  writeFileSync(DEFAULT_CATALOG_PATH, serializeCatalog(next));
  console.log(formatChangelog(diffCatalogs(previous, next)));
  console.log(`Wrote ${next.entries.length} entries to data/catalog.json`);
} catch (error) {
  console.error(`catalog build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
