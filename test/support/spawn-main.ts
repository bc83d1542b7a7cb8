// Runs the real entry point (src/main.ts through tsx) as a child process with a controlled environment.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface MainProcess {
  child: ChildProcess;
  /** stdout and stderr so far, interleaved as received. */
  output(): string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in the output; rejects after timeoutMs or on exit. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves once the child has exited and its output is complete; it is killed (SIGKILL) if it outlives timeoutMs. */
  exited(timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

export function spawnMain(env: Record<string, string>): MainProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    // Only what the test sets, so a developer's shell or .env can't change the outcome.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DOTENV_CONFIG_PATH: "/nonexistent/.env", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let stdout = "";
  let stderr = "";
  const listeners = new Set<() => void>();
  child.stdout!.on("data", (chunk: Buffer) => {
    stdout += chunk;
    out += chunk;
    for (const wake of [...listeners]) wake();
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk;
    out += chunk;
    for (const wake of [...listeners]) wake();
  });
  let exitedAlready = false;
  // "close", not "exit": only then has all of the output arrived.
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    child.once("close", (code, signal) => {
      exitedAlready = true;
      resolve({ code, signal, at: Date.now() });
      for (const wake of [...listeners]) wake();
    });
  });

  return {
    child,
    output: () => out,
    stdout: () => stdout,
    stderr: () => stderr,
    waitForOutput: (pattern, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no output matching ${pattern} within ${timeoutMs} ms; output so far:\n${out}`));
        }, timeoutMs);
        const check = (): void => {
          const match = out.match(pattern);
          if (match || exitedAlready) {
            clearTimeout(timer);
            listeners.delete(check);
            if (match) resolve(match);
            else reject(new Error(`process exited before printing ${pattern}; output:\n${out}`));
          }
        };
        listeners.add(check);
        check();
      }),
    exited: async (timeoutMs = 15_000) => {
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      try {
        return await exit;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
