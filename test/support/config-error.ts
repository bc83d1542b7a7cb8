// Test helper: the ConfigError an environment reader throws.
import { ConfigError } from "../../src/config.js";

/** The ConfigError a reader of the environment throws; fails the test when it throws none or another error. */
export function configErrorFrom(read: () => unknown): ConfigError {
  try {
    read();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a configuration error");
}
