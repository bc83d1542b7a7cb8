// Runs the CLI in-process with its own streams and collects what it printed.
import { PassThrough } from "node:stream";
import { runCli, type CliPlace } from "../../src/cli/run.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `stdinIsTty` makes stdin look like a terminal, as when a person types `zpa-code scan` with no pipe;
 * `place` gives the environment and working directory (default: this process's).
 */
export async function cli(args: string[], stdin = "", options: { stdinIsTty?: boolean; place?: CliPlace } = {}): Promise<CliRun> {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
  if (options.stdinIsTty) Object.assign(io.stdin, { isTTY: true });
  let stdout = "";
  let stderr = "";
  io.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  io.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  io.stdin.end(stdin);
  const code = await runCli(args, io, options.place);
  return { code, stdout, stderr };
}
