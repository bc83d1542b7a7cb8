// Memory under a long stream of channel messages, each pasting a code in a thread of its own (so each one is
// claimed, counted and answered): `npm start`'s built entry point (dist/main.js, rebuilt first) in HTTP mode
// with the default in-process state, signed events over loopback, a minimal Slack Web API that answers every
// call. Target: RSS below 160 MB after 30,000 messages, and the heap after a full GC flat once the bounded
// structures are full (the last checkpoint within 10% of the middle one). BENCH_MESSAGES changes the count,
// BENCH_NODE_FLAGS adds node flags to the app (e.g. --max-old-space-size=96).
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { loadCatalog } from "../src/catalog/load.js";
import { channelMessage } from "../test/support/payloads.js";
import { postEvent } from "../test/support/sign.js";

const SIGNING_SECRET = "memorySigningSecret0123456789abc";
const BOT_TOKEN = "xoxb-bench-0000-memorytoken";
const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** Extra node flags for the app, such as --max-old-space-size=96 (BENCH_NODE_FLAGS, space-separated). */
const NODE_FLAGS = (process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter((flag) => flag !== "");
/**
 * Loaded into the app's process with --import: answers "mem" over IPC with its memory after a full GC.
 * Inline, so the app runs exactly as built, with nothing of the bench in its own code.
 */
const PROBE = `import { readFileSync } from "node:fs";
const mb = (bytes) => bytes / 1048576;
process.on("message", async (m) => { if (m !== "mem") return;
  const loadedRss = process.memoryUsage.rss();
  gc(); gc();
  // The collector's own scratch memory is handed back just after it ends.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const { rss, heapUsed, heapTotal } = process.memoryUsage();
  const peak = Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? NaN) * 1024;
  process.send({ loadedRssMb: mb(loadedRss), rssMb: mb(rss), peakRssMb: mb(peak), heapUsedMb: mb(heapUsed), heapTotalMb: mb(heapTotal) }); });`;

/**
 * loadedRss: as the OS sees it the moment the checkpoint's messages are answered, garbage included;
 * rss: once that garbage is collected (what V8 itself does within seconds of going idle); peak: the highest so far.
 */
type MemoryReport = { loadedRssMb: number; rssMb: number; peakRssMb: number; heapUsedMb: number; heapTotalMb: number };

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 30_000);
const CHECKPOINTS = 6;
const CONCURRENCY = 16;
const RSS_TARGET_MB = 160;
const CHANNELS = 40;
const PEOPLE = 500;

/** Answers every Web API call with ok (auth.test with an identity); counts chat.postMessage. */
async function startSlackSink(): Promise<{ apiUrl: string; posted(): number; server: Server }> {
  let posted = 0;
  let ts = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const method = req.url?.split("/").pop() ?? "";
      if (method === "chat.postMessage") posted += 1;
      const body =
        method === "auth.test"
          ? { ok: true, user_id: "U0MEMBOT", bot_id: "B0MEMBOT", team_id: "T0MEM", user: "zpa-codes" }
          : { ok: true, ts: `1800000000.${String(++ts).padStart(6, "0")}` };
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`, posted: () => posted, server };
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
function startBuiltApp(apiUrl: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork("dist/main.js", [], {
    cwd: ROOT,
    execArgv: [...NODE_FLAGS, "--expose-gc", "--import", `data:text/javascript,${encodeURIComponent(PROBE)}`],
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
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  return new Promise((resolve, reject) => {
    let err = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      err += chunk;
      const port = /listening on port (\d+)/.exec(err)?.[1];
      if (port) resolve({ child, port: Number(port) });
    });
    child.once("exit", (code) => reject(new Error(`dist/main.js exited ${code}:\n${err}`)));
  });
}

export async function run(): Promise<void> {
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "inherit" });
  const sink = await startSlackSink();
  const { child, port } = await startBuiltApp(sink.apiUrl);
  const baseUrl = `http://127.0.0.1:${port}`;
  const memory = async (): Promise<MemoryReport> => {
    const report = nextReport(child);
    child.send("mem");
    return report;
  };

  const codes = loadCatalog().entries.map((entry) => entry.code);
  const rows: Array<{ messages: number } & MemoryReport> = [{ messages: 0, ...(await memory()) }];
  let sent = 0;
  const sendOne = async (n: number): Promise<void> => {
    const event = channelMessage(`users see ${codes[n % codes.length]} since 9am`, {
      channel: `C0MEM${n % CHANNELS}`,
      user: `U0PERSON${n % PEOPLE}`,
    });
    const response = await postEvent(baseUrl, SIGNING_SECRET, event, { timeoutMs: 30_000 });
    if (response.status !== 200) throw new Error(`message ${n}: HTTP ${response.status}`);
  };
  for (let checkpoint = 1; checkpoint <= CHECKPOINTS; checkpoint += 1) {
    const until = Math.round((MESSAGES * checkpoint) / CHECKPOINTS);
    const workers = Array.from({ length: CONCURRENCY }, async () => {
      while (sent < until) await sendOne(sent++);
    });
    await Promise.all(workers);
    rows.push({ messages: until, ...(await memory()) });
  }
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
  sink.server.close();

  const flags = NODE_FLAGS.length > 0 ? `, node ${NODE_FLAGS.join(" ")}` : "";
  console.log(`${MESSAGES} channel messages, each in a thread of its own (${CHANNELS} channels, ${PEOPLE} people${flags}); ${sink.posted()} thread replies`);
  console.log("messages | RSS at checkpoint MB | RSS after GC MB | peak RSS MB | heap after GC MB | heap reserved MB");
  const cell = (mb: number, width: number): string => mb.toFixed(1).padStart(width);
  for (const row of rows) {
    console.log(
      `${String(row.messages).padStart(8)} | ${cell(row.loadedRssMb, 20)} | ${cell(row.rssMb, 15)} | ${cell(row.peakRssMb, 11)} | ${cell(row.heapUsedMb, 16)} | ${cell(row.heapTotalMb, 16)}`,
    );
  }
  const last = rows.at(-1)!;
  const middle = rows[Math.floor(rows.length / 2)]!;
  const growth = last.heapUsedMb / middle.heapUsedMb;
  console.log(`RSS after GC ${last.rssMb.toFixed(1)} MB (target < ${RSS_TARGET_MB}): ${last.rssMb < RSS_TARGET_MB ? "met" : "MISSED"}`);
  console.log(`RSS at the last checkpoint, garbage included: ${last.loadedRssMb.toFixed(1)} MB; peak during the run: ${last.peakRssMb.toFixed(1)} MB`);
  console.log(`heap after GC, last / middle checkpoint: ${growth.toFixed(3)}x (target <= 1.10): ${growth <= 1.1 ? "flat" : "GROWING"}`);
}
