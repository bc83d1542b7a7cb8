// CLI manners (clig.dev): --version, pipe-friendly list, a hint when scan waits on a terminal, help that matches the JSON.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/load.js";
import { cli } from "../support/run-cli.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const catalog = loadCatalog();
const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;

describe("zpa-code --version", () => {
  it("prints the version, the catalog's date and its code count, as --version and -V", async () => {
    for (const flag of ["--version", "-V"]) {
      const run = await cli([flag]);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`zpa-code ${version} (catalog ${catalog.updated}, ${catalog.entries.length} codes)\n`);
    }
    expect(catalog.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("zpa-code list in a pipe", () => {
  it("prints one row per code on stdout and the count on stderr, so `list | wc -l` counts codes", async () => {
    const all = await cli(["list"]);
    const rows = all.stdout.trimEnd().split("\n");
    expect(rows).toHaveLength(catalog.entries.length);
    expect(rows.map((row) => row.split(/\s+/)[1])).toEqual(catalog.entries.map((entry) => entry.code));
    expect(all.stderr).toBe(`${catalog.entries.length} codes\n`);
    const ba = await cli(["list", "--component", "ba"]);
    const expected = catalog.entries.filter((entry) => entry.component === "BA").length;
    expect(ba.stdout.trimEnd().split("\n")).toHaveLength(expected);
    expect(ba.stderr).toBe(`${expected} codes\n`);
  });
});

describe("zpa-code scan on a terminal", () => {
  it("says on stderr that it reads stdin and how to end it, then scans what was typed", async () => {
    const run = await cli(["scan"], "InternalReason: BRK_MT_SETUP_TIMEOUT\n", { stdinIsTty: true });
    expect(run.stderr).toMatch(/reading stdin.*Ctrl-D/);
    expect(run.stdout).toContain("BRK_MT_SETUP_TIMEOUT");
  });

  it("stays quiet on stderr when stdin is a pipe or a FILE is given", async () => {
    expect((await cli(["scan"], "BRK_MT_SETUP_TIMEOUT")).stderr).toBe("");
    const withFile = await cli(["scan", join(root, "test/fixtures/samples/app-connector-journal.txt")], "", { stdinIsTty: true });
    expect(withFile.stderr).toBe("");
    expect(withFile.stdout).toContain("FOHH_CLOSE_REASON_SOCKET_ERR");
  });
});

describe("zpa-code lookup --help", () => {
  /** The names listed in a help section: lines "  key  text" after `heading`, or a comma list after it. */
  function helpKeys(help: string, heading: "JSON keys:" | "Entry keys:"): string[] {
    const after = help.slice(help.indexOf(heading) + heading.length);
    if (heading === "Entry keys:") return after.split("\nExit status")[0]!.split(/[\s,]+/).filter(Boolean);
    return [...after.matchAll(/^ {2}([a-z][A-Za-z]*) {2,}/gm)].map((m) => m[1]!).filter((key, i, all) => all.indexOf(key) === i);
  }

  it("lists every key of the JSON output and of its Entry objects, and no other", async () => {
    const help = (await cli(["lookup", "--help"])).stdout;
    const jsonKeys = helpKeys(help.split("Entry keys:")[0]!, "JSON keys:");
    const entryKeys = helpKeys(help, "Entry keys:");
    for (const query of ["BRK_MT_SETUP_TIMEOUT", "saml assertion too large", "CONNECTOR_UNHEALTHY"]) {
      const output = JSON.parse((await cli(["lookup", "--json", query])).stdout) as Record<string, unknown>;
      expect(jsonKeys.sort(), query).toEqual(Object.keys(output).sort());
      const entry = (output.match ?? (output.alternatives as unknown[])[0]) as Record<string, unknown>;
      expect(entryKeys.sort(), query).toEqual(Object.keys(entry).sort());
    }
  });
});
