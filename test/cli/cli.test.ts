// The `zpa-code` CLI run as a user runs it: lookup, scan and list, their exit codes and streams.
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MAX_INPUT_BYTES } from "../../src/cli/io.js";
import { MAX_SCAN_CHARS } from "../../src/search/index.js";
import { cli } from "../support/run-cli.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const samples = join(root, "test/fixtures/samples");

describe("zpa-code lookup", () => {
  it("explains an exact code with severity, component, who acts, numbered steps and links", async () => {
    const run = await cli(["lookup", "AST_MT_SETUP_ERR_OPEN_SERVER_CONN"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^AST_MT_SETUP_ERR_OPEN_SERVER_CONN/);
    expect(run.stdout).toContain("AC: Cannot open connection to server");
    expect(run.stdout).toContain("Component:  App Connector (AC)");
    expect(run.stdout).toMatch(/Severity: +error/);
    expect(run.stdout).toMatch(/Who acts: +admin/);
    expect(run.stdout).toContain("  1. Ensure that the App Connector can reach the application.");
    expect(run.stdout).toContain("https://help.zscaler.com/");
  });

  it("finds a code through a typo and through plain words", async () => {
    const typo = await cli(["lookup", "BRK_MT_SETUP_TIMOUT"]);
    expect(typo.code).toBe(0);
    expect(typo.stdout).toMatch(/^BRK_MT_SETUP_TIMEOUT  \[ERROR\]$/m);
    const words = await cli(["lookup", "saml", "assertion", "too", "large"]);
    expect(words.code).toBe(0);
    expect(words.stdout).toMatch(/SAML/i);
  });

  it("says when a title names two codes", async () => {
    const run = await cli(["lookup", "SE: Connection request timed out"]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toMatch(/^Possible: \d codes share the title "Connection request timed out"; check which one the log shows:$/);
    expect(run.stdout).toContain("BRK_MT_SETUP_TIMEOUT");
    expect(run.stdout).toContain("FOHH_CLOSE_REASON_CONNECT_TIMEOUT");
  });

  it("says when a card is a best guess from a typo, and names the other candidates", async () => {
    const run = await cli(["lookup", "BRK_MT_SETUP_TIMOUT"]);
    expect(run.stdout.split("\n")[0]).toBe('Likely: closest code to "BRK_MT_SETUP_TIMOUT" (spelled a few characters differently):');
    const exact = await cli(["lookup", "BRK_MT_SETUP_TIMEOUT"]);
    expect(exact.stdout).not.toContain("Closest code");
    expect(exact.stdout).not.toContain("Also possible");
  });

  it("refuses junk with exit 1 and suggestions instead of a wrong card", async () => {
    const run = await cli(["lookup", "CONNECTOR_UNHEALTHY"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('No code matches "CONNECTOR_UNHEALTHY".');
    expect(run.stdout).not.toContain("What to do:");
  });

  it("points somewhere useful when nothing is even close", async () => {
    const run = await cli(["lookup", "lunch at noon?"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("zpa-code list");
  });

  it("strips terminal control sequences from the echoed query", async () => {
    const run = await cli(["lookup", "\u001b[31mlunch at noon?"]);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain("\u001b");
  });

  it("strips terminal control sequences from echoed arguments in usage errors", async () => {
    for (const args of [["\u001b[2Jlookup"], ["lookup", "--\u001b[2J"], ["scan", "\u001b[2Jno-such-file"]]) {
      const run = await cli(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("[2J");
      expect(run.stderr).not.toContain("\u001b");
    }
  });

  it("prints one JSON object with query, match and alternatives", async () => {
    const run = await cli(["lookup", "--json", "brk-mt-setup-timeout"]);
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as { query: string; match: Record<string, unknown>; alternatives: unknown[] };
    expect(body.query).toBe("brk-mt-setup-timeout");
    expect((body as { how?: string }).how).toBe("code");
    expect(body.match.code).toBe("BRK_MT_SETUP_TIMEOUT");
    for (const key of ["title", "component", "category", "severity", "actionBy", "description", "remediation", "links"]) {
      expect(body.match).toHaveProperty(key);
    }
    expect(Array.isArray(body.alternatives)).toBe(true);
  });

  it("answers a batch on stdin line by line, in order, with exit 0 even for misses", async () => {
    const run = await cli(["lookup", "--json", "--batch"], "BRK_MT_SETUP_TIMEOUT\nHELLO_WORLD\nsni slow\n");
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n").map((line) => JSON.parse(line) as { query: string; match: { code: string } | null });
    expect(lines.map((line) => line.query)).toEqual(["BRK_MT_SETUP_TIMEOUT", "HELLO_WORLD", "sni slow"]);
    expect(lines[0]!.match?.code).toBe("BRK_MT_SETUP_TIMEOUT");
    expect(lines[1]!.match).toBeNull();
  });

  it("exits 2 on usage errors and explains", async () => {
    expect((await cli(["lookup"])).code).toBe(2);
    const batchWithoutJson = await cli(["lookup", "--batch"]);
    expect(batchWithoutJson.code).toBe(2);
    expect(batchWithoutJson.stderr).toContain("--batch needs --json");
    const unknownFlag = await cli(["lookup", "--colour", "x"]);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toContain("Usage: zpa-code lookup");
    expect((await cli(["frobnicate"])).code).toBe(2);
    expect((await cli([])).code).toBe(2);
  });
});

describe("zpa-code scan", () => {
  it("lists the codes of an App Connector journal in order of appearance", async () => {
    const run = await cli(["scan", join(samples, "app-connector-journal.txt")]);
    expect(run.code).toBe(0);
    const codes = run.stdout.trim().split("\n").map((line) => line.split(/\s+/)[1]);
    expect(codes).toEqual(["FOHH_CLOSE_REASON_SOCKET_ERR", "FOHH_CLOSE_REASON_REDIRECT"]);
  });

  it("reads stdin and prints {codes} as JSON", async () => {
    const paste = readFileSync(join(samples, "ba-syslog-close-from-connector.txt"), "utf8");
    const run = await cli(["scan", "--json"], paste);
    const body = JSON.parse(run.stdout) as { codes: Array<{ code: string; title: string }> };
    expect(body.codes.map((entry) => entry.code)).toEqual(["BRK_MT_CLOSED_FROM_ASSISTANT"]);
    expect(body.codes[0]!.title).toBeTruthy();
  });

  it("reads a log bigger than one scan call takes to the end, each code once", async () => {
    const filler = "Jan 27 05:28:23 host zpa-connector-child[1]: active\n";
    const log = `CLT_READ_FAILED\n${filler.repeat(Math.ceil((MAX_SCAN_CHARS + 1) / filler.length))}CLT_WRONG_PORT CLT_READ_FAILED\n`;
    expect(log.length).toBeGreaterThan(MAX_SCAN_CHARS);
    const run = await cli(["scan", "--json"], log);
    const body = JSON.parse(run.stdout) as { codes: Array<{ code: string }> };
    expect(body.codes.map((entry) => entry.code)).toEqual(["CLT_READ_FAILED", "CLT_WRONG_PORT"]);
  });

  it("says so when there is no code, and names an unreadable file", async () => {
    expect((await cli(["scan"], "all good here, invalid domain in lowercase prose")).stdout).toContain("No ZPA status codes found.");
    const missing = await cli(["scan", join(tmpdir(), "no-such-file-zpa.txt")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read");
  });

  it("refuses a file over the input bound with exit 2, naming the file", async () => {
    const big = join(mkdtempSync(join(tmpdir(), "zpa-cli-")), "huge.log");
    writeFileSync(big, "");
    truncateSync(big, MAX_INPUT_BYTES + 1);
    const run = await cli(["scan", big]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${big}: input is larger than`);
    rmSync(big);
  });
});

describe("zpa-code list", () => {
  it("filters by component and category", async () => {
    const run = await cli(["list", "--component", "BA", "--category", "error", "--json"]);
    const body = JSON.parse(run.stdout) as { codes: Array<{ component: string; category: string }> };
    expect(body.codes.length).toBeGreaterThan(0);
    expect(body.codes.every((entry) => entry.component === "BA" && entry.category === "error")).toBe(true);
  });

  it("rejects an unknown component with exit 2", async () => {
    const run = await cli(["list", "--component", "XX"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--component must be one of AC, CA, CLT, SE, BA");
  });

  it("has --help on every command", async () => {
    for (const command of ["lookup", "scan", "list"]) {
      const run = await cli([command, "--help"]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: zpa-code ${command}`);
    }
  });
});

describe("the installed zpa-code bin", () => {
  it("exits 70 with one line, not a stack trace, when its catalog is damaged", async () => {
    // A copy of the built CLI beside a broken data/catalog.json, resolving packages from this project.
    const dir = mkdtempSync(join(tmpdir(), "zpa-cli-broken-"));
    cpSync(join(root, "dist"), join(dir, "dist"), { recursive: true });
    symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
    mkdirSync(join(dir, "data"));
    // Shaped like a catalog but not the builder's output: the run-time seal check refuses it.
    writeFileSync(join(dir, "data/catalog.json"), JSON.stringify({ sources: {}, entries: [{ code: "BRK_MT_SETUP_TIMEOUT" }] }));
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, [join(dir, "dist/cli/main.js"), "lookup", "BRK_MT_SETUP_TIMEOUT"], {}, (error, _stdout, stderr) =>
        resolve({ code: error ? (error.code as number | null) : 0, stderr }),
      );
    });
    expect(result.code).toBe(70);
    expect(result.stderr).toMatch(/^zpa-code: internal error: Invalid catalog: .*data\/catalog\.json was not written by `npm run catalog`/);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("runs from package.json's bin after the build, with the documented exit codes", async () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { bin: Record<string, string> };
    const bin = join(root, pkg.bin["zpa-code"]!);
    const dir = mkdtempSync(join(tmpdir(), "zpa-cli-"));
    writeFileSync(join(dir, "paste.txt"), "InternalReason: AST_MT_SETUP_TIMEOUT_CANNOT_CONN_TO_BROKER");
    const run = (args: string[]) =>
      new Promise<{ code: number; stdout: string }>((resolve) => {
        execFile(process.execPath, [bin, ...args], { cwd: dir }, (error, stdout) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
        );
      });
    const found = await run(["scan", "paste.txt"]);
    expect(found.code).toBe(0);
    expect(found.stdout).toContain("AST_MT_SETUP_TIMEOUT_CANNOT_CONN_TO_BROKER");
    expect((await run(["lookup", "HELLO_WORLD"])).code).toBe(1);
    expect((await run(["list", "--category", "nope"])).code).toBe(2);
  });
});
