// `zpa-code scan` with screenshots: the image is told by its bytes (file or stdin), read offline, and
// its codes listed as for pasted text; bad images get one line and exit 2; OCR=off refuses images.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { scanCommand } from "../../src/cli/scan.js";
import { defaultSearch } from "../../src/search/index.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/ocr/${name}`, import.meta.url));

async function scan(args: string[], options: { stdin?: Buffer; env?: Record<string, string> } = {}) {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
  let stdout = "";
  let stderr = "";
  io.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  io.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  io.stdin.end(options.stdin ?? Buffer.alloc(0));
  const json = args.includes("--json");
  const files = args.filter((a) => a !== "--json");
  let code: number;
  if (options.env) {
    code = await scanCommand(defaultSearch(), io, { json, files, env: options.env }).catch((error: Error) => {
      stderr += error.message;
      return 2;
    });
  } else {
    code = await runCli(["scan", ...args], io);
  }
  return { code, stdout, stderr };
}

describe("zpa-code scan with an image", () => {
  it("reads the codes of a JPEG diagnostics table given as FILE", async () => {
    const run = await scan([fixture("diagnostics-table.jpg")]);
    expect(run.code).toBe(0);
    const codes = run.stdout.trim().split("\n").map((line) => line.split(/\s+/)[1]);
    expect(codes).toEqual([
      "AST_MT_SETUP_ERR_OPEN_SERVER_TIMEOUT",
      "BRK_MT_SETUP_FAIL_CONNECTOR_GROUPS_MISSING",
      "CLT_PORT_UNREACHABLE",
      "FOHH_CLOSE_REASON_SERIALIZE",
    ]);
  }, 120_000);

  it("reads a PNG piped on stdin, with --json giving image size, codes and likely ones", async () => {
    const run = await scan(["--json"], { stdin: readFileSync(fixture("terminal-journal.png")) });
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout) as { image: object; codes: { code: string }[]; likely: unknown[] };
    expect(answer.image).toEqual({ type: "png", width: 1280, height: 800 });
    expect(answer.codes.map((e) => e.code)).toEqual(["FOHH_CLOSE_REASON_SOCKET_ERR", "FOHH_CLOSE_REASON_REDIRECT"]);
    expect(answer.likely).toEqual([]);
  }, 120_000);

  it("says so when an image of near-misses holds no code", async () => {
    const run = await scan([fixture("negative-near-misses.png")]);
    expect(run).toMatchObject({ code: 0, stdout: "No ZPA status codes found in the image.\n" });
  }, 120_000);

  it("refuses a truncated image in one line, and images altogether with OCR=off", async () => {
    const truncated = readFileSync(fixture("terminal-journal.png")).subarray(0, 200);
    const damaged = await scan([], { stdin: truncated });
    expect(damaged.code).toBe(2);
    expect(damaged.stderr).toMatch(/^zpa-code scan: the PNG header does not match its data/);
    const off = await scan([fixture("terminal-journal.png")], { env: { OCR: "off" } });
    expect(off.code).toBe(2);
    expect(off.stderr).toContain("reading images is off (OCR=off)");
    const bad = await scan([fixture("terminal-journal.png")], { env: { OCR_MAX_BYTES: "2000" } });
    expect(bad.stderr).toContain("larger than OCR_MAX_BYTES");
  }, 120_000);

  it("still scans text files as text", async () => {
    const run = await scan([fileURLToPath(new URL("../fixtures/samples/app-connector-journal.txt", import.meta.url))]);
    expect(run.stdout).toContain("FOHH_CLOSE_REASON_SOCKET_ERR");
  });
});
