// GET /healthz for load balancers and orchestrators, in both run modes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const HEALTH_PATH = "/healthz";

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

/** Writes the Prometheus text for GET /metrics. */
export interface MetricsSource {
  write(res: ServerResponse): Promise<void>;
}

/** Socket Mode has no HTTP server of its own, so health (and /metrics) get this small one. */
export async function startHealthServer(
  health: HealthSource,
  port: number,
  host?: string,
  metrics?: MetricsSource,
): Promise<{ server: Server; port: number }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = pathOf(req);
    if (path === HEALTH_PATH && (req.method === "GET" || req.method === "HEAD")) {
      writeHealth(res, health);
      return;
    }
    if (metrics && path === "/metrics" && req.method === "GET") {
      void metrics.write(res);
      return;
    }
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    res.end("Not found\n");
  });
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
function pathOf(req: IncomingMessage): string | undefined {
  try {
    return new URL(req.url ?? "/", "http://localhost").pathname;
  } catch {
    return undefined;
  }
}
