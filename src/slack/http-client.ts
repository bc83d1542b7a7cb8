// The fetch that Bolt's Web API client, respond() and the Socket Mode client use: it counts every request
// for /metrics and, when HTTPS_PROXY / HTTP_PROXY are set, goes through the proxy (NO_PROXY hosts direct).
import { EnvHttpProxyAgent, fetch as undiciFetch, type Dispatcher } from "undici";
import type { ProxySettings } from "../config.js";
import type { SlackCallOutcome, Metrics } from "../metrics.js";

type Fetch = typeof globalThis.fetch;

/** A dispatcher that tunnels through the proxy (HTTP CONNECT), or undefined to connect directly. */
export function proxyDispatcher(proxy: ProxySettings | undefined): Dispatcher | undefined {
  if (!proxy) return undefined;
  // Empty strings, not undefined: undici would otherwise read process.env itself.
  return new EnvHttpProxyAgent({ httpProxy: proxy.httpProxy ?? "", httpsProxy: proxy.httpsProxy ?? proxy.httpProxy ?? "", noProxy: proxy.noProxy ?? "" });
}

function outcomeOf(status: number): SlackCallOutcome {
  if (status === 429) return "rate_limited";
  return status >= 200 && status < 300 ? "ok" : "http_error";
}

/**
 * `apiUrl` is the Web API base ("https://slack.com/api/"): a request under it is labelled with its method
 * (chat.postMessage); any other URL is a response_url.
 */
export function createSlackFetch(options: { apiUrl: string; dispatcher?: Dispatcher | undefined; metrics?: Metrics | undefined }): Fetch {
  const { apiUrl, dispatcher, metrics } = options;
  const base: Fetch = dispatcher
    ? (((input: Parameters<Fetch>[0], init?: RequestInit) =>
        undiciFetch(input as Parameters<typeof undiciFetch>[0], { ...(init as object), dispatcher })) as unknown as Fetch)
    : globalThis.fetch;
  if (!metrics) return base;
  return async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const method = url.startsWith(apiUrl) ? url.slice(apiUrl.length).split("?")[0]! : "response_url";
    try {
      const response = await base(input, init);
      metrics.slackCall(method, outcomeOf(response.status));
      return response;
    } catch (error) {
      metrics.slackCall(method, "network_error");
      throw error;
    }
  };
}
