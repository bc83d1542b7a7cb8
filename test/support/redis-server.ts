// A private redis-server per test file (or bench run): loopback only, a free port, no persistence.
// Tests never touch a Redis they did not start.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REDIS_SERVER } from "./system-binaries.js";

const HOST = "127.0.0.1";
// Only a hang guard: the wait ends at the first PONG.
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

export interface RedisServer {
  readonly port: number;
  /** redis://127.0.0.1:<port> */
  readonly url: string;
  /** Stops the server (it can be started again on the same port). */
  stop(): Promise<void>;
  /** Starts it again on the same port after stop(). */
  start(): Promise<void>;
}

/** Thrown when the machine has no redis-server; the message says how to install it. */
export class RedisServerMissingError extends Error {}

/** For the benches: whether redis-server is there and runs. */
export async function redisServerInstalled(): Promise<boolean> {
  const binary = REDIS_SERVER.path;
  if (binary === undefined) return false;
  return new Promise((resolve) => {
    const probe = spawn(binary, ["--version"], { stdio: "ignore" });
    probe.once("error", () => resolve(false));
    probe.once("exit", (code) => resolve(code === 0));
  });
}

function redisBinary(): string {
  if (REDIS_SERVER.path === undefined) {
    throw new RedisServerMissingError(`redis-server not found (REDIS_SERVER_BIN or PATH); install: ${REDIS_SERVER.install}`);
  }
  return REDIS_SERVER.path;
}

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, HOST, resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port from the OS");
  return address.port;
}

export async function startRedisServer(): Promise<RedisServer> {
  let lastError: unknown;
  // Another process may grab the free port between probing and binding; a fresh port fixes that.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const port = await freePort();
    const server = redisServerOn(port);
    try {
      await server.start();
      return server;
    } catch (error) {
      if (error instanceof RedisServerMissingError) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

function redisServerOn(port: number): RedisServer {
  let dir: string | undefined;
  let child: ChildProcess | undefined;
  const killOnExit = () => child?.kill("SIGKILL");

  return {
    port,
    url: `redis://${HOST}:${port}`,

    async start() {
      if (child) throw new Error("redis-server is already running");
      dir = mkdtempSync(join(tmpdir(), "zpa-redis-"));
      const args = ["--port", String(port), "--bind", HOST, "--save", "", "--appendonly", "no"];
      args.push("--dir", dir, "--daemonize", "no", "--loglevel", "warning");
      const binary = redisBinary();
      const spawned = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
      child = spawned;
      process.once("exit", killOnExit);
      let output = "";
      const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2_000));
      spawned.stdout?.on("data", keep);
      spawned.stderr?.on("data", keep);
      const exited = new Promise<never>((_, reject) => {
        spawned.once("error", (error: NodeJS.ErrnoException) =>
          reject(
            error.code === "ENOENT"
              ? new RedisServerMissingError(`${binary} could not be run; install: ${REDIS_SERVER.install}`)
              : error,
          ),
        );
        spawned.once("exit", (code, signal) => reject(new Error(`redis-server exited (${signal ?? code}): ${output.trim()}`)));
      });
      exited.catch(() => {});
      try {
        await Promise.race([untilPong(port), exited]);
      } catch (error) {
        spawned.kill("SIGKILL");
        child = undefined;
        rmSync(dir, { recursive: true, force: true });
        process.off("exit", killOnExit);
        throw error;
      }
    },

    async stop() {
      const running = child;
      if (!running) return;
      const workDir = dir;
      child = undefined;
      process.off("exit", killOnExit);
      if (running.exitCode === null && running.signalCode === null) {
        const gone = new Promise<void>((resolve) => running.once("exit", () => resolve()));
        running.kill("SIGTERM");
        const timer = setTimeout(() => running.kill("SIGKILL"), STOP_TIMEOUT_MS);
        await gone;
        clearTimeout(timer);
      }
      if (workDir) rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** Resolves once the server answers PING on the port. */
async function untilPong(port: number): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await pingOnce(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`redis-server on port ${port} did not answer PING within ${READY_TIMEOUT_MS} ms`);
}

function pingOnce(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: HOST, port });
    let reply = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      if (reply.includes("\r\n")) done(reply.startsWith("+PONG"));
    });
  });
}
