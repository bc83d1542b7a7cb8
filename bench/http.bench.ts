// A signed /zpa-code over loopback in HTTP mode: this app against a bare Bolt app that acks and
// responds with one fixed block, same process, same fake Slack API. Target: within 1.15x of bare.
import { App, HTTPReceiver } from "@slack/bolt";
import type { AddressInfo } from "node:net";
import type { HttpModeConfig } from "../src/config.js";
import { loadBotDeps } from "../src/slack/deps.js";
import { createRedactingLogger } from "../src/slack/logger.js";
import { startSlackApp } from "../src/slack/start.js";
import { startFakeSlackApi, type FakeSlackApi } from "../test/support/fake-slack-api.js";
import { postSlashCommand } from "../test/support/sign.js";

const SIGNING_SECRET = "benchSigningSecret0123456789abcd";
const BOT_TOKEN = "xoxb-bench-0000-benchtoken";
const WARM_UP = 50;
const ROUNDS = 3;
/** Per app per round; 300 measured requests per app in all. */
const PER_ROUND = 100;
const CONCURRENCY = 4;
const QUERY = "BRK_MT_SETUP_TIMEOUT";

interface Target {
  name: string;
  baseUrl: string;
  stop(): Promise<void>;
}

/** Time until the user would see the answer: the ack's own body, or else the post to response_url. */
async function oneRequest(api: FakeSlackApi, target: Target, id: string): Promise<number> {
  const started = performance.now();
  const response = await postSlashCommand(target.baseUrl, SIGNING_SECRET, { text: QUERY, response_url: api.responseUrl(id) });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${target.name}: HTTP ${response.status}`);
  if (body.trim() === "") await api.waitForResponsePost(id);
  return performance.now() - started;
}

async function measure(api: FakeSlackApi, target: Target, count: number, label: string): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const n = next++;
      times.push(await oneRequest(api, target, `${target.name}-${label}-${n}`));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  api.clearCalls();
  return times;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function startThisApp(api: FakeSlackApi): Promise<Target> {
  const config: HttpModeConfig = {
    mode: "http",
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    slackApiUrl: api.apiUrl,
    port: 0,
    logLevel: "error",
    autoReply: { enabled: true, channels: null, dedupeHours: 24 },
  };
  const logger = createRedactingLogger({ level: "error", secrets: [BOT_TOKEN, SIGNING_SECRET] });
  const running = await startSlackApp(config, loadBotDeps(config.autoReply), { host: "127.0.0.1", logger });
  return { name: "zpa-codes", baseUrl: `http://127.0.0.1:${running.port}`, stop: () => running.stop(1_000) };
}

async function startBareApp(api: FakeSlackApi): Promise<Target> {
  const logger = createRedactingLogger({ level: "error", secrets: [BOT_TOKEN, SIGNING_SECRET] });
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, logger });
  const app = new App({ receiver, token: BOT_TOKEN, logger, clientOptions: { slackApiUrl: api.apiUrl }, deferInitialization: true });
  app.command("/zpa-code", async ({ ack, respond }) => {
    await ack();
    await respond({
      response_type: "ephemeral",
      text: "BRK_MT_SETUP_TIMEOUT",
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "*BRK_MT_SETUP_TIMEOUT* fixed answer" } }],
    });
  });
  await app.init();
  const server = await receiver.start({ port: 0, host: "127.0.0.1" });
  return {
    name: "bare-bolt",
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => receiver.stop(),
  };
}

export async function run(): Promise<void> {
  const api = await startFakeSlackApi();
  const ours = await startThisApp(api);
  const bare = await startBareApp(api);
  try {
    await measure(api, bare, WARM_UP, "warm");
    await measure(api, ours, WARM_UP, "warm");
    const samples = new Map<Target, number[]>([
      [bare, []],
      [ours, []],
    ]);
    const elapsed = new Map<Target, number>([
      [bare, 0],
      [ours, 0],
    ]);
    // Alternate rounds so drift (GC, CPU frequency, neighbours) hits both alike.
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const target of round % 2 === 0 ? [bare, ours] : [ours, bare]) {
        const started = performance.now();
        samples.get(target)!.push(...(await measure(api, target, PER_ROUND, `r${round}`)));
        elapsed.set(target, elapsed.get(target)! + performance.now() - started);
      }
    }
    const figures = [bare, ours].map((target) => {
      const sorted = [...samples.get(target)!].sort((a, b) => a - b);
      return {
        target: target.name,
        requests: sorted.length,
        concurrency: CONCURRENCY,
        p50_ms: Number(percentile(sorted, 50).toFixed(2)),
        p99_ms: Number(percentile(sorted, 99).toFixed(2)),
        req_per_s: Math.round(sorted.length / (elapsed.get(target)! / 1000)),
      };
    });
    console.table(figures);
    const [b, o] = figures as [(typeof figures)[0], (typeof figures)[0]];
    const p50Ratio = o.p50_ms / b.p50_ms;
    const throughputRatio = b.req_per_s / o.req_per_s;
    console.log(
      `ratio vs bare Bolt: p50 ${p50Ratio.toFixed(2)}x, p99 ${(o.p99_ms / b.p99_ms).toFixed(2)}x, ` +
        `time per request (1/throughput) ${throughputRatio.toFixed(2)}x; target <= 1.15x: ` +
        (Math.max(p50Ratio, throughputRatio) <= 1.15 ? "met" : "NOT met"),
    );
  } finally {
    await ours.stop();
    await bare.stop();
    await api.close();
  }
}
