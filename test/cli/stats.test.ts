// `zpa-code stats` as an operator runs it: the installed bin, its environment, a real Redis.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { DAY_MS } from "../../src/state/buckets.js";
import { connectRedisStore } from "../../src/state/redis-store.js";
import { createSightings, createUserHasher } from "../../src/state/sightings.js";
import { freePort, startRedisServer, type RedisServer } from "../support/redis-server.js";
import { describeIfInstalled, REDIS_SERVER } from "../support/system-binaries.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { bin: Record<string, string> };
const bin = join(root, pkg.bin["zpa-code"]!);

/** The machine's environment without any state variables, so only what a test sets counts. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (/^(REDIS_|SIGHTINGS_|SPIKE_)/.test(name)) delete env[name];
  return { ...env, ...extra };
}

function stats(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, "stats", ...args], { env: cleanEnv(env) }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let redis: RedisServer;
const prefix = `t:${randomUUID()}:`;
beforeAll(async () => {
  redis = await startRedisServer();
  const store = await connectRedisStore({ url: redis.url, keyPrefix: prefix, retentionMs: 30 * DAY_MS, recentWindowMs: 1_800_000 });
  const sightings = createSightings(store, {
    hashUser: createUserHasher("stats-test-salt-0123456789"),
    spikeWindowMs: 1_800_000,
    spikeMinPeople: 5,
  });
  for (const user of ["U1", "U2", "U3", "U1"]) await sightings.record("BRK_MT_SETUP_TIMEOUT", "C0OPS", user);
  await sightings.record("AST_MT_SETUP_ERR_OPEN_SERVER_CONN", "C0HELP", "U4");
  await store.close();
});
afterAll(async () => {
  await redis?.stop();
});

describeIfInstalled(REDIS_SERVER)("zpa-code stats", () => {
  it("lists the bot's most seen codes from REDIS_URL, with sightings, people and titles", async () => {
    const run = await stats([], { REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix });
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toBe(`Most seen codes in the last 7 days (Redis at 127.0.0.1:${redis.port}):`);
    expect(lines[1]).toMatch(/^ 1\. BRK_MT_SETUP_TIMEOUT +4 sightings +3 people +SE: Connection request timed out$/);
    expect(lines[2]).toMatch(/^ 2\. AST_MT_SETUP_ERR_OPEN_SERVER_CONN +1 sighting +1 person +AC: Cannot open connection to server$/);
  });

  it("prints JSON with --json and honours --days", async () => {
    const run = await stats(["--json", "--days", "1"], { REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix });
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as { store: string; days: number; codes: Array<{ code: string; count: number; people: number; title: string }> };
    expect(body.store).toBe("redis");
    expect(body.days).toBe(1);
    expect(body.codes[0]).toEqual({ code: "BRK_MT_SETUP_TIMEOUT", count: 4, people: 3, title: "SE: Connection request timed out" });
  });

  it("says when nothing was seen", async () => {
    const run = await stats([], { REDIS_URL: redis.url, REDIS_KEY_PREFIX: `t:${randomUUID()}:` });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("No codes seen in the last 7 days");
  });

  it("without REDIS_URL explains that a fresh process's in-process store is empty", async () => {
    const run = await stats([], {});
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("REDIS_URL is not set");
    expect(run.stderr).toContain("in its own memory");
  });

  it("names an unreachable Redis by host:port without its password, and a bad REDIS_URL by name", async () => {
    const port = await freePort();
    const down = await stats([], { REDIS_URL: `redis://:Sup3rSecret@127.0.0.1:${port}` });
    expect(down.code).toBe(1);
    expect(down.stderr).toContain(`Redis at 127.0.0.1:${port} is unreachable`);
    expect(down.stderr + down.stdout).not.toContain("Sup3rSecret");
    const bad = await stats([], { REDIS_URL: "mysql://Sup3rSecret@db" });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("REDIS_URL must be a redis:// or rediss:// URL");
    expect(bad.stderr).not.toContain("Sup3rSecret");
  });

  it("rejects a bad --days with usage and exit 2", async () => {
    for (const days of ["0", "seven", "400"]) {
      const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
      let stderr = "";
      io.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      expect(await runCli(["stats", "--days", days], io)).toBe(2);
      expect(stderr).toContain("--days must be a whole number from 1 to 365");
      expect(stderr).toContain("Usage: zpa-code stats");
    }
  });
});
