// What `zpa-code lookup` loads before it answers: the built CLI, run as a user runs it, loads no validator,
// YAML parser, Redis client or OCR engine (they load only for the commands and files that need them).
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const CLI = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));
const EXAMPLE_RUNBOOK = fileURLToPath(new URL("../../runbook.example.yml", import.meta.url));
const HEAVY = ["zod", "yaml", "ioredis", "tesseract.js"];
/** Registered before the CLI starts: prints every package the CLI resolves, whether imported statically or lazily. */
const HOOK = `data:text/javascript,${encodeURIComponent(`
import { register } from "node:module";
register("data:text/javascript," + encodeURIComponent(
  "export async function resolve(specifier, context, next) {" +
  "  if (!/^(node:|\\\\.|\\\\/|file:|data:)/.test(specifier)) process.stderr.write('package: ' + specifier + '\\\\n');" +
  "  return next(specifier, context);" +
  "}"));
`)}`;

async function packagesLoadedBy(args: string[], options: { withRunbook?: boolean } = {}): Promise<string[]> {
  // A working directory of its own: no runbook.yml unless asked, as for a user who has none.
  const cwd = mkdtempSync(join(tmpdir(), "zpa-cli-imports-"));
  if (options.withRunbook) copyFileSync(EXAMPLE_RUNBOOK, join(cwd, "runbook.yml"));
  const { stderr } = await promisify(execFile)(process.execPath, ["--import", HOOK, CLI, ...args], { cwd, env: { PATH: process.env.PATH ?? "" } });
  return [...stderr.matchAll(/^package: (\S+)$/gm)].map((match) => match[1]!);
}

describe("CLI start-up", () => {
  it("a code lookup loads none of zod, yaml, ioredis or tesseract.js (validated at build time and in tests instead)", async () => {
    const loaded = await packagesLoadedBy(["lookup", "BRK_MT_SETUP_TIMEOUT"]);
    expect(loaded.filter((name) => HEAVY.some((heavy) => name === heavy || name.startsWith(`${heavy}/`)))).toEqual([]);
  });

  it("loads the YAML parser and the runbook schema when there is a runbook.yml to read (so the hook sees lazy loads)", async () => {
    const loaded = await packagesLoadedBy(["lookup", "BRK_MT_SETUP_TIMEOUT"], { withRunbook: true });
    expect(loaded).toEqual(expect.arrayContaining(["yaml", "zod"]));
  });
});
