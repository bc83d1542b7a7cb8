// What `zpa-code lookup` loads before it answers: the static import graph of the CLI holds no validator or Redis client.
import { readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));
const STATIC_IMPORT = /^\s*import\s+(?!type\b)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["'];?/gm;

/** Every package a file reaches through static (not `import type`, not `await import`) imports, with the path to it. */
function staticPackages(entry: string): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const seen = new Set<string>();
  const queue: Array<[string, string[]]> = [[entry, [entry]]];
  while (queue.length > 0) {
    const [file, path] = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, specifier] of readFileSync(join(SRC, file), "utf8").matchAll(STATIC_IMPORT)) {
      if (specifier!.startsWith(".")) {
        const next = normalize(join(dirname(file), specifier!.replace(/\.js$/, ".ts")));
        queue.push([next, [...path, next]]);
      } else if (!specifier!.startsWith("node:") && !packages.has(specifier!)) {
        packages.set(specifier!, path);
      }
    }
  }
  return packages;
}

describe("CLI start-up", () => {
  it("loads neither zod nor ioredis for a lookup (the catalog and vocabulary are validated at build time and in tests)", () => {
    const packages = staticPackages("cli/main.ts");
    for (const heavy of ["zod", "ioredis", "tesseract.js"]) {
      expect(packages.get(heavy), `${heavy} reached through ${packages.get(heavy)?.join(" → ")}`).toBeUndefined();
    }
  });
});
