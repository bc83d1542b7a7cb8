// `zpa-code --version`: the package version, and the date and size of the catalog it answers from.
import { readFileSync } from "node:fs";
import type { Catalog } from "../catalog/types.js";

/** package.json sits two folders up from src/cli and from dist/cli alike. */
const PACKAGE_JSON = new URL("../../package.json", import.meta.url);

export function packageVersion(): string {
  return (JSON.parse(readFileSync(PACKAGE_JSON, "utf8")) as { version: string }).version;
}

export function versionLine(catalog: Catalog): string {
  const date = catalog.updated ?? "date unknown";
  return `zpa-code ${packageVersion()} (catalog ${date}, ${catalog.entries.length} codes)`;
}
