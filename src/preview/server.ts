// The local preview web server: one Slack-like page plus a small JSON API backed by a PreviewBot.
// node:http only; everything the page needs is served from here (no CDN), under a strict CSP.
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HEALTH_PATH, METRICS_PATH } from "../health.js";
import { API_ROUTES, handleApi, MAX_IMAGE_BODY_BYTES, type ApiRoute } from "./api.js";
import type { PreviewBot } from "./payloads.js";
import { HttpError, readJsonBody } from "./http-body.js";
import { FAVICON_SVG, INDEX_HTML } from "./page/index-html.js";
import { STYLES_CSS } from "./page/styles.js";

export const DEFAULT_PREVIEW_HOST = "127.0.0.1";

/** No inline script or style, nothing from other origins: a payload that slipped past escaping still can't run. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // blob: for the preview of a screenshot the page itself pasted (URL.createObjectURL), nothing else.
  "img-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
} as const;

/**
 * The page's script, browser/app.ts as the build compiled it. Read from dist/ whether this server runs
 * from dist/ or (tests, tsx) from src/: both sit two levels under the package root.
 */
const CLIENT_SCRIPT_URL = new URL("../../dist/preview/browser/app.js", import.meta.url);
let clientScript: string | undefined;
function readClientScript(): string {
  try {
    clientScript ??= readFileSync(CLIENT_SCRIPT_URL, "utf8");
  } catch {
    throw new Error("dist/preview/browser/app.js is missing: run `npm run build` first");
  }
  return clientScript;
}

const STATIC_FILES: Record<string, { type: string; body: string | (() => string) }> = {
  "/": { type: "text/html; charset=utf-8", body: INDEX_HTML },
  "/app.js": { type: "text/javascript; charset=utf-8", body: readClientScript },
  "/style.css": { type: "text/css; charset=utf-8", body: STYLES_CSS },
  "/favicon.svg": { type: "image/svg+xml", body: FAVICON_SVG },
};

export interface PreviewServerOptions {
  bot: PreviewBot;
  /** Default 127.0.0.1: the preview has no login, so it is local unless asked otherwise. */
  host?: string;
  /** 0 = any free port. */
  port: number;
  /** Where failures of the bot are reported; default stderr. */
  log?: (line: string) => void;
}

export interface RunningPreview {
  readonly server: Server;
  readonly host: string;
  readonly port: number;
  /** http://host:port (IPv6 hosts in brackets). */
  readonly url: string;
  close(): Promise<void>;
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<RunningPreview> {
  const host = options.host ?? DEFAULT_PREVIEW_HOST;
  const server = createServer(createPreviewHandler(options.bot, options.log, allowedHostsFor(host)));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: options.port, host }, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    server,
    host,
    port,
    url: `http://${urlHost}:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await options.bot.close?.();
    },
  };
}

/** Names the page may be reached by: loopback, and the host it was asked to listen on (PREVIEW_HOST). */
export function allowedHostsFor(host: string): ReadonlySet<string> {
  const bare = host.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  return new Set(["localhost", "127.0.0.1", "::1", bare]);
}

/**
 * DNS rebinding: a site that points its own name at 127.0.0.1 would otherwise be "same origin" with this
 * server. Its requests still carry its name in Host, so anything but an allowed name is refused.
 */
function rejectOtherHosts(req: IncomingMessage, allowed: ReadonlySet<string>): void {
  const header = req.headers.host ?? "";
  const name = header.toLowerCase().replace(/:\d+$/, "").replace(/^\[(.*)\]$/, "$1");
  if (!allowed.has(name)) throw new HttpError(403, "This preview answers only at localhost, 127.0.0.1 or PREVIEW_HOST.");
}

export function createPreviewHandler(
  bot: PreviewBot,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  allowedHosts: ReadonlySet<string> = allowedHostsFor(DEFAULT_PREVIEW_HOST),
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    route(req, res, bot, allowedHosts).catch((error: unknown) => {
      if (error instanceof HttpError) return sendJson(res, error.status, { error: error.message });
      // The detail goes to the operator's log; the page gets a plain sentence.
      log(`preview: ${req.method ?? "?"} ${pathOf(req)} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      sendJson(res, 500, { error: "The bot failed to answer; the server log has the details." });
    });
  };
}

async function route(req: IncomingMessage, res: ServerResponse, bot: PreviewBot, allowedHosts: ReadonlySet<string>): Promise<void> {
  rejectOtherHosts(req, allowedHosts);
  const path = pathOf(req);
  const method = req.method ?? "GET";

  if (path === HEALTH_PATH) {
    requireMethod(method, ["GET", "HEAD"]);
    return sendJson(res, 200, { status: "ok", mode: "preview" }, method === "HEAD");
  }
  if (path === METRICS_PATH && bot.metrics) {
    requireMethod(method, ["GET"]);
    return bot.metrics.write(res);
  }
  const file = STATIC_FILES[path === "/index.html" ? "/" : path];
  if (file !== undefined) {
    requireMethod(method, ["GET", "HEAD"]);
    const body = typeof file.body === "function" ? file.body() : file.body;
    res.writeHead(200, { ...SECURITY_HEADERS, "content-type": file.type, "cache-control": "no-cache" });
    res.end(method === "HEAD" ? undefined : body);
    return;
  }
  const apiRoute = path.startsWith("/api/") ? path.slice("/api/".length) : undefined;
  if (apiRoute !== undefined && (API_ROUTES as readonly string[]).includes(apiRoute)) {
    requireMethod(method, ["POST"]);
    rejectOtherOrigins(req);
    const body = await readJsonBody(req, apiRoute === "image" ? MAX_IMAGE_BODY_BYTES : undefined);
    return sendJson(res, 200, await handleApi(apiRoute as ApiRoute, body, bot));
  }
  throw new HttpError(404, `Nothing at ${path}.`);
}

function pathOf(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? "/", "http://preview.invalid").pathname;
  } catch {
    return "/";
  }
}

function requireMethod(method: string, allowed: readonly string[]): void {
  if (!allowed.includes(method)) throw new HttpError(405, `Use ${allowed.join(" or ")} here.`);
}

/** Another site's page in the same browser must not drive the bot through this server. */
function rejectOtherOrigins(req: IncomingMessage): void {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = "";
  }
  if (originHost !== req.headers.host) throw new HttpError(403, "Requests from other origins are refused.");
}

function sendJson(res: ServerResponse, status: number, body: unknown, headOnly = false): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { ...SECURITY_HEADERS, "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(headOnly ? undefined : JSON.stringify(body));
}
