import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// Files run in parallel, more of them than there are cores: most suites spend their time waiting on
// child processes, sockets and real TTLs, not on the CPU (vitest's default, cores − 1, is one file at a
// time on a 2-core machine). The timeouts only catch a hang: waits are on events, never on the clock,
// so a slow, loaded machine passes, later.
// The JSON report feeds .ci/run's closing "N passed, N failed" line.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    maxWorkers: Math.max(4, availableParallelism()),
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
  },
});
