// `npm pack`, then `npm i -g` of the tarball into a temporary prefix: the installed zpa-code works outside the repo.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "zpa-pack-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A user's shell: none of the npm_* variables `npm test` sets, so nothing points back into the repo. */
const userEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith("npm_")));

function run(command: string, args: string[], options: { cwd: string; input?: string }): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(command, args, { cwd: options.cwd, env: userEnv, timeout: 180_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(options.input ?? "");
  });
}

describe("the packed package, installed globally", () => {
  it("gives a working zpa-code on PATH outside the repo", { timeout: 240_000 }, async () => {
    // global-setup has just built dist/; --ignore-scripts keeps `prepare` from rebuilding it under running tests.
    const pack = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], { cwd: root });
    expect(pack.code, pack.stderr).toBe(0);
    const [packed] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const { filename, files } = packed!;
    const paths = files.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(["package.json", "README.md", "data/catalog.json", "dist/cli/main.js"]));
    expect(paths.filter((path) => /^(src|test|data\/sources)\//.test(path) || path === ".env")).toEqual([]);

    const prefix = join(dir, "prefix");
    const install = await run(
      "npm",
      ["install", "--global", join(dir, filename), "--prefix", prefix, "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"],
      { cwd: dir },
    );
    expect(install.code, install.stderr).toBe(0);

    const elsewhere = join(dir, "elsewhere");
    mkdirSync(elsewhere);
    const zpaCode = (args: string[], input?: string) => run(join(prefix, "bin", "zpa-code"), args, { cwd: elsewhere, ...(input !== undefined ? { input } : {}) });

    const version = await zpaCode(["--version"]);
    expect(version.code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    expect(version.stdout).toMatch(new RegExp(`^zpa-code ${pkg.version.replace(/\./g, "\\.")} \\(catalog \\d{4}-\\d{2}-\\d{2}, \\d+ codes\\)\\n$`));

    const lookup = await zpaCode(["lookup", "brk_mt_setup_timout"]);
    expect(lookup.code).toBe(0);
    expect(lookup.stdout).toContain("BRK_MT_SETUP_TIMEOUT");
    const scan = await zpaCode(["scan"], "InternalReason: AST_MT_SETUP_TIMEOUT_CANNOT_CONN_TO_BROKER\n");
    expect(scan.stdout).toContain("AST_MT_SETUP_TIMEOUT_CANNOT_CONN_TO_BROKER");
    const manifest = await zpaCode(["manifest"]);
    expect(manifest.stdout).toBe(readFileSync(join(root, "manifest.yml"), "utf8"));
    expect((await zpaCode(["lookup", "HELLO_WORLD"])).code).toBe(1);
  });
});
