// Start-up of the built CLI (`zpa-code lookup CODE`) against `node -e 0`, the floor any Node CLI pays.
// Interleaved, 10 runs each (plus 2 warm-ups), median and worst; target: at most 2.5x. Needs `npm run build`.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const RUNS = 10;
const WARM_UP = 2;
const TARGET_RATIO = 2.5;
const CLI = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));

const kinds = [
  { name: "node -e 0", args: ["-e", "0"] },
  { name: "zpa-code lookup BRK_MT_SETUP_TIMEOUT", args: [CLI, "lookup", "BRK_MT_SETUP_TIMEOUT"] },
  { name: "zpa-code lookup saml assertion too large", args: [CLI, "lookup", "saml", "assertion", "too", "large"] },
];

function timeOnce(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"] });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited ${result.status}`);
  return ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function run(): Promise<void> {
  if (!existsSync(CLI)) throw new Error("dist/cli/main.js is missing: run `npm run build` first");
  for (let i = 0; i < WARM_UP; i += 1) for (const kind of kinds) timeOnce(kind.args);
  const times = kinds.map(() => [] as number[]);
  for (let i = 0; i < RUNS; i += 1) {
    // Alternate the order, so a burst of load elsewhere hits every kind alike.
    const order = i % 2 === 0 ? kinds.map((_, k) => k) : kinds.map((_, k) => kinds.length - 1 - k);
    for (const k of order) times[k]!.push(timeOnce(kinds[k]!.args));
  }
  const floor = median(times[0]!);
  console.table(
    kinds.map((kind, k) => ({
      command: kind.name,
      runs: RUNS,
      median_ms: Number(median(times[k]!).toFixed(1)),
      max_ms: Number(Math.max(...times[k]!).toFixed(1)),
      vs_node: Number((median(times[k]!) / floor).toFixed(2)),
    })),
  );
  const ratio = median(times[1]!) / floor;
  console.log(`zpa-code lookup CODE vs node -e 0: ${ratio.toFixed(2)}x (medians of ${RUNS}, interleaved); target <= ${TARGET_RATIO}x: ${ratio <= TARGET_RATIO ? "met" : "NOT met"}`);
}
