// Bolt's WebClient waits out a 429 (Retry-After) and retries by itself; this makes each wait visible.
import { webApi, type App, type Logger } from "@slack/bolt";

export function logRateLimits(app: App, logger: Logger): void {
  const watched = new WeakSet<webApi.WebClient>();
  const watch = (client: webApi.WebClient): void => {
    if (watched.has(client)) return;
    watched.add(client);
    client.on(webApi.WebClientEvent.RATE_LIMITED, (retrySeconds: number, request?: { url?: string }) => {
      // Only the method name: the request body may hold message text or tokens.
      const method = request?.url?.split("/").pop() ?? "a Web API call";
      logger.warn(`Slack rate-limited ${method}; retrying after ${retrySeconds} s`);
    });
  };
  watch(app.client);
  app.use(async ({ client, next }) => {
    watch(client);
    await next();
  });
}
