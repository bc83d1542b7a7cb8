// `npm start` with no Slack variables: the real entry point as a process serves the local preview,
// says so in one line, and stops cleanly on SIGTERM/SIGINT. Loopback only, ephemeral ports.
import { createServer, type Server } from "node:net";
import { describe, expect, it } from "vitest";
import { spawnMain, type MainProcess } from "../support/spawn-main.js";

const URL_LINE = /Local preview on (http:\/\/127\.0\.0\.1:(\d+))\/ .*\n/;

async function startedPreview(env: Record<string, string> = {}): Promise<{ main: MainProcess; url: string }> {
  const main = spawnMain({ PORT: "0", ...env });
  const [, url] = await main.waitForOutput(URL_LINE);
  return { main, url: url! };
}

describe("npm start without Slack tokens", () => {
  it.concurrent.each(["SIGTERM", "SIGINT"] as const)(
    "serves the preview page and /healthz, prints one line saying how to connect Slack, and exits 0 on %s",
    async (signal) => {
      const { main, url } = await startedPreview();
      try {
        const page = await fetch(`${url}/`, { signal: AbortSignal.timeout(5_000) });
        expect(page.status).toBe(200);
        expect(await page.text()).toContain("ZPA Codes");
        const health = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
        expect(await health.json()).toMatchObject({ status: "ok", mode: "preview" });

        // The page's answers come from the real bot: a typed code gets its card.
        const answer = await fetch(`${url}/api/command`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ text: "BRK_MT_SETUP_TIMEOUT" }),
          signal: AbortSignal.timeout(5_000),
        });
        expect(JSON.stringify(await answer.json())).toContain("BRK_MT_SETUP_TIMEOUT");
      } finally {
        main.child.kill(signal);
      }
      const { code, signal: killedBy } = await main.exited();
      expect({ code, killedBy }).toEqual({ code: 0, killedBy: null });

      const lines = main.output().trim().split("\n");
      expect(lines).toHaveLength(1);
      for (const variable of ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "README"]) {
        expect(lines[0]).toContain(variable);
      }
    },
  );

  it("stops with exit code 78 and one line naming PORT when the port is taken", async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const { port } = taken.address() as { port: number };
    try {
      const main = spawnMain({ PORT: String(port) });
      const { code } = await main.exited();
      expect(code).toBe(78);
      expect(main.output().trim().split("\n")).toEqual([`Configuration error: PORT ${port} is already in use`]);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it("stops with exit code 78 and one line naming PREVIEW_HOST when it is not a host", async () => {
    const main = spawnMain({ PORT: "0", PREVIEW_HOST: "http://0.0.0.0:3000" });
    const { code } = await main.exited();
    expect(code).toBe(78);
    const lines = main.output().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Configuration error: PREVIEW_HOST /);
  });
});
