// A signed /zpa-code over loopback in HTTP mode: this app against bare Bolt apps that ack and respond
// with a fixed answer, same process, same fake Slack API. Target: within 1.15x of bare.
//
// Two baselines: "bare-bolt" answers one fixed block (the target's baseline); "bare-same-card" answers
// with this app's own card for the query, captured once, so its ratio shows the cost of our logic alone
// rather than of sending a real answer (which is ~2 KB instead of ~150 bytes).
import { App, HTTPReceiver, type RespondArguments } from "@slack/bolt";
import { createServer } from "node:http";
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
/** Many short alternating rounds, so load from elsewhere on the machine hits every app alike. */
const ROUNDS = 10;
/** Per app per round: 300 measured requests per app in all. */
const PER_ROUND = 30;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const QUERY = "BRK_MT_SETUP_TIMEOUT";

interface Target {
  name: string;
  baseUrl: string;
  stop(): Promise<void>;
}

/** Where the apps post their answers while timed: the fake API, or the lighter sink below. */
interface ResponseReceiver {
  responseUrl(id: string): string;
  waitForResponsePost(id: string): Promise<unknown>;
}

/**
 * Slack's response_url server is not part of the app, so while timing, answers go to a sink that only
 * reads the body to its end: the fake API parses and records every post, a cost that grows with the
 * answer's size and would be charged to the app with the larger answer.
 */
async function startResponseSink(): Promise<ResponseReceiver & { close(): Promise<void> }> {
  const arrived = new Set<string>();
  const waiting = new Map<string, () => void>();
  const server = createServer((req, res) => {
    const id = decodeURIComponent(req.url?.slice("/r/".length) ?? "");
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      const wake = waiting.get(id);
      if (wake) wake();
      else arrived.add(id);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    responseUrl: (id) => `${origin}/r/${encodeURIComponent(id)}`,
    waitForResponsePost: (id) =>
      new Promise<void>((resolve, reject) => {
        if (arrived.delete(id)) return resolve();
        const timer = setTimeout(() => reject(new Error(`no answer posted for ${id}`)), 5_000);
        waiting.set(id, () => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve();
        });
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Time until the user would see the answer: the ack's own body, or else the post to response_url. */
async function oneRequest(receiver: ResponseReceiver, target: Target, id: string): Promise<number> {
  const started = performance.now();
  const response = await postSlashCommand(target.baseUrl, SIGNING_SECRET, { text: QUERY, response_url: receiver.responseUrl(id) });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${target.name}: HTTP ${response.status}`);
  if (body.trim() === "") await receiver.waitForResponsePost(id);
  return performance.now() - started;
}

async function measure(receiver: ResponseReceiver, target: Target, count: number, label: string): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const n = next++;
      times.push(await oneRequest(receiver, target, `${target.name}-${label}-${n}`));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
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

async function startBareApp(api: FakeSlackApi, name: string, answer: RespondArguments): Promise<Target> {
  const logger = createRedactingLogger({ level: "error", secrets: [BOT_TOKEN, SIGNING_SECRET] });
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, logger });
  const app = new App({
    receiver,
    token: BOT_TOKEN,
    logger,
    logLevel: logger.getLevel(),
    clientOptions: { slackApiUrl: api.apiUrl },
    deferInitialization: true,
  });
  app.command("/zpa-code", async ({ ack, respond }) => {
    await ack();
    await respond(answer);
  });
  await app.init();
  const server = await receiver.start({ port: 0, host: "127.0.0.1" });
  return { name, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, stop: () => receiver.stop() };
}

/** This app's answer to QUERY, as it posted it to the response URL. */
async function captureAnswer(api: FakeSlackApi, ours: Target): Promise<RespondArguments> {
  await oneRequest(api, ours, "capture");
  const post = await api.waitForResponsePost("capture");
  api.clearCalls();
  return post.body as RespondArguments;
}

export async function run(): Promise<void> {
  const api = await startFakeSlackApi();
  const sink = await startResponseSink();
  // Every server started is stopped, even when a later start fails, so the bench run can exit.
  const started: Target[] = [];
  try {
    const ours = await startThisApp(api);
    started.push(ours);
    const bare = await startBareApp(api, "bare-bolt", {
      response_type: "ephemeral",
      text: QUERY,
      blocks: [{ type: "section", text: { type: "mrkdwn", text: `*${QUERY}* fixed answer` } }],
    });
    started.push(bare);
    const bareSameCard = await startBareApp(api, "bare-same-card", await captureAnswer(api, ours));
    started.push(bareSameCard);
    const targets = [bare, bareSameCard, ours];
    for (const target of targets) await measure(sink, target, WARM_UP, "warm");
    const samples = new Map<Target, number[]>(targets.map((t) => [t, []]));
    const elapsed = new Map<Target, number>(targets.map((t) => [t, 0]));
    // CPU time of this process (client, apps and fake API alike) varies far less with machine load than wall time.
    const cpu = new Map<Target, number>(targets.map((t) => [t, 0]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const target of round % 2 === 0 ? targets : [...targets].reverse()) {
        const started = performance.now();
        const cpuStarted = process.cpuUsage();
        samples.get(target)!.push(...(await measure(sink, target, PER_ROUND, `r${round}`)));
        const cpuUsed = process.cpuUsage(cpuStarted);
        cpu.set(target, cpu.get(target)! + (cpuUsed.user + cpuUsed.system) / 1000);
        elapsed.set(target, elapsed.get(target)! + performance.now() - started);
      }
    }
    const figures = targets.map((target) => {
      const sorted = [...samples.get(target)!].sort((a, b) => a - b);
      return {
        target: target.name,
        requests: sorted.length,
        concurrency: CONCURRENCY,
        p50_ms: Number(percentile(sorted, 50).toFixed(2)),
        p99_ms: Number(percentile(sorted, 99).toFixed(2)),
        req_per_s: Math.round(sorted.length / (elapsed.get(target)! / 1000)),
        cpu_ms_per_req: Number((cpu.get(target)! / sorted.length).toFixed(3)),
      };
    });
    console.table(figures);
    const [b, same, o] = figures as [(typeof figures)[0], (typeof figures)[0], (typeof figures)[0]];
    for (const base of [b, same]) {
      const p50 = o.p50_ms / base.p50_ms;
      const cpuRatio = o.cpu_ms_per_req / base.cpu_ms_per_req;
      console.log(
        `zpa-codes vs ${base.target}: p50 ${p50.toFixed(2)}x, p99 ${(o.p99_ms / base.p99_ms).toFixed(2)}x, ` +
          `req/s ${(o.req_per_s / base.req_per_s).toFixed(2)}x, CPU per request ${cpuRatio.toFixed(2)}x` +
          (base === b ? `; target <= 1.15x (p50 and CPU): ${Math.max(p50, cpuRatio) <= 1.15 ? "met" : "NOT met"}` : ""),
      );
    }
  } finally {
    for (const target of started) await target.stop();
    await sink.close();
    await api.close();
  }
}
