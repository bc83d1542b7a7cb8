import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// Tests that spawn the built CLI or server must see the current source, not a stale dist/.
// Type errors do not stop the emit; `npm test` type-checks separately before vitest runs.
export default function buildOnce(): void {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { cwd: root, stdio: "ignore" });
}
