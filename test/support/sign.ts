// Requests signed the way Slack signs them (v0, HMAC-SHA256 over "v0:<timestamp>:<body>"),
// posted to a running HTTP receiver's /slack/events.
import { createHmac } from "node:crypto";
import { eventCallback, slashCommandFields } from "./payloads.js";

export interface SignOptions {
  /** Unix seconds; defaults to now. Use an old one to test replay protection. */
  timestamp?: number;
  /** Replace the computed signature (to test rejection). */
  signature?: string;
}

export interface SlackHeaders {
  "x-slack-signature": string;
  "x-slack-request-timestamp": string;
}

export function signBody(signingSecret: string, body: string, options: SignOptions = {}): SlackHeaders {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const digest = createHmac("sha256", signingSecret).update(`v0:${timestamp}:${body}`).digest("hex");
  return {
    "x-slack-signature": options.signature ?? `v0=${digest}`,
    "x-slack-request-timestamp": String(timestamp),
  };
}

export interface PostOptions extends SignOptions {
  /** Path on the receiver; Bolt's default endpoint. */
  path?: string;
  headers?: Record<string, string>;
  /** Bounded wait for the answer. */
  timeoutMs?: number;
}

/** Posts an already-encoded body with a Slack signature; resolves with the receiver's answer. */
export async function postSigned(
  baseUrl: string,
  signingSecret: string,
  body: string,
  contentType: string,
  options: PostOptions = {},
): Promise<Response> {
  return fetch(new URL(options.path ?? "/slack/events", baseUrl), {
    method: "POST",
    headers: { "content-type": contentType, ...signBody(signingSecret, body, options), ...options.headers },
    body,
    signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
  });
}

/** A /zpa-code slash command (form-encoded). Put a fake API responseUrl() in fields.response_url. */
export function postSlashCommand(
  baseUrl: string,
  signingSecret: string,
  fields: Record<string, string> = {},
  options: PostOptions = {},
): Promise<Response> {
  const body = new URLSearchParams(slashCommandFields(fields)).toString();
  return postSigned(baseUrl, signingSecret, body, "application/x-www-form-urlencoded", options);
}

export interface EventPostOptions extends PostOptions {
  /** Slack's redelivery headers: x-slack-retry-num / x-slack-retry-reason. */
  retryNum?: number;
  retryReason?: string;
}

/** An Events API callback (JSON) wrapping `event`. */
export function postEvent(
  baseUrl: string,
  signingSecret: string,
  event: Record<string, unknown>,
  options: EventPostOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.retryNum !== undefined) headers["x-slack-retry-num"] = String(options.retryNum);
  if (options.retryReason !== undefined) headers["x-slack-retry-reason"] = options.retryReason;
  const body = JSON.stringify(eventCallback(event));
  return postSigned(baseUrl, signingSecret, body, "application/json", { ...options, headers });
}

/** An interactive payload (block_actions, view_submission, ...), form-encoded as payload=<json>. */
export function postInteraction(
  baseUrl: string,
  signingSecret: string,
  payload: Record<string, unknown>,
  options: PostOptions = {},
): Promise<Response> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return postSigned(baseUrl, signingSecret, body, "application/x-www-form-urlencoded", options);
}
