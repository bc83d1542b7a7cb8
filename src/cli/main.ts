#!/usr/bin/env node
// The `zpa-code` bin: runs the CLI on process.argv and exits with its code.
import { EXIT_INTERNAL } from "./io.js";
import { runCli } from "./run.js";

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  // `zpa-code list | head` closes the pipe early: that is not a failure.
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

try {
  process.exitCode = await runCli(process.argv.slice(2), process);
} catch (error) {
  // Not the user's doing: one line instead of a stack trace, and a code no script mistakes for "no match".
  process.stderr.write(`zpa-code: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = EXIT_INTERNAL;
}
