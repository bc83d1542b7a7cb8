// Loads and validates data/catalog.json (the runtime side of the catalog).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CatalogSchema, type Catalog } from "./types.js";

/** data/catalog.json, found the same way from src/ (tests, tsx) and dist/ (built). */
export const DEFAULT_CATALOG_PATH = fileURLToPath(new URL("../../data/catalog.json", import.meta.url));

/** Validates a parsed catalog; a broken entry fails fast, naming its code. */
export function parseCatalog(raw: unknown): Catalog {
  const result = CatalogSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const [, index] = issue.path;
  const entries = (raw as { entries?: Array<{ code?: unknown }> } | null)?.entries;
  const code = typeof index === "number" ? entries?.[index]?.code : undefined;
  const where = code !== undefined ? `entry ${String(code)}` : issue.path.join(".") || "catalog";
  throw new Error(`Invalid catalog: ${where}: ${issue.path.slice(2).join(".") || "value"}: ${issue.message}`);
}

export function loadCatalog(path: string = DEFAULT_CATALOG_PATH): Catalog {
  return parseCatalog(JSON.parse(readFileSync(path, "utf8")));
}
