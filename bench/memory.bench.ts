// Memory under two long streams into `npm start`'s built entry point (dist/main.js, rebuilt first), in HTTP mode
// with the default in-process state, signed requests over loopback, a minimal Slack Web API that answers every
// call. "messages": channel messages, each pasting a code in a thread of its own (so each one is claimed,
// counted and answered). "commands": /zpa-code lookups with distinct texts from distinct people, answered in the
// ack. Targets: RSS below 160 MB after 30,000 messages, and the heap after a full GC flat once the bounded
// structures are full (the last checkpoint within 10% of the middle one).
// BENCH_KIND=messages|commands runs one; BENCH_MESSAGES / BENCH_COMMANDS change the counts; BENCH_NODE_FLAGS adds
// node flags to the app (e.g. --trace-gc, whose lines then reach this process's stdout).
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { loadCatalog } from "../src/catalog/load.js";
import { HELPDESK_QUERIES } from "../test/fixtures/helpdesk-queries.js";
import { QUERIES } from "../test/fixtures/queries.js";
import { channelMessage } from "../test/support/payloads.js";
import { postEvent, postSlashCommand } from "../test/support/sign.js";
import { startScriptFlags } from "./start-flags.js";

const SIGNING_SECRET = "memorySigningSecret0123456789abc";
const BOT_TOKEN = "xoxb-bench-0000-memorytoken";
const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** Extra node flags for the app, such as --trace-gc (BENCH_NODE_FLAGS, space-separated). */
const NODE_FLAGS = (process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter((flag) => flag !== "");
/**
 * Loaded into the app's process with --import: answers "mem" over IPC with its memory under load, then after a
 * full GC. Inline, so the app runs exactly as built, with nothing of the bench in its own code.
 */
const PROBE = `import { readFileSync } from "node:fs";
const mb = (bytes) => bytes / 1048576;
process.on("message", async (m) => { if (m !== "mem") return;
  const loaded = process.memoryUsage();
  const cpu = process.cpuUsage();
  gc(); gc();
  // The collector's own scratch memory is handed back just after it ends.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const { rss, heapUsed, heapTotal } = process.memoryUsage();
  const peak = Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? NaN) * 1024;
  const after = process.cpuUsage();
  process.send({ loadCpuMs: (cpu.user + cpu.system) / 1000, cpuMs: (after.user + after.system) / 1000, loadedRssMb: mb(loaded.rss), loadedHeapTotalMb: mb(loaded.heapTotal), rssMb: mb(rss), peakRssMb: mb(peak),
    heapUsedMb: mb(heapUsed), heapTotalMb: mb(heapTotal) }); });`;

/**
 * loaded*: the moment the checkpoint's requests are answered, garbage included (RSS as the OS sees it, the heap V8
 * has reserved); rss: once that garbage is collected (what V8 itself does within seconds of going idle); peak: the
 * highest RSS since the app started.
 */
type MemoryReport = {
  /** The app's CPU time so far, before this report's forced GC, and after it. */
  loadCpuMs: number;
  cpuMs: number;
  loadedRssMb: number;
  loadedHeapTotalMb: number;
  rssMb: number;
  peakRssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
};

type Kind = "messages" | "commands";
const KINDS: readonly Kind[] = ["messages", "commands"];
const COUNTS: Record<Kind, number> = {
  messages: Number(process.env.BENCH_MESSAGES ?? 30_000),
  commands: Number(process.env.BENCH_COMMANDS ?? 60_000),
};
const CHECKPOINTS = 6;
const CONCURRENCY = 16;
const RSS_TARGET_MB = 160;
const CHANNELS = 40;
const PEOPLE = 500;
/** Every this many commands, one is `auto status`, answered on the response_url rather than in the ack. */
const AUTO_STATUS_EVERY = 50;

/** Answers every Web API call and response_url post with ok (auth.test with an identity); counts what came. */
async function startSlackSink(): Promise<{ apiUrl: string; posted(): number; responses(): number; server: Server }> {
  let posted = 0;
  let responses = 0;
  let ts = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const method = req.url?.split("/").pop() ?? "";
      if (method === "chat.postMessage") posted += 1;
      if (req.url?.startsWith("/response/")) responses += 1;
      const body =
        method === "auth.test"
          ? { ok: true, user_id: "U0MEMBOT", bot_id: "B0MEMBOT", team_id: "T0MEM", user: "zpa-codes" }
          : { ok: true, ts: `1800000000.${String(++ts).padStart(6, "0")}` };
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  return { apiUrl, posted: () => posted, responses: () => responses, server };
}

function nextReport(child: ChildProcess): Promise<MemoryReport> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("bench app did not answer within 60 s")), 60_000);
    child.once("message", (message: MemoryReport) => {
      clearTimeout(timer);
      resolve(message);
    });
  });
}

/** Starts dist/main.js in HTTP mode; resolves with the child and the port it logged. */
function startBuiltApp(apiUrl: string, flags: readonly string[]): Promise<{ child: ChildProcess; port: number }> {
  const child = fork("dist/main.js", [], {
    cwd: ROOT,
    execArgv: [...flags, "--expose-gc", "--import", `data:text/javascript,${encodeURIComponent(PROBE)}`],
    env: {
      PATH: process.env.PATH ?? "",
      DOTENV_CONFIG_PATH: "/nonexistent/.env",
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: apiUrl,
      SIGHTINGS_SALT: "memory-bench-salt-0123456789",
      PORT: "0",
      LOG_LEVEL: "info",
    },
    // Node flags such as --trace-gc write to stdout: shown when there are flags, dropped otherwise.
    stdio: ["ignore", flags.length > 0 ? "inherit" : "ignore", "pipe", "ipc"],
  });
  return new Promise((resolve, reject) => {
    let err = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      // The tail is enough to say why it exited; a long run must not grow this without end.
      err = (err + chunk).slice(-10_000);
      const port = /listening on port (\d+)/.exec(err)?.[1];
      if (port) resolve({ child, port: Number(port) });
    });
    child.once("exit", (code) => reject(new Error(`dist/main.js exited ${code}:\n${err}`)));
  });
}

/** The request for the n-th message or command; throws unless the app answered it with 200. */
function requestMaker(kind: Kind, baseUrl: string, responseBase: string): (n: number) => Promise<void> {
  const codes = loadCatalog().entries.map((entry) => entry.code);
  // What people type, from both query sets (codes, typos, titles, questions, log lines, junk).
  const queries = [...QUERIES.map((c) => c.query), ...HELPDESK_QUERIES.map((c) => c.query)];
  return async (n) => {
    let response: Response;
    if (kind === "messages") {
      const event = channelMessage(`users see ${codes[n % codes.length]} since 9am`, {
        channel: `C0MEM${n % CHANNELS}`,
        user: `U0PERSON${n % PEOPLE}`,
      });
      response = await postEvent(baseUrl, SIGNING_SECRET, event, { timeoutMs: 30_000 });
    } else {
      // Distinct texts: each query comes back with another ticket number, as people paste them.
      const text = n % AUTO_STATUS_EVERY === 0 ? "auto status" : `${queries[n % queries.length]} (ticket INC${n})`;
      const fields = { text, channel_id: `C0MEM${n % CHANNELS}`, user_id: `U0PERSON${n}`, response_url: `${responseBase}${n}` };
      response = await postSlashCommand(baseUrl, SIGNING_SECRET, fields, { timeoutMs: 30_000 });
    }
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${kind} ${n}: HTTP ${response.status}`);
  };
}

interface Summary {
  label: string;
  peakRssMb: number;
  rssMb: number;
  heapUsedMb: number;
  cpuMsPerRequest: number;
}

async function runKind(kind: Kind, label: string, flags: readonly string[]): Promise<Summary> {
  const total = COUNTS[kind];
  const sink = await startSlackSink();
  const { child, port } = await startBuiltApp(sink.apiUrl, flags);
  const sendOne = requestMaker(kind, `http://127.0.0.1:${port}`, sink.apiUrl.replace(/api\/$/, "response/"));
  const memory = async (): Promise<MemoryReport> => {
    const report = nextReport(child);
    child.send("mem");
    return report;
  };

  const rows: Array<{ sent: number } & MemoryReport> = [{ sent: 0, ...(await memory()) }];
  let sent = 0;
  for (let checkpoint = 1; checkpoint <= CHECKPOINTS; checkpoint += 1) {
    const until = Math.round((total * checkpoint) / CHECKPOINTS);
    const workers = Array.from({ length: CONCURRENCY }, async () => {
      while (sent < until) await sendOne(sent++);
    });
    await Promise.all(workers);
    rows.push({ sent: until, ...(await memory()) });
  }
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
  sink.server.close();

  const node = flags.length > 0 ? `node ${flags.join(" ")}` : "node without flags";
  const what =
    kind === "messages"
      ? `${total} channel messages, each in a thread of its own (${CHANNELS} channels, ${PEOPLE} people); ${sink.posted()} thread replies`
      : `${total} /zpa-code commands, distinct texts from distinct people (${CHANNELS} channels), one in ${AUTO_STATUS_EVERY} \`auto status\`; ${sink.responses()} response_url posts`;
  console.log(`\n### ${kind}, ${label} (${node}): ${what}`);
  console.log(`${kind.padStart(8)} | RSS under load MB | heap reserved under load MB | RSS after GC MB | peak RSS MB | heap after GC MB`);
  const cell = (mb: number, width: number): string => mb.toFixed(1).padStart(width);
  for (const row of rows) {
    console.log(
      `${String(row.sent).padStart(8)} | ${cell(row.loadedRssMb, 17)} | ${cell(row.loadedHeapTotalMb, 27)} | ${cell(row.rssMb, 15)} | ${cell(row.peakRssMb, 11)} | ${cell(row.heapUsedMb, 16)}`,
    );
  }
  const last = rows.at(-1)!;
  const middle = rows[Math.floor(rows.length / 2)]!;
  const growth = last.heapUsedMb / middle.heapUsedMb;
  // CPU under load only: each interval from the end of one report's forced GC to the start of the next.
  const loadCpuMs = rows.slice(1).reduce((sum, row, i) => sum + row.loadCpuMs - rows[i]!.cpuMs, 0);
  for (const [at, row] of [["half", middle], ["end", last]] as const) {
    console.log(
      `${at} (${row.sent}): RSS under load ${row.loadedRssMb.toFixed(1)} MB, after GC ${row.rssMb.toFixed(1)} MB, heap after GC ${row.heapUsedMb.toFixed(1)} MB; peak RSS so far ${row.peakRssMb.toFixed(1)} MB`,
    );
  }
  console.log(`app CPU under load: ${(loadCpuMs / total).toFixed(2)} ms per request`);
  console.log(`RSS after GC ${last.rssMb.toFixed(1)} MB (target < ${RSS_TARGET_MB}): ${last.rssMb < RSS_TARGET_MB ? "met" : "MISSED"}`);
  console.log(`peak RSS ${last.peakRssMb.toFixed(1)} MB (target < ${RSS_TARGET_MB}): ${last.peakRssMb < RSS_TARGET_MB ? "met" : "MISSED"}`);
  console.log(`heap after GC, end / half: ${growth.toFixed(3)}x (target <= 1.10): ${growth <= 1.1 ? "flat" : "GROWING"}`);
  return { label, peakRssMb: last.peakRssMb, rssMb: last.rssMb, heapUsedMb: last.heapUsedMb, cpuMsPerRequest: loadCpuMs / total };
}

export async function run(): Promise<void> {
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "inherit" });
  const only = process.env.BENCH_KIND;
  if (only !== undefined && !KINDS.includes(only as Kind)) throw new Error(`BENCH_KIND must be one of ${KINDS.join(", ")}`);
  const start = startScriptFlags();
  // npm start's flags against plain node, alternating which goes first, so drift on the machine hits both alike.
  const configs: Array<[string, string[]]> = [["npm start", [...start, ...NODE_FLAGS]]];
  if (start.length > 0) configs.push(["plain node", [...NODE_FLAGS]]);
  let round = 0;
  for (const kind of only ? [only as Kind] : KINDS) {
    const ordered = round++ % 2 === 0 ? configs : [...configs].reverse();
    const summaries: Summary[] = [];
    for (const [label, flags] of ordered) summaries.push(await runKind(kind, label, flags));
    if (summaries.length < 2) continue;
    const [ours, plain] = [summaries.find((s) => s.label === "npm start")!, summaries.find((s) => s.label === "plain node")!];
    const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;
    console.log(
      `\n${kind}: npm start / plain node: peak RSS ${ours.peakRssMb.toFixed(1)} / ${plain.peakRssMb.toFixed(1)} MB (${ratio(ours.peakRssMb, plain.peakRssMb)}), ` +
        `RSS after GC ${ours.rssMb.toFixed(1)} / ${plain.rssMb.toFixed(1)} MB (${ratio(ours.rssMb, plain.rssMb)}), ` +
        `heap after GC ${ours.heapUsedMb.toFixed(1)} / ${plain.heapUsedMb.toFixed(1)} MB, ` +
        `CPU ${ours.cpuMsPerRequest.toFixed(2)} / ${plain.cpuMsPerRequest.toFixed(2)} ms per request (${ratio(ours.cpuMsPerRequest, plain.cpuMsPerRequest)})`,
    );
  }
}
