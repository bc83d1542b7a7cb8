// GET /metrics in both run modes: Prometheus text whose counters move with what users and Slack did.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHttpTestApp, startSocketTestApp, type HttpTestApp } from "../support/app.js";
import { channelMessage } from "../support/payloads.js";
import { postEvent, postSlashCommand } from "../support/sign.js";

/** The value of one sample line (`name{labels} value`), 0 when the series is absent. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

async function scrape(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(5_000) });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  return response.text();
}

describe("GET /metrics in HTTP mode", () => {
  let t: HttpTestApp;
  beforeAll(async () => {
    t = await startHttpTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it("counts lookups by how they matched, no-match answers, auto-replies, dedupe skips and Slack calls", async () => {
    const lookup = (text: string) => postSlashCommand(t.baseUrl, t.signingSecret, { text, response_url: t.api.responseUrl() });
    await lookup("BRK_MT_SETUP_TIMEOUT");
    await lookup("saml assertion too large");
    await lookup("qqqq zzzz nothing like a code");
    const message = channelMessage("BRK_MT_SETUP_TIMEOUT again");
    t.api.rateLimitNext("chat.postMessage", 1);
    await postEvent(t.baseUrl, t.signingSecret, message);
    await t.api.waitForAnswered("chat.postMessage", 2, 8_000);
    // The same code again in the same thread: answered once already, so skipped.
    await postEvent(t.baseUrl, t.signingSecret, channelMessage("still BRK_MT_SETUP_TIMEOUT", { thread_ts: message.ts }));
    expect(await t.running.inFlight.drained(5_000)).toBe(true);

    const text = await scrape(t.baseUrl);
    expect(sample(text, 'zpa_codes_lookups_total{how="pasted",confidence="certain"}')).toBe(1);
    expect(text).toMatch(/^zpa_codes_lookups_total\{how="words",confidence="[a-z]+"\} 1$/m);
    expect(text).toMatch(/^zpa_codes_lookups_total\{how="none",confidence="[a-z]+"\} 1$/m);
    expect(sample(text, "zpa_codes_no_match_total")).toBe(1);
    expect(sample(text, "zpa_codes_auto_replies_total")).toBe(1);
    expect(sample(text, "zpa_codes_dedupe_skips_total")).toBe(1);
    expect(sample(text, 'zpa_codes_slack_api_calls_total{method="chat.postMessage",outcome="rate_limited"}')).toBe(1);
    expect(sample(text, 'zpa_codes_slack_api_calls_total{method="chat.postMessage",outcome="ok"}')).toBe(1);
    // Two at start: Bolt's token check, then the call that logs the workspace and bot user.
    expect(sample(text, 'zpa_codes_slack_api_calls_total{method="auth.test",outcome="ok"}')).toBe(2);
    expect(sample(text, 'zpa_codes_slack_rate_limited_total{method="chat.postMessage"}')).toBe(1);
    expect(sample(text, "zpa_codes_slack_retries_total")).toBe(1);
    expect(sample(text, 'zpa_codes_state_store_up{store="memory"}')).toBe(1);
    expect(text).toMatch(/^zpa_codes_nodejs_eventloop_lag_seconds \d/m);
    expect(text).toMatch(/^zpa_codes_process_cpu_seconds_total \d/m);
    // Every metric is ours: one prefix, nothing unnamed.
    const names = text.split("\n").filter((l) => l.startsWith("# TYPE ")).map((l) => l.split(" ")[2]!);
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((name) => !name.startsWith("zpa_codes_"))).toEqual([]);
  });

  it("counts a response_url post by its own label", async () => {
    await postSlashCommand(t.baseUrl, t.signingSecret, { text: "auto status", response_url: t.api.responseUrl("m-auto") });
    await t.api.waitForResponsePost("m-auto");
    expect(await t.running.inFlight.drained(5_000)).toBe(true);
    expect(sample(await scrape(t.baseUrl), 'zpa_codes_slack_api_calls_total{method="response_url",outcome="ok"}')).toBe(1);
  });
});

describe("GET /metrics in Socket Mode", () => {
  it("is served beside /healthz, with the connection call counted", async () => {
    const t = await startSocketTestApp();
    try {
      await t.socket.waitForConnection();
      const text = await scrape(t.baseUrl);
      expect(sample(text, 'zpa_codes_slack_api_calls_total{method="apps.connections.open",outcome="ok"}')).toBe(1);
      expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
