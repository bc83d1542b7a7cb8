// A local stand-in for Slack's Socket Mode WebSocket endpoint, speaking the protocol
// @slack/socket-mode expects: "hello" on connect, envelopes out, {envelope_id, payload} acks back.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { eventCallback, slashCommandFields } from "./payloads.js";

// Waits end when the awaited call arrives; the bound only turns a hang into a message listing what came,
// so it is generous enough for a loaded machine.
const WAIT_BOUND_MS = 30_000;

export type EnvelopeType = "events_api" | "slash_commands" | "interactive";

export interface Ack {
  envelope_id: string;
  payload?: Record<string, any>;
  receivedAt: number;
}

export interface SendOptions {
  acceptsResponsePayload?: boolean;
  retryAttempt?: number;
  retryReason?: string;
}

export interface SocketModeServer {
  /** The wss-style URL apps.connections.open should hand out (ws://127.0.0.1:PORT/link). */
  readonly url: string;
  readonly acks: readonly Ack[];
  /** Number of clients that connected so far (reconnects count again). */
  readonly connectionCount: number;
  waitForConnection(timeoutMs?: number): Promise<void>;
  /** Sends an envelope to every connected client; returns its envelope_id. */
  send(type: EnvelopeType, payload: Record<string, unknown>, options?: SendOptions): string;
  sendEvent(event: Record<string, unknown>, options?: SendOptions): string;
  sendSlashCommand(fields?: Record<string, string>): string;
  sendInteractive(payload: Record<string, unknown>, options?: SendOptions): string;
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<Ack>;
  close(): Promise<void>;
}

export async function startSocketModeServer(): Promise<SocketModeServer> {
  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve, reject) => {
    wss.once("listening", resolve);
    wss.once("error", reject);
  });
  const { port } = wss.address() as AddressInfo;
  const clients = new Set<WebSocket>();
  const acks: Ack[] = [];
  const waiters = new Set<() => void>();
  let connectionCount = 0;
  const notify = (): void => {
    for (const wake of [...waiters]) wake();
  };

  wss.on("connection", (socket) => {
    clients.add(socket);
    connectionCount += 1;
    socket.on("close", () => clients.delete(socket));
    socket.on("message", (data) => {
      try {
        const message = JSON.parse(String(data)) as { envelope_id?: unknown; payload?: Record<string, any> };
        if (typeof message.envelope_id !== "string") return;
        const ack: Ack = { envelope_id: message.envelope_id, receivedAt: Date.now() };
        if (message.payload !== undefined) ack.payload = message.payload;
        acks.push(ack);
        notify();
      } catch {
        // Not JSON: ignore, as Slack would.
      }
    });
    socket.send(
      JSON.stringify({
        type: "hello",
        num_connections: clients.size,
        debug_info: { host: "applink-local", build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: "A0TESTAPP" },
      }),
    );
    notify();
  });

  function waitFor<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(wake);
        reject(new Error(`Socket Mode server: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const wake = (): void => {
        const found = check();
        if (found === undefined) return;
        clearTimeout(timer);
        waiters.delete(wake);
        resolve(found);
      };
      waiters.add(wake);
      wake();
    });
  }

  function send(type: EnvelopeType, payload: Record<string, unknown>, options: SendOptions = {}): string {
    const envelopeId = randomUUID();
    const envelope: Record<string, unknown> = {
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: options.acceptsResponsePayload ?? type !== "events_api",
    };
    if (type === "events_api") {
      envelope.retry_attempt = options.retryAttempt ?? 0;
      envelope.retry_reason = options.retryReason ?? "";
    }
    const text = JSON.stringify(envelope);
    for (const client of clients) client.send(text);
    return envelopeId;
  }

  return {
    url: `ws://127.0.0.1:${port}/link`,
    acks,
    get connectionCount() {
      return connectionCount;
    },
    waitForConnection: (timeoutMs = WAIT_BOUND_MS) =>
      waitFor(() => (clients.size > 0 ? true : undefined), timeoutMs, "client connection").then(() => undefined),
    send,
    sendEvent: (event, options) => send("events_api", eventCallback(event), options),
    sendSlashCommand: (fields = {}) => send("slash_commands", slashCommandFields(fields)),
    sendInteractive: (payload, options) => send("interactive", payload, options),
    waitForAck: (envelopeId, timeoutMs = WAIT_BOUND_MS) =>
      waitFor(() => acks.find((ack) => ack.envelope_id === envelopeId), timeoutMs, `ack for ${envelopeId}`),
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}
