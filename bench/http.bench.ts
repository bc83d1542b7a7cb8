// A signed /zpa-code over loopback in HTTP mode: this app against a bare Bolt app that acks with the same
// card (this app's own answer to the query, captured once). Target: p50 and CPU per request within 1.10x
// of bare, at 1 and at 4 concurrent requests, each the median of 5 runs. A second, leaner bare app (Bolt's
// conversation store off, as in zpa-codes) is printed beside it as a stricter reference. Each app runs in a process of its
// own (bench/http-app.ts), so one app's heap and garbage collection are not charged to another; the client
// lives in this process and is the same for both. Both apps run with `npm start`'s node flags, as production does.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startFakeSlackApi } from "../test/support/fake-slack-api.js";
import { postSlashCommand } from "../test/support/sign.js";
import { SIGNING_SECRET, type AppReport, type AppRequest } from "./http-app.js";
import { startScriptFlags } from "./start-flags.js";

const WARM_UP = 100;
const RUNS = 5;
/** Short alternating rounds within a run, so load from elsewhere on the machine hits both apps alike. */
const ROUNDS = 10;
const PER_ROUND = 30;
const CONCURRENCIES = [1, 4];
const TARGET_RATIO = 1.1;
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
  const child = fork(APP_SCRIPT, args, { execArgv: [...startScriptFlags(), "--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
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

/** Time until the user would see the answer: the ack's own body carries it. */
async function oneRequest(target: Target, responseUrl: string): Promise<{ ms: number; body: string }> {
  const started = performance.now();
  const response = await postSlashCommand(target.baseUrl, SIGNING_SECRET, { text: QUERY, response_url: responseUrl });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200 || body.trim() === "") throw new Error(`${target.name}: HTTP ${response.status} with no answer in the ack`);
  return { ms, body };
}

async function measure(target: Target, responseUrl: string, count: number, concurrency: number): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      next += 1;
      times.push((await oneRequest(target, responseUrl)).ms);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return times;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface RunFigures {
  p50: number;
  p99: number;
  cpuPerRequest: number;
}

/** One run: both apps, interleaved rounds, the same number of requests each. */
async function oneRun(targets: Target[], responseUrl: string, concurrency: number): Promise<Map<Target, RunFigures>> {
  const samples = new Map<Target, number[]>(targets.map((t) => [t, []]));
  // CPU time of the app's own process varies far less with machine load than wall time.
  const cpu = new Map<Target, number>(targets.map((t) => [t, 0]));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const target of round % 2 === 0 ? targets : [...targets].reverse()) {
      const cpuStarted = await target.cpuMs();
      samples.get(target)!.push(...(await measure(target, responseUrl, PER_ROUND, concurrency)));
      cpu.set(target, cpu.get(target)! + (await target.cpuMs()) - cpuStarted);
    }
  }
  return new Map(
    targets.map((target) => {
      const sorted = [...samples.get(target)!].sort((a, b) => a - b);
      return [target, { p50: percentile(sorted, 50), p99: percentile(sorted, 99), cpuPerRequest: cpu.get(target)! / sorted.length }];
    }),
  );
}

export async function run(): Promise<void> {
  const api = await startFakeSlackApi();
  // Every server started is stopped, even when a later start fails, so the bench run can exit.
  const started: Target[] = [];
  try {
    const responseUrl = api.responseUrl("bench");
    const ours = await startApp("zpa-codes", api.apiUrl);
    started.push(ours);
    const card = JSON.parse((await oneRequest(ours, responseUrl)).body) as unknown;
    const bare = await startApp("bare-bolt-same-card", api.apiUrl, card);
    started.push(bare);
    const lean = await startApp("bare-bolt-same-card-lean", api.apiUrl, card);
    started.push(lean);
    const targets = [bare, lean, ours];
    for (const target of targets) await measure(target, responseUrl, WARM_UP, 4);
    api.clearCalls();

    const rows: Record<string, string | number>[] = [];
    const verdicts: string[] = [];
    for (const concurrency of CONCURRENCIES) {
      const runs: Map<Target, RunFigures>[] = [];
      for (let n = 0; n < RUNS; n += 1) runs.push(await oneRun(targets, responseUrl, concurrency));
      const figure = (target: Target, key: keyof RunFigures): number => median(runs.map((r) => r.get(target)![key]));
      for (const target of targets) {
        rows.push({
          target: target.name,
          concurrency,
          requests_per_run: ROUNDS * PER_ROUND,
          p50_ms: Number(figure(target, "p50").toFixed(3)),
          p99_ms: Number(figure(target, "p99").toFixed(3)),
          cpu_ms_per_req: Number(figure(target, "cpuPerRequest").toFixed(3)),
        });
      }
      for (const base of [bare, lean]) {
        const p50 = figure(ours, "p50") / figure(base, "p50");
        const cpuRatio = figure(ours, "cpuPerRequest") / figure(base, "cpuPerRequest");
        verdicts.push(
          `concurrency ${concurrency}: zpa-codes vs ${base.name}: p50 ${p50.toFixed(2)}x, CPU per request ${cpuRatio.toFixed(2)}x ` +
            `(medians of ${RUNS} runs)` +
            (base === bare ? `; target <= ${TARGET_RATIO}x: ${Math.max(p50, cpuRatio) <= TARGET_RATIO ? "met" : "NOT met"}` : ""),
        );
      }
    }
    console.table(rows);
    for (const line of verdicts) console.log(line);
    // Every answer came in the ack: nothing may have been posted to the response URL or the Web API.
    if (api.calls.length > 0) console.log(`WARNING: ${api.calls.length} Slack call(s) made while timing`);
  } finally {
    for (const target of started) await target.stop();
    await api.close();
  }
}
