// Prometheus metrics (GET /metrics, beside /healthz): what the bot answered, how Slack's API behaved,
// whether the shared store is reachable, and Node's own process and event-loop figures. Names start zpa_codes_.
import type { ServerResponse } from "node:http";
import { collectDefaultMetrics, Counter, Gauge, Registry } from "prom-client";
import type { BotMetrics, LookupHow } from "./bot/metrics.js";
import type { Confidence } from "./search/types.js";
import type { StateStore } from "./state/store.js";

export const METRIC_PREFIX = "zpa_codes_";

/** How one HTTP exchange with Slack ended; Slack's own `ok: false` answers arrive as HTTP 200 ("ok" here). */
export type SlackCallOutcome = "ok" | "rate_limited" | "http_error" | "network_error";

export interface Metrics extends BotMetrics {
  readonly registry: Registry;
  /** One HTTP request to the Web API (method name) or to a response_url ("response_url"). */
  slackCall(method: string, outcome: SlackCallOutcome): void;
  /** A Web API call the client is about to try again (after a 429, a 5xx or a network error). */
  slackRetry(): void;
  /** Reports the store's health at every scrape. */
  watchStore(store: StateStore): void;
  write(res: ServerResponse): Promise<void>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  // Process CPU, memory, handles, GC, and event-loop lag (zpa_codes_nodejs_eventloop_lag_*).
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  const lookups = new Counter({
    name: `${METRIC_PREFIX}lookups_total`,
    help: "Answered /zpa-code lookups, by how the query matched and the resolver's confidence",
    labelNames: ["how", "confidence"] as const,
    registers: [registry],
  });
  const noMatch = new Counter({
    name: `${METRIC_PREFIX}no_match_total`,
    help: "Lookups answered with no matching code (suggestions or a hint instead)",
    registers: [registry],
  });
  const autoReplies = new Counter({
    name: `${METRIC_PREFIX}auto_replies_total`,
    help: "Thread replies and @mention hints sent",
    registers: [registry],
  });
  const dedupeSkips = new Counter({
    name: `${METRIC_PREFIX}dedupe_skips_total`,
    help: "Codes in messages not answered again because their thread already had them",
    registers: [registry],
  });
  const slackCalls = new Counter({
    name: `${METRIC_PREFIX}slack_api_calls_total`,
    help: "HTTP requests to Slack's Web API and response URLs, by method and outcome",
    labelNames: ["method", "outcome"] as const,
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: `${METRIC_PREFIX}slack_rate_limited_total`,
    help: "Slack answers with HTTP 429 (rate limited), by method",
    labelNames: ["method"] as const,
    registers: [registry],
  });
  const retries = new Counter({
    name: `${METRIC_PREFIX}slack_retries_total`,
    help: "Web API calls tried again after a failed attempt",
    registers: [registry],
  });
  const stores: StateStore[] = [];
  new Gauge({
    name: `${METRIC_PREFIX}state_store_up`,
    help: "1 when the state store (Redis at REDIS_URL, or in-process) is reachable, else 0",
    labelNames: ["store"] as const,
    registers: [registry],
    collect() {
      for (const store of stores) this.set({ store: store.where.startsWith("Redis") ? "redis" : "memory" }, store.isHealthy() ? 1 : 0);
    },
  });

  return {
    registry,
    lookup(how: LookupHow, confidence: Confidence | "none") {
      lookups.inc({ how, confidence });
      if (how === "none") noMatch.inc();
    },
    autoReply: () => autoReplies.inc(),
    dedupeSkips: (codes) => dedupeSkips.inc(codes),
    slackCall(method, outcome) {
      slackCalls.inc({ method, outcome });
      if (outcome === "rate_limited") rateLimited.inc({ method });
    },
    slackRetry: () => retries.inc(),
    watchStore: (store) => void stores.push(store),
    async write(res) {
      try {
        const text = await registry.metrics();
        res.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" });
        res.end(text);
      } catch {
        // A scrape that fails is the scraper's signal; it must not become an unhandled rejection.
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        res.end("metrics unavailable\n");
      }
    },
  };
}
