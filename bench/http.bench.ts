// A signed /zpa-code over loopback in HTTP mode: this app against bare Bolt apps that ack and respond
// with a fixed answer. Target: within 1.15x of bare. Each app runs in a process of its own
// (bench/http-app.ts), so one app's heap and garbage collection are not charged to another; the client,
// the fake Slack API and the answer sink live in this process and are the same for every app.
//
// Two baselines: "bare-bolt" answers one fixed block (the target's baseline); "bare-same-card" answers
// with this app's own card for the query, captured once, so its ratio shows the cost of our logic alone
// rather than of sending a real answer (which is ~2 KB instead of ~150 bytes).
import { fork, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { startFakeSlackApi } from "../test/support/fake-slack-api.js";
import { postSlashCommand } from "../test/support/sign.js";
import { SIGNING_SECRET, type AppReport, type AppRequest } from "./http-app.js";

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
  /** CPU time the app's own process has used so far. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

const APP_SCRIPT = fileURLToPath(new URL("./http-app.ts", import.meta.url));

function nextReport(child: ChildProcess): Promise<AppReport> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("bench app did not answer within 30 s")), 30_000);
    child.once("message", (message: AppReport) => {
      clearTimeout(timer);
      resolve(message);
    });
  });
}

async function startApp(name: string, apiUrl: string, answer?: unknown): Promise<Target> {
  const args = [name, apiUrl, ...(answer === undefined ? [] : [JSON.stringify(answer)])];
  const child = fork(APP_SCRIPT, args, { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const ask = async (request: AppRequest): Promise<AppReport> => {
    const report = nextReport(child);
    child.send(request);
    return report;
  };
  const ready = await nextReport(child);
  if (!("port" in ready)) throw new Error(`${name} did not start`);
  return {
    name,
    baseUrl: `http://127.0.0.1:${ready.port}`,
    cpuMs: async () => {
      const report = await ask("cpu");
      if (!("cpuMs" in report)) throw new Error(`${name} sent no CPU figure`);
      return report.cpuMs;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.send("stop");
      }),
  };
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

/** This app's answer to QUERY, as it posted it to the response URL. */
async function captureAnswer(api: ResponseReceiver & { clearCalls(): void }, ours: Target): Promise<unknown> {
  const post = (await Promise.all([oneRequest(api, ours, "capture"), api.waitForResponsePost("capture")]))[1] as { body: unknown };
  api.clearCalls();
  return post.body;
}

export async function run(): Promise<void> {
  const api = await startFakeSlackApi();
  const sink = await startResponseSink();
  // Every server started is stopped, even when a later start fails, so the bench run can exit.
  const started: Target[] = [];
  try {
    const ours = await startApp("zpa-codes", api.apiUrl);
    started.push(ours);
    const bare = await startApp("bare-bolt", api.apiUrl, {
      response_type: "ephemeral",
      text: QUERY,
      blocks: [{ type: "section", text: { type: "mrkdwn", text: `*${QUERY}* fixed answer` } }],
    });
    started.push(bare);
    const bareSameCard = await startApp("bare-same-card", api.apiUrl, await captureAnswer(api, ours));
    started.push(bareSameCard);
    const targets = [bare, bareSameCard, ours];
    for (const target of targets) await measure(sink, target, WARM_UP, "warm");
    const samples = new Map<Target, number[]>(targets.map((t) => [t, []]));
    const elapsed = new Map<Target, number>(targets.map((t) => [t, 0]));
    // CPU time of the app's own process varies far less with machine load than wall time.
    const cpu = new Map<Target, number>(targets.map((t) => [t, 0]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const target of round % 2 === 0 ? targets : [...targets].reverse()) {
        const started = performance.now();
        const cpuStarted = await target.cpuMs();
        samples.get(target)!.push(...(await measure(sink, target, PER_ROUND, `r${round}`)));
        cpu.set(target, cpu.get(target)! + (await target.cpuMs()) - cpuStarted);
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
