// OCR needs no network at run time: the built CLI reads a screenshot with the network cut (a new network
// namespace where the machine allows it, and a preload that refuses and reports any connection).
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runNodeOffline } from "../support/offline.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const fixture = fileURLToPath(new URL("../fixtures/ocr/terminal-journal.png", import.meta.url));

describe("OCR offline", () => {
  it("reads a screenshot's codes with the network cut, trying no connection", async () => {
    const run = await runNodeOffline(["dist/cli/main.js", "scan", "--json", fixture], { cwd: ROOT });
    expect(run.stderr).not.toContain("no-network:");
    if (run.cut === "guard") console.warn("unshare -n is not available: only the main thread's network was cut");
    expect(run.code, run.stderr).toBe(0);
    const answer = JSON.parse(run.stdout) as { codes: { code: string }[] };
    expect(answer.codes.map((e) => e.code)).toEqual(["FOHH_CLOSE_REASON_SOCKET_ERR", "FOHH_CLOSE_REASON_REDIRECT"]);
  }, 150_000);

  it("the guard itself works: a program that fetches is refused and reported", async () => {
    const run = await runNodeOffline(["-e", "fetch('https://cdn.jsdelivr.net/').catch(() => process.exit(3))"], { cwd: ROOT });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("no-network: fetch(https://cdn.jsdelivr.net/) attempted");
  });
});
