// Runs every bench/*.bench.ts in name order; each prints its own figures and baseline ratios.
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const only = process.argv[2];
const files = readdirSync(dir)
  .filter((name) => name.endsWith(".bench.ts") && (!only || name.includes(only)))
  .sort();

for (const name of files) {
  console.log(`\n## ${name.replace(/\.bench\.ts$/, "")}`);
  const mod = (await import(pathToFileURL(dir + name).href)) as { run: () => Promise<void> };
  await mod.run();
}
