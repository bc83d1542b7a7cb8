// What docs/testing.md promises for suites needing redis-server or Chromium: each declares it, so a machine
// without the binary skips them with one line (and CI fails) instead of erroring in a setup hook.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const TEST_ROOT = fileURLToPath(new URL("..", import.meta.url));
/** What starts each binary in a suite, and the name its suites must declare with describeIfInstalled. */
const NEEDS = [
  { starts: /\bstartRedisServer\(/, declares: /describeIfInstalled\([^)]*\bREDIS_SERVER\b/ },
  { starts: /\blaunchBrowser\(/, declares: /describeIfInstalled\([^)]*\bCHROMIUM\b/ },
];

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? testFiles(join(dir, entry.name)) : entry.name.endsWith(".test.ts") ? [join(dir, entry.name)] : [],
  );
}

describe("suites that need a system binary", () => {
  it("declare it with describeIfInstalled wherever they start redis-server or Chromium", () => {
    const files = testFiles(TEST_ROOT);
    const undeclared = files.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return NEEDS.filter((need) => need.starts.test(text) && !need.declares.test(text)).map(() => relative(TEST_ROOT, file));
    });
    expect(files.filter((file) => NEEDS[0]!.starts.test(readFileSync(file, "utf8"))).length).toBeGreaterThan(3);
    expect(undeclared).toEqual([]);
  });
});
