// `zpa-code list`: the catalog by component and category.
import { CATEGORIES, COMPONENTS, type Catalog } from "../catalog/types.js";
import { entryToLine } from "../render/text.js";
import { EXIT_OK, UsageError, writeLine, type CliIo } from "./io.js";

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const found = allowed.find((item) => item.toLowerCase() === value.toLowerCase());
  if (!found) throw new UsageError(`${flag} must be one of ${allowed.join(", ")}`);
  return found;
}

export function listCommand(
  catalog: Catalog,
  io: CliIo,
  options: { json: boolean; component?: string | undefined; category?: string | undefined },
): number {
  const component = oneOf("--component", options.component, COMPONENTS);
  const category = oneOf("--category", options.category, CATEGORIES);
  const codes = catalog.entries.filter(
    (entry) => (!component || entry.component === component) && (!category || entry.category === category),
  );
  if (options.json) {
    writeLine(io.stdout, JSON.stringify({ codes }));
  } else {
    for (const entry of codes) writeLine(io.stdout, entryToLine(entry));
    // On stderr, so `zpa-code list | wc -l` counts codes.
    writeLine(io.stderr, `${codes.length} codes`);
  }
  return EXIT_OK;
}
