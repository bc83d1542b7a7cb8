// Runs the real entry point (dist/main.js, what `npm start` runs; test/support/global-setup.ts builds it from the
// current source) as a child process with a controlled environment.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface MainProcess {
  child: ChildProcess;
  /** stdout and stderr so far, interleaved as received. */
  output(): string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in the output; rejects if the process exits without printing it. */
  waitForOutput(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Resolves once the child has exited and its output is complete. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

// A test that fails or times out may leave its child running; none outlives the test worker.
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

// No time budgets here: a config error exits in well under a second, a server prints its line when it is
// up, and a hang is caught by the test's own timeout. A loaded machine only makes both slower.
export function spawnMain(env: Record<string, string>): MainProcess {
  const child = spawn(process.execPath, ["dist/main.js"], {
    cwd: ROOT,
    // Only what the test sets, so a developer's shell or .env can't change the outcome.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DOTENV_CONFIG_PATH: "/nonexistent/.env", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let out = "";
  let stdout = "";
  let stderr = "";
  const listeners = new Set<() => void>();
  const wakeAll = (): void => {
    for (const wake of [...listeners]) wake();
  };
  child.stdout!.on("data", (chunk: Buffer) => {
    stdout += chunk;
    out += chunk;
    wakeAll();
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk;
    out += chunk;
    wakeAll();
  });
  let exitedAlready = false;
  // "close", not "exit": only then has all of the output arrived.
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    child.once("close", (code, signal) => {
      exitedAlready = true;
      running.delete(child);
      resolve({ code, signal, at: Date.now() });
      wakeAll();
    });
  });

  return {
    child,
    output: () => out,
    stdout: () => stdout,
    stderr: () => stderr,
    waitForOutput: (pattern) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const match = out.match(pattern);
          if (!match && !exitedAlready) return;
          listeners.delete(check);
          if (match) resolve(match);
          else reject(new Error(`process exited before printing ${pattern}; output:\n${out}`));
        };
        listeners.add(check);
        check();
      }),
    exited: () => exit,
  };
}
