// Runs a Node program with the network cut: in a new network namespace (`unshare -n`, as root on Linux)
// when the machine allows it, and always with test/support/no-network.mjs preloaded, which refuses and
// reports any connection, DNS lookup or fetch of the main thread. Worker threads (tesseract's) do not run
// the preload: for them the namespace is the cut, so `cut` says which one a run had.
import { execFile, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const GUARD = fileURLToPath(new URL("./no-network.mjs", import.meta.url));

/** Whether `unshare -n` works here (root, or unprivileged user namespaces). */
export const CAN_UNSHARE_NETWORK = spawnSync("unshare", ["-n", "true"], { stdio: "ignore" }).status === 0;

export interface OfflineRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** "namespace": no network interface at all (every thread); "guard": only the main thread's preload. */
  cut: "namespace" | "guard";
}

export function runNodeOffline(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<OfflineRun> {
  const node = [process.execPath, "--import", GUARD, ...args];
  const [command, ...commandArgs] = CAN_UNSHARE_NETWORK ? ["unshare", "-n", ...node] : node;
  return new Promise((resolve) => {
    execFile(
      command!,
      commandArgs,
      { cwd: options.cwd, env: options.env ?? process.env, timeout: options.timeoutMs ?? 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? ((error as { code?: number }).code ?? null) : 0;
        resolve({ code: typeof code === "number" ? code : null, stdout, stderr, cut: CAN_UNSHARE_NETWORK ? "namespace" : "guard" });
      },
    );
  });
}
