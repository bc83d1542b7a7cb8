#!/usr/bin/env node
import { runCli } from "./run.js";

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  // `zpa-code list | head` closes the pipe early: that is not a failure.
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), process);
