// Once per run: build dist/ for the suites that spawn the built CLI or server, and at the end say which
// system binaries were missing, one line each (their suites were skipped; under CI they failed instead).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { missingLine, onCi, SYSTEM_BINARIES } from "./system-binaries.js";

// Tests that spawn the built CLI or server must see the current source, not a stale dist/.
// Type errors do not stop the emit; `npm test` type-checks separately before vitest runs.
export default function setup(): () => void {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { cwd: root, stdio: "ignore" });
  return () => {
    if (onCi()) return;
    for (const binary of SYSTEM_BINARIES) if (binary.path === undefined) console.log(missingLine(binary));
  };
}
