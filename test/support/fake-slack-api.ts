// A stand-in for https://slack.com/api/ on 127.0.0.1: records every Web API call and response_url post
// so end-to-end tests can assert what the bot sent, without the network.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { nextTs, TEST_BOT_ID, TEST_BOT_USER_ID, TEST_TEAM_ID } from "./payloads.js";

// Waits end when the awaited call arrives; the bound only turns a hang into a message listing what came,
// so it is generous enough for a loaded machine.
const WAIT_BOUND_MS = 30_000;

export interface RecordedCall {
  /** Web API method ("chat.postMessage"), or "response_url" for posts to a response URL. */
  method: string;
  /** The <id> of /response/<id> for response_url posts. */
  responseId?: string;
  /** Parsed body; JSON-looking form fields (blocks, view, ...) are parsed too. */
  body: Record<string, any>;
  headers: IncomingHttpHeaders;
  /** True when this call was answered with the forced 429. */
  rateLimited: boolean;
  receivedAt: number;
  /** Set just before the answer is written (after any hold): the client cannot have it earlier. */
  answerStartedAt?: number;
  /** Set once the answer was fully handed to the client (after any hold). */
  answeredAt?: number;
}

type Answer = (body: Record<string, any>) => Record<string, unknown>;

export interface FakeSlackApi {
  /** Pass as SLACK_API_URL / clientOptions.slackApiUrl: http://127.0.0.1:PORT/api/ */
  readonly apiUrl: string;
  readonly origin: string;
  readonly calls: readonly RecordedCall[];
  /** A fresh response_url on this server; posts to it are recorded as method "response_url". */
  responseUrl(id?: string): string;
  callsTo(method: string): RecordedCall[];
  /** Resolves once `count` calls of `method` were received; rejects after timeoutMs listing what was seen. */
  waitForCalls(method: string, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  /** Resolves with the post to responseUrl(id), once it arrives. */
  waitForResponsePost(id: string, timeoutMs?: number): Promise<RecordedCall>;
  /** Resolves once `count` calls of `method` have been fully answered. */
  waitForAnswered(method: string, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  /** Answer the next call of `method` with HTTP 429 and Retry-After (seconds), as Slack does. */
  rateLimitNext(method: string, retryAfterSeconds?: number): void;
  /** Hold answers to `method` for `ms` (e.g. to keep a handler in flight). */
  holdAnswers(method: string, ms: number): void;
  /** Never answer the next `count` calls of `method` (a hung Slack); they are recorded, and dropped on close(). */
  hangNext(method: string, count?: number): void;
  /** Replace the default answer for `method`. */
  answer(method: string, answer: Answer): void;
  /**
   * Serves `bytes` as a Slack file would be (url_private_download) and returns its URL on this server;
   * downloads are recorded as method "files.download" (with their Authorization header).
   */
  serveFile(name: string, bytes: Uint8Array, contentType?: string): string;
  /** Where apps.connections.open sends the Socket Mode client. */
  setSocketModeUrl(url: string): void;
  /** Forget recorded calls (keeps answers, holds and the socket URL). */
  clearCalls(): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const waiters = new Set<() => void>();
  const answers = new Map<string, Answer>();
  const rateLimits = new Map<string, number>();
  const holds = new Map<string, number>();
  const hangs = new Map<string, number>();
  let socketModeUrl: string | undefined;
  let responseCounter = 0;
  const files = new Map<string, { bytes: Uint8Array; contentType: string }>();

  const notify = (): void => {
    for (const wake of [...waiters]) wake();
  };

  const defaults: Record<string, Answer> = {
    "auth.test": () => ({
      url: "https://test-team.slack.com/",
      team: "Test Team",
      user: "zpa-codes",
      team_id: TEST_TEAM_ID,
      user_id: TEST_BOT_USER_ID,
      bot_id: TEST_BOT_ID,
      is_enterprise_install: false,
    }),
    "chat.postMessage": (body) => {
      const ts = nextTs();
      return { channel: body.channel, ts, message: { type: "message", text: body.text, ts, bot_id: TEST_BOT_ID } };
    },
    "chat.postEphemeral": () => ({ message_ts: nextTs() }),
    "chat.update": (body) => ({ channel: body.channel, ts: body.ts, text: body.text }),
    "views.publish": (body) => ({ view: { id: `V${nextTs().replace(".", "")}`, ...asObject(body.view) } }),
    "views.open": (body) => ({ view: { id: `V${nextTs().replace(".", "")}`, ...asObject(body.view) } }),
    "views.update": (body) => ({ view: { id: body.view_id ?? "V0", ...asObject(body.view) } }),
    "views.push": (body) => ({ view: { id: `V${nextTs().replace(".", "")}`, ...asObject(body.view) } }),
    "conversations.info": (body) => ({
      channel: { id: body.channel, name: "helpdesk", is_channel: true, is_private: false, is_member: true },
    }),
    "apps.connections.open": () =>
      socketModeUrl === undefined ? { ok: false, error: "socket_mode_url_not_set" } : { url: socketModeUrl },
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: false, error: String(error) }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    const file = files.get(path);
    if (file) {
      calls.push({ method: "files.download", body: { path }, headers: req.headers, rateLimited: false, receivedAt: Date.now() });
      notify();
      res.writeHead(200, { "content-type": file.contentType, "content-length": String(file.bytes.length) });
      res.end(Buffer.from(file.bytes));
      return;
    }
    const body = parseBody(await readBody(req), req.headers["content-type"]);
    const responseMatch = /^\/response\/([^/]+)$/.exec(path);
    const apiMatch = /^\/api\/([A-Za-z0-9_.]+)$/.exec(path);
    if (!responseMatch && !apiMatch) {
      res.writeHead(404).end();
      return;
    }
    const method = responseMatch ? "response_url" : apiMatch![1]!;
    const call: RecordedCall = { method, body, headers: req.headers, rateLimited: false, receivedAt: Date.now() };
    if (responseMatch) call.responseId = decodeURIComponent(responseMatch[1]!);

    const retryAfter = rateLimits.get(method);
    if (retryAfter !== undefined) {
      rateLimits.delete(method);
      call.rateLimited = true;
      calls.push(call);
      notify();
      res.writeHead(429, { "content-type": "application/json", "retry-after": String(retryAfter) });
      res.end(JSON.stringify({ ok: false, error: "ratelimited" }), () => markAnswered(call));
      return;
    }
    calls.push(call);
    notify();

    const hang = hangs.get(method) ?? 0;
    if (hang > 0) {
      hangs.set(method, hang - 1);
      return;
    }

    const hold = holds.get(method);
    if (hold !== undefined) await new Promise((resolve) => setTimeout(resolve, hold));

    const answer = answers.get(method) ?? defaults[method];
    const reply = answer ? answer(body) : {};
    call.answerStartedAt = Date.now();
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: true, ...reply }), () => markAnswered(call));
  }

  function markAnswered(call: RecordedCall): void {
    call.answeredAt = Date.now();
    notify();
  }

  function waitUntil(
    pick: () => RecordedCall[],
    count: number,
    timeoutMs: number,
    what: string,
  ): Promise<RecordedCall[]> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = pick();
        if (found.length < count) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = calls.map((c) => c.method).join(", ") || "none";
        reject(new Error(`Fake Slack API: wanted ${count} ${what} within ${timeoutMs} ms; calls seen: ${seen}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        waiters.delete(wake);
      };
      const wake = (): void => void check();
      waiters.add(wake);
      check();
    });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const callsTo = (method: string): RecordedCall[] => calls.filter((c) => c.method === method);

  return {
    apiUrl: `${origin}/api/`,
    origin,
    calls,
    responseUrl: (id) => `${origin}/response/${encodeURIComponent(id ?? `r${++responseCounter}`)}`,
    callsTo,
    waitForCalls: (method, count = 1, timeoutMs = WAIT_BOUND_MS) =>
      waitUntil(() => callsTo(method), count, timeoutMs, `call(s) of ${method}`),
    waitForResponsePost: (id, timeoutMs = WAIT_BOUND_MS) =>
      waitUntil(
        () => calls.filter((c) => c.method === "response_url" && c.responseId === id),
        1,
        timeoutMs,
        `post to response URL ${id}`,
      ).then((found) => found[0]!),
    waitForAnswered: (method, count = 1, timeoutMs = WAIT_BOUND_MS) =>
      waitUntil(() => callsTo(method).filter((c) => c.answeredAt !== undefined), count, timeoutMs, `answered ${method}`),
    rateLimitNext: (method, retryAfterSeconds = 1) => void rateLimits.set(method, retryAfterSeconds),
    holdAnswers: (method, ms) => void holds.set(method, ms),
    hangNext: (method, count = 1) => void hangs.set(method, count),
    answer: (method, answer) => void answers.set(method, answer),
    serveFile: (name, bytes, contentType = "image/png") => {
      const path = `/files-pri/${TEST_TEAM_ID}-F${files.size + 1}/download/${encodeURIComponent(name)}`;
      files.set(path, { bytes, contentType });
      return `${origin}${path}`;
    },
    setSocketModeUrl: (url) => {
      socketModeUrl = url;
    },
    clearCalls: () => {
      calls.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** WebClient posts form-encoded fields with objects JSON-stringified; respond() posts JSON. */
export function parseBody(raw: string, contentType: string | undefined): Record<string, any> {
  if (raw === "") return {};
  if (contentType?.includes("application/json")) return asObject(JSON.parse(raw));
  const fields: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw)) fields[key] = parseJsonLooking(value);
  return fields;
}

function parseJsonLooking(value: string): unknown {
  const first = value.trimStart()[0];
  if (first !== "[" && first !== "{") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function asObject(value: unknown): Record<string, any> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, any>) : {};
}
