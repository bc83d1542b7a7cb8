// The node flags of `npm start`, so benches run the apps as production does (the Dockerfile's CMD repeats them).
import { readFileSync } from "node:fs";

/** The flags of package.json's start script ("node <flags> dist/main.js"). */
export function startScriptFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { scripts: { start: string } };
  const flags = /^node((?:\s+--\S+)*)\s+dist\/main\.js$/.exec(pkg.scripts.start)?.[1];
  if (flags === undefined) throw new Error(`npm start is not "node [flags] dist/main.js": ${pkg.scripts.start}`);
  return flags.split(/\s+/).filter((flag) => flag !== "");
}
