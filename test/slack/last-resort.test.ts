// The last-resort handlers in a process of their own: an unhandled rejection and an uncaught exception are
// logged (redacted) and the process carries on; without them Node would end it with exit 1.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TOKEN = "xoxb-7777-8888-LASTRESORTtoken";

const SCRIPT = `
import { createRedactingLogger } from "./src/slack/logger.ts";
import { keepServingOnUnexpectedErrors } from "./src/slack/last-resort.ts";
const logger = createRedactingLogger({ level: "info", secrets: [${JSON.stringify(TOKEN)}] });
if (process.argv.includes("--install")) keepServingOnUnexpectedErrors(logger);
Promise.reject(new Error("rejected with ${TOKEN}"));
setTimeout(() => { throw new Error("thrown in a timer"); }, 0);
setTimeout(() => { process.stdout.write("still serving\\n"); }, 20);
`;

function run(install: boolean): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", SCRIPT, ...(install ? ["--", "--install"] : [])], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("last-resort error handlers", () => {
  it("log an unhandled rejection and an uncaught exception, redacted, and keep the process running", async () => {
    const { code, stdout, stderr } = await run(true);
    expect(stdout).toBe("still serving\n");
    expect(code).toBe(0);
    expect(stderr).toMatch(/ERROR .*Unexpected error .*still serving.*rejected with \[redacted\]/);
    expect(stderr).toContain("thrown in a timer");
    expect(stderr).not.toContain(TOKEN);
  });

  it("are what keeps it alive: without them the same errors end the process", async () => {
    const { code, stdout } = await run(false);
    expect(code).not.toBe(0);
    expect(stdout).toBe("");
  });
});
