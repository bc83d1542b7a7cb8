// The bot's HTTP server bounds what a client can hold: slow headers or bodies are dropped, connections are
// capped, and HOST picks the address it listens on.
import { connect, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { DEFAULT_SERVER_LIMITS } from "../../src/health.js";
import { startHttpTestApp, startSocketTestApp } from "../support/app.js";
import { postSlashCommand } from "../support/sign.js";

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => resolve(socket));
    socket.once("error", reject);
  });
}

/** Everything the server wrote before it closed the connection. */
function closed(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    socket.on("data", (chunk: Buffer) => (text += chunk));
    socket.on("error", () => undefined);
    socket.once("close", () => resolve(text));
  });
}

const SHORT_TIMEOUTS = { requestTimeout: 300, headersTimeout: 300, connectionsCheckingInterval: 50 };

/** Sends the start of a request that never completes; resolves with what the server wrote before closing. */
async function abandoned(port: number, partialRequest: string): Promise<string> {
  const slow = await open(port);
  const answer = closed(slow);
  slow.write(partialRequest);
  return answer;
}

describe("the bot's HTTP server", () => {
  it("drops a request whose body never finishes (408), and keeps serving", async () => {
    const t = await startHttpTestApp({ serverLimits: SHORT_TIMEOUTS });
    try {
      const body = "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{";
      expect(await abandoned(t.running.port, body)).toMatch(/^HTTP\/1\.1 408 /);
      const ok = await postSlashCommand(t.baseUrl, t.signingSecret, { text: "help", response_url: t.api.responseUrl() });
      expect(ok.status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it("drops a client that never finishes its headers", async () => {
    const t = await startHttpTestApp({ serverLimits: SHORT_TIMEOUTS });
    try {
      expect(await abandoned(t.running.port, "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n")).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      await t.close();
    }
  });

  it("refuses connections beyond the cap, and takes new ones once others close", async () => {
    const t = await startHttpTestApp({ serverLimits: { maxConnections: 2 } });
    try {
      const held = [await open(t.running.port), await open(t.running.port)];
      const extra = await open(t.running.port);
      // Node closes a connection over the cap at once, without a response.
      expect(await closed(extra)).toBe("");
      const released = held.map((socket) => closed(socket));
      for (const socket of held) socket.end();
      await Promise.all(released);
      expect((await postSlashCommand(t.baseUrl, t.signingSecret, { text: "help", response_url: t.api.responseUrl() })).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it("has the same bounds on the Socket Mode health server", async () => {
    const t = await startSocketTestApp({ serverLimits: SHORT_TIMEOUTS });
    try {
      expect(await abandoned(t.running.port, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      await t.close();
    }
  });

  it("defaults to 10 s for headers and body and a cap of 1,000 connections", () => {
    expect(DEFAULT_SERVER_LIMITS).toMatchObject({ headersTimeout: 10_000, requestTimeout: 10_000, maxConnections: 1_000 });
  });
});

describe("HOST", () => {
  it("chooses the bind address; anything but a host name or IP is refused, naming HOST", () => {
    expect(loadConfig({ HOST: "127.0.0.1" }).host).toBe("127.0.0.1");
    expect(loadConfig({ HOST: "[::1]" }).host).toBe("::1");
    expect(loadConfig({}).host).toBeUndefined();
    expect(() => loadConfig({ HOST: "http://0.0.0.0:3000" })).toThrow(/^HOST must be a host name or IP address/);
  });
});
