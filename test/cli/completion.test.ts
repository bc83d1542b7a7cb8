// `zpa-code completion bash|zsh|fish`: each script, loaded in its real shell, completes commands, options, values and codes.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/load.js";
import { cli } from "../support/run-cli.js";
import { describeIfInstalled, FISH, ZSH } from "../support/system-binaries.js";

const codes = loadCatalog().entries.map((entry) => entry.code);
const dir = mkdtempSync(join(tmpdir(), "zpa-completion-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function script(shell: string): Promise<string> {
  const run = await cli(["completion", shell]);
  expect(run.code).toBe(0);
  const file = join(dir, `zpa-code.${shell}`);
  writeFileSync(file, run.stdout);
  return file;
}

function lines(output: string): string[] {
  return output.split("\n").filter(Boolean);
}

describe("zpa-code completion", () => {
  it("refuses a missing or unknown shell with exit 2", async () => {
    for (const args of [[], ["powershell"], ["bash", "zsh"]]) {
      const run = await cli(["completion", ...args]);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toContain("give one shell: bash, zsh, fish");
    }
  });

  it("bash: commands, a command's options, component and category values, codes typed in lower case, file names for scan", async () => {
    const file = await script("bash");
    // Drives the completion function as bash's completion would: COMP_WORDS and COMP_CWORD, then COMPREPLY.
    const complete = (...words: string[]) =>
      lines(
        execFileSync("bash", ["-c", `source "$1"; COMP_WORDS=("\${@:2}"); COMP_CWORD=$(( $# - 2 )); _zpa_code; printf '%s\\n' "\${COMPREPLY[@]}"`, "_", file, "zpa-code", ...words], {
          cwd: dir,
          encoding: "utf8",
        }),
      );
    expect(complete("")).toEqual(["lookup", "scan", "list", "stats", "runbook", "manifest", "completion", "--help", "--version"]);
    expect(complete("li")).toEqual(["list"]);
    expect(complete("list", "--c")).toEqual(["--component", "--category"]);
    expect(complete("list", "--component", "c")).toEqual(["CA", "CLT"]);
    expect(complete("list", "--category", "")).toEqual(["error", "info", "policy", "success"]);
    expect(complete("lookup", "brk_mt_setup_t")).toEqual(["BRK_MT_SETUP_TIMEOUT"]);
    expect(complete("lookup", "")).toHaveLength(codes.length);
    expect(complete("scan", "zpa-code.ba")).toEqual(["zpa-code.bash"]);
    expect(complete("manifest", "--")).toEqual(["--http", "--help"]);
    expect(complete("completion", "")).toEqual(["bash", "zsh", "fish"]);
  });
});

describeIfInstalled(ZSH)("zpa-code completion zsh", () => {
  it("parses, registers itself, and offers the same candidates", async () => {
    const file = await script("zsh");
    expect(spawnSync(ZSH.path!, ["-n", file]).status).toBe(0);
    // compadd and _files only work inside a completion widget: stand-ins print what the script offers.
    const stubs = [
      'compadd() { local -a out; while (( $# )); do case $1 in -M) shift 2;; --) shift; out+=("$@"); break;; *) shift;; esac; done; print -rl -- $out }',
      '_files() { print -r -- "<files>" }',
      'compdef() { print -r -- "compdef $*" }',
    ].join("; ");
    const complete = (...words: string[]) =>
      lines(
        execFileSync(ZSH.path!, ["-c", `${stubs}; source "$1" >/dev/null; shift; words=("$@"); CURRENT=$#; PREFIX="\${words[CURRENT]}"; _zpa_code`, "_", file, "zpa-code", ...words], {
          encoding: "utf8",
        }),
      );
    expect(execFileSync(ZSH.path!, ["-c", `${stubs}; source "$1"`, "_", file], { encoding: "utf8" }).trim()).toBe("compdef _zpa_code zpa-code");
    expect(complete("")).toEqual(["lookup", "scan", "list", "stats", "runbook", "manifest", "completion", "--help", "--version"]);
    expect(complete("list", "--")).toEqual(["--json", "--component", "--category", "--help"]);
    expect(complete("list", "--component", "")).toEqual(["AC", "CA", "CLT", "SE", "BA"]);
    expect(complete("lookup", "")).toEqual(codes);
    expect(complete("scan", "")).toEqual(["<files>"]);
  });
});

describeIfInstalled(FISH)("zpa-code completion fish", () => {
  it("completes commands with descriptions, options, values and codes through fish's own `complete -C`", async () => {
    const file = await script("fish");
    const complete = (line: string) =>
      lines(execFileSync(FISH.path!, ["-c", `source $argv[1]; complete -C $argv[2]`, file, line], { cwd: dir, encoding: "utf8" }));
    expect(complete("zpa-code ")).toContain("lookup\texplain one code");
    expect(complete("zpa-code list --c").map((line) => line.split("\t")[0])).toEqual(["--category", "--component"]);
    expect(complete("zpa-code list --component ")).toEqual(["AC", "BA", "CA", "CLT", "SE"]);
    expect(complete("zpa-code lookup brk_mt_setup_t")).toEqual(["BRK_MT_SETUP_TIMEOUT"]);
    expect(complete("zpa-code scan zpa-code.fi")).toEqual(["zpa-code.fish"]);
    expect(complete("zpa-code completion ")).toEqual(["bash", "fish", "zsh"]);
  });
});
