// GET /healthz for load balancers and orchestrators, in both run modes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const HEALTH_PATH = "/healthz";
/** Prometheus metrics, served wherever /healthz is (src/metrics.ts). */
export const METRICS_PATH = "/metrics";

/**
 * Bounds for the bot's HTTP servers (Slack's requests in HTTP mode, /healthz and /metrics in both): a client
 * that sends its headers or body slowly is dropped after 10 s instead of Node's 300 s, and connections beyond
 * maxConnections are refused, so a flood of idle sockets can't exhaust the process.
 */
export interface ServerLimits {
  headersTimeout: number;
  requestTimeout: number;
  /** How often Node looks for requests past those timeouts (its default is 30 s). */
  connectionsCheckingInterval: number;
  maxConnections: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  headersTimeout: 10_000,
  requestTimeout: 10_000,
  connectionsCheckingInterval: 1_000,
  maxConnections: 1_000,
};

/** The part of the limits http.createServer() takes; maxConnections is set on the server (capConnections). */
export function serverOptionsOf(limits: ServerLimits): Pick<ServerLimits, "headersTimeout" | "requestTimeout" | "connectionsCheckingInterval"> {
  const { headersTimeout, requestTimeout, connectionsCheckingInterval } = limits;
  return { headersTimeout, requestTimeout, connectionsCheckingInterval };
}

export function capConnections(server: Server, limits: ServerLimits): void {
  server.maxConnections = limits.maxConnections;
}

export interface HealthStatus {
  status: "ok";
  mode: "socket" | "http";
  /** Number of codes the bot can explain; 0 would mean a broken build. */
  catalogEntries: number;
  uptimeSeconds: number;
}

export type HealthSource = () => HealthStatus;

export function healthReporter(mode: HealthStatus["mode"], catalogEntries: number): HealthSource {
  const startedAt = Date.now();
  return () => ({ status: "ok", mode, catalogEntries, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
}

export function writeHealth(res: ServerResponse, health: HealthSource): void {
  res.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(health()));
}

/** Writes the Prometheus text for GET /metrics; never rejects (a failure is answered 500). */
export interface MetricsSource {
  write(res: ServerResponse): Promise<void>;
}

/** Socket Mode has no HTTP server of its own, so health (and /metrics) get this small one. */
export async function startHealthServer(
  health: HealthSource,
  port: number,
  host?: string,
  metrics?: MetricsSource,
  limits: ServerLimits = DEFAULT_SERVER_LIMITS,
): Promise<{ server: Server; port: number }> {
  const server = createServer(serverOptionsOf(limits), (req: IncomingMessage, res: ServerResponse) => {
    const path = pathOf(req);
    if (path === HEALTH_PATH && (req.method === "GET" || req.method === "HEAD")) {
      writeHealth(res, health);
      return;
    }
    if (metrics && path === METRICS_PATH && req.method === "GET") {
      void metrics.write(res);
      return;
    }
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    res.end("Not found\n");
  });
  capConnections(server, limits);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port, host }, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return { server, port: (server.address() as AddressInfo).port };
}

/** The request's path, or undefined for a target that does not parse (such as "http://["): a 404, not a crash. */
export function pathOf(req: IncomingMessage): string | undefined {
  try {
    return new URL(req.url ?? "/", "http://localhost").pathname;
  } catch {
    return undefined;
  }
}
