// Each command's options: what the argument parser accepts and what shell completion offers.
import type { ParseArgsConfig } from "node:util";
import { CATEGORIES, COMPONENTS } from "../catalog/types.js";
import type { Command } from "./help.js";

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig["options"]>;

const json = { type: "boolean" } as const;

export const COMMAND_OPTIONS = {
  lookup: { json, batch: { type: "boolean" } },
  scan: { json },
  list: { json, component: { type: "string" }, category: { type: "string" } },
  stats: { json, days: { type: "string" }, feedback: { type: "boolean" } },
  runbook: {},
  manifest: { http: { type: "string" } },
  completion: {},
} as const satisfies Record<Command, ParseArgsOptionsConfig>;

/** Every command also takes --help / -h. */
export const HELP_OPTION = { help: { type: "boolean", short: "h" } } as const satisfies ParseArgsOptionsConfig;

/** The values an option takes, where they are a fixed list (for completion). */
export const OPTION_VALUES: Readonly<Record<string, readonly string[]>> = {
  component: COMPONENTS,
  category: CATEGORIES,
};

/** What a command's positional arguments are, for completion. */
export const POSITIONALS: Readonly<Record<Command, "codes" | "files" | "shells" | "none">> = {
  lookup: "codes",
  scan: "files",
  list: "none",
  stats: "none",
  runbook: "none",
  manifest: "none",
  completion: "shells",
};

export const SHELLS = ["bash", "zsh", "fish"] as const;
