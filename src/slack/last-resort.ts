// The last line of defence: an error no handler caught (a rejected promise nobody awaited, a throw in a
// callback) is logged, redacted, and the process goes on serving everyone else's requests.
import type { Logger } from "@slack/bolt";

/** Installs the handlers once per process; returns a function that removes them (for tests). */
export function keepServingOnUnexpectedErrors(logger: Logger, target: NodeJS.Process = process): () => void {
  const onRejection = (reason: unknown): void => {
    logger.error("Unexpected error (not handled where it happened; still serving):", reason);
  };
  const onException = (error: Error): void => {
    logger.error("Unexpected exception (not handled where it happened; still serving):", error);
  };
  target.on("unhandledRejection", onRejection);
  target.on("uncaughtException", onException);
  return () => {
    target.off("unhandledRejection", onRejection);
    target.off("uncaughtException", onException);
  };
}
