// One Bolt receiver per run mode; both answer GET /healthz.
import { HTTPReceiver, SocketModeReceiver, type Logger, type webApi } from "@slack/bolt";
import type { Dispatcher } from "undici";
import type { HttpModeConfig, SocketModeConfig } from "../config.js";
import { HEALTH_PATH, METRICS_PATH, writeHealth, type HealthSource } from "../health.js";
import type { Metrics } from "../metrics.js";
import { guardSlackRequests } from "./request-guard.js";

const EVENTS_PATH = "/slack/events";

/** Slack's own payloads are far smaller; anything bigger is not from Slack. */
export const REQUEST_BODY_LIMIT_BYTES = 1024 * 1024;

/** HTTP mode: Events, Interactivity and slash commands all arrive at POST /slack/events. */
export function createHttpReceiver(config: HttpModeConfig, logger: Logger, health: HealthSource, metrics: Metrics): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret,
    endpoints: EVENTS_PATH,
    logger,
    bodyLimit: REQUEST_BODY_LIMIT_BYTES,
    customRoutes: [
      { path: HEALTH_PATH, method: ["GET", "HEAD"], handler: (_req, res) => writeHealth(res, health) },
      { path: METRICS_PATH, method: ["GET"], handler: (_req, res) => void metrics.write(res) },
    ],
  });
  guardSlackRequests(receiver, { path: EVENTS_PATH, bodyLimitBytes: REQUEST_BODY_LIMIT_BYTES, signingSecret: config.signingSecret, logger });
  return receiver;
}

/** Socket Mode: health is served separately (see startHealthServer), since this receiver can't listen on port 0. */
export function createSocketModeReceiver(
  config: SocketModeConfig,
  logger: Logger,
  network: { clientOptions: webApi.WebClientOptions; dispatcher: Dispatcher | undefined },
): SocketModeReceiver {
  return new SocketModeReceiver({
    appToken: config.appToken,
    logger,
    // The WebSocket goes through the proxy when one is set; undefined keeps the library's direct default.
    ...(network.dispatcher ? { dispatcher: network.dispatcher } : {}),
    // apps.connections.open goes through the receiver's own WebClient: same API URL, fetch, timeout and retries.
    installerOptions: { clientOptions: network.clientOptions },
  });
}
