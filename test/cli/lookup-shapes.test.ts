// zpa-code lookup says which answer shape it gives, in text and in --json.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";

async function cli(args: string[]): Promise<{ code: number; stdout: string }> {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
  let stdout = "";
  io.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  io.stdin.end("");
  const code = await runCli(args, io);
  return { code, stdout };
}

describe("zpa-code lookup answer shapes", () => {
  it("carries confidence and how in --json", async () => {
    const shapes: Array<[string, string | null, string]> = [
      ["BRK_MT_SETUP_TIMEOUT", "certain", "code"],
      ["SETUP_MT_BRK_TIMEOUT", "likely", "reordered"],
      ["saml assertion too large", "likely", "words"],
      ["connector cannot reach server", "possible", "words"],
      ["ORA-12541", null, "none"],
    ];
    for (const [query, confidence, how] of shapes) {
      const run = await cli(["lookup", "--json", query]);
      const parsed = JSON.parse(run.stdout) as { confidence: string | null; how: string; match: { code: string } | null };
      expect([parsed.confidence, parsed.how], query).toEqual([confidence, how]);
      expect(parsed.match === null, query).toBe(confidence === null);
    }
  });

  it("prints a possible answer as a ranked list with the first code's essentials", async () => {
    const run = await cli(["lookup", "connector cannot reach server"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe('Possible: codes that match "connector cannot reach server", most likely first:');
    expect(run.stdout).toMatch(/\nFirst: [A-Z_]+: severity \w+, who acts: [\w ]+; first step: \S/);
  });

  it("says a words answer is likely, and names the other candidates", async () => {
    const run = await cli(["lookup", "saml assertion too large"]);
    expect(run.stdout.split("\n")[0]).toBe('Likely: best match for your words "saml assertion too large":');
    expect(run.stdout).toContain("Also possible:");
  });
});
