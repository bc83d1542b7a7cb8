// Screens each POST to /slack/events before Bolt sees it: a timestamp more than 5 minutes off in either
// direction gets 401, and a signed body that is not a Slack payload (`null`, `payload=null`, an array) gets 400.
// Bolt reads `body.ssl_check` on whatever JSON.parse returned, so a signed `null` used to end the process.
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseForm } from "node:querystring";
import { isValidSlackRequest, type HTTPReceiver, type Logger } from "@slack/bolt";
import { pathOf } from "../health.js";

/** Slack's guidance: reject a request whose timestamp differs from now by more than 5 minutes. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface RequestGuardOptions {
  /** The receiver's events path, e.g. /slack/events. */
  path: string;
  bodyLimitBytes: number;
  signingSecret: string;
  logger: Logger;
}

/** Bolt reuses a request whose body was already read (req.rawBody), so reading it here costs nothing twice. */
type BufferedRequest = IncomingMessage & { rawBody?: Buffer };

export function guardSlackRequests(receiver: HTTPReceiver, options: RequestGuardOptions): void {
  const boltListener = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    if (req.method?.toUpperCase() !== "POST" || pathOf(req) !== options.path) return boltListener(req, res);
    screen(req, res, options).then(
      (pass) => {
        if (pass) boltListener(req, res);
      },
      (error: unknown) => {
        options.logger.warn(`Request to ${options.path} dropped: ${(error as Error).message}`);
        answer(res, 400);
      },
    );
  };
}

async function screen(req: BufferedRequest, res: ServerResponse, options: RequestGuardOptions): Promise<boolean> {
  const timestamp = req.headers["x-slack-request-timestamp"];
  // A missing or malformed header is left to Bolt, which answers 401 (ssl_check requests carry none).
  if (typeof timestamp === "string" && /^\d{1,12}$/.test(timestamp)) {
    const skew = Math.abs(Math.floor(Date.now() / 1000) - Number(timestamp));
    if (skew > MAX_CLOCK_SKEW_SECONDS) {
      options.logger.warn(`Request rejected: its timestamp is ${skew} s away from this server's clock (at most ${MAX_CLOCK_SKEW_SECONDS} s)`);
      answer(res, 401);
      return false;
    }
  }

  const body = await readBody(req, options.bodyLimitBytes);
  if (body === "too large") {
    options.logger.warn(`Request body exceeded the maximum allowed size (limit: ${options.bodyLimitBytes} bytes)`);
    answer(res, 413);
    return false;
  }
  req.rawBody = body;
  if (isSlackShaped(body.toString("utf8"), req.headers["content-type"])) return true;

  // Unsigned junk is answered like any unsigned request; signed junk is a malformed request.
  const signed = isValidSlackRequest({
    signingSecret: options.signingSecret,
    body: body.toString("utf8"),
    headers: {
      "x-slack-signature": String(req.headers["x-slack-signature"] ?? ""),
      "x-slack-request-timestamp": Number(timestamp),
    },
  });
  options.logger.warn(signed ? "Malformed request body: not a Slack payload" : "Request rejected: bad or missing signature");
  answer(res, signed ? 400 : 401);
  return false;
}

/**
 * True when Bolt would parse the body into an object: the same content-type rule as Bolt's parser
 * (exactly form-encoded, else JSON), with `payload=` holding a JSON object when present.
 */
export function isSlackShaped(text: string, contentType: string | undefined): boolean {
  if (contentType === "application/x-www-form-urlencoded") {
    const { payload } = parseForm(text);
    return typeof payload !== "string" || !isJsonButNotObject(payload);
  }
  return !isJsonButNotObject(text);
}

/** Valid JSON that is not an object (null, an array, a string): what Bolt's parser lets through and then trips on. */
function isJsonButNotObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value !== "object" || value === null || Array.isArray(value);
  } catch {
    // Unparsable JSON: Bolt answers 400 itself.
    return false;
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | "too large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const declared = Number(req.headers["content-length"]);
    if (declared > limit) {
      req.resume();
      resolve("too large");
      return;
    }
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        resolve("too large");
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function answer(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status);
  res.end();
}
