// Benches run the apps as production does: `npm start`'s node flags (the Dockerfile's CMD repeats them), and the
// report each forked app sends back over IPC.
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";

/** The flags of package.json's start script ("node <flags> dist/main.js"). */
export function startScriptFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { scripts: { start: string } };
  const flags = /^node((?:\s+--\S+)*)\s+dist\/main\.js$/.exec(pkg.scripts.start)?.[1];
  if (flags === undefined) throw new Error(`npm start is not "node [flags] dist/main.js": ${pkg.scripts.start}`);
  return flags.split(/\s+/).filter((flag) => flag !== "");
}

/** The forked app's next IPC message; rejects when none comes within `timeoutMs`. */
export function nextReport<Report>(child: ChildProcess, timeoutMs: number): Promise<Report> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bench app did not answer within ${timeoutMs / 1000} s`)), timeoutMs);
    child.once("message", (message: Report) => {
      clearTimeout(timer);
      resolve(message);
    });
  });
}
