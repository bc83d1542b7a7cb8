// The system binaries some suites need (redis-server, Chromium, zsh, fish): where they are, and whether a suite runs.
// Present: it runs. Missing: it is skipped, and the run ends with one line saying what to install.
// Missing under CI=true: the suite fails, so a CI machine can never pass by skipping.
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import { describe } from "vitest";

export interface SystemBinary {
  /** What people call it. */
  readonly name: string;
  /** The variable that points at it; when set, nothing else is tried. */
  readonly variable: string;
  /** The executable found, or undefined. */
  readonly path: string | undefined;
  /** The command that installs it. */
  readonly install: string;
}

export const REDIS_SERVER: SystemBinary = {
  name: "redis-server",
  variable: "REDIS_SERVER_BIN",
  path: locate("REDIS_SERVER_BIN", ["redis-server"], []),
  install: "sudo apt-get install redis-server (macOS: brew install redis)",
};

export const CHROMIUM: SystemBinary = {
  name: "Chromium",
  variable: "CHROMIUM_PATH",
  path: locate(
    "CHROMIUM_PATH",
    ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"],
    [
      "/usr/bin/chromium",
      "/usr/bin/chromium-browser",
      "/snap/bin/chromium",
      "/usr/bin/google-chrome",
      "/usr/bin/google-chrome-stable",
      "/opt/google/chrome/chrome",
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    ],
  ),
  install: "sudo apt-get install chromium fonts-noto-color-emoji (or set CHROMIUM_PATH to a Chrome binary)",
};

/** The shell completion suite loads the zsh and fish scripts in the real shells. */
export const ZSH: SystemBinary = { name: "zsh", variable: "ZSH_BIN", path: locate("ZSH_BIN", ["zsh"], []), install: "sudo apt-get install zsh" };
export const FISH: SystemBinary = { name: "fish", variable: "FISH_BIN", path: locate("FISH_BIN", ["fish"], []), install: "sudo apt-get install fish" };

/** Every binary above, for the end-of-run summary. */
export const SYSTEM_BINARIES: readonly SystemBinary[] = [REDIS_SERVER, CHROMIUM, ZSH, FISH];

/** True when CI is set to anything but "", "0" or "false" (GitHub Actions, GitLab and .ci/run set CI=true). */
export function onCi(): boolean {
  const ci = (process.env.CI ?? "").trim().toLowerCase();
  return ci !== "" && ci !== "0" && ci !== "false";
}

/** The one line a run without the binary prints. */
export function missingLine(binary: SystemBinary): string {
  const where = process.env[binary.variable] ? `${binary.variable}=${process.env[binary.variable]}` : `${binary.variable} unset, not on PATH`;
  return `Skipped the suites that need ${binary.name}: not found (${where}). Install: ${binary.install}`;
}

/**
 * `describe` when every binary is there; `describe.skip` when one is missing; under CI a missing
 * binary throws, so the suite fails instead. Called where the suite is declared.
 */
export function describeIfInstalled(...binaries: SystemBinary[]): typeof describe.skip {
  const missing = binaries.filter((binary) => binary.path === undefined);
  if (missing.length === 0) return describe;
  if (onCi()) {
    throw new Error(`CI is set, so a missing binary fails the suite: ${missing.map((binary) => `${binary.name} not found; ${binary.install}`).join("; ")}`);
  }
  return describe.skip;
}

function locate(variable: string, names: string[], usualPlaces: string[]): string | undefined {
  const chosen = process.env[variable]?.trim();
  if (chosen) return chosen.includes("/") ? (isExecutable(chosen) ? chosen : undefined) : onPath(chosen);
  return usualPlaces.find(isExecutable) ?? names.map(onPath).find((path) => path !== undefined);
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
