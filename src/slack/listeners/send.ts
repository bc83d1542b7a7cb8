// Turns the bot's Outgoing descriptions into Slack calls.
import type { RespondFn, webApi } from "@slack/bolt";
import type { Outgoing } from "../../bot/outgoing.js";

export interface Senders {
  client: webApi.WebClient;
  /** Present for slash commands and message buttons (their response_url). */
  respond?: RespondFn;
}

async function sendOne({ client, respond }: Senders, out: Outgoing): Promise<void> {
  switch (out.kind) {
    case "respond":
      if (!respond) throw new Error("This interaction has no response URL to answer on");
      await respond({
        response_type: out.visibility,
        replace_original: out.replaceOriginal,
        text: out.message.text,
        blocks: out.message.blocks,
      });
      return;
    case "postMessage":
      await client.chat.postMessage({
        channel: out.channel,
        ...(out.threadTs ? { thread_ts: out.threadTs } : {}),
        text: out.message.text,
        blocks: out.message.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
      return;
    case "postEphemeral":
      await client.chat.postEphemeral({
        channel: out.channel,
        user: out.user,
        ...(out.threadTs ? { thread_ts: out.threadTs } : {}),
        text: out.message.text,
        blocks: out.message.blocks,
      });
      return;
    case "publishHome":
      await client.views.publish({ user_id: out.userId, view: out.view });
      return;
    case "openModal":
      await client.views.open({ trigger_id: out.triggerId, view: out.view });
      return;
  }
}

/** Sends in order; a failure stops the rest and propagates (Bolt logs it). */
export async function send(senders: Senders, outgoing: readonly Outgoing[]): Promise<void> {
  for (const out of outgoing) await sendOne(senders, out);
}

/** Slack's answers that a later attempt may well not get; anything else (channel_not_found, invalid_blocks) is final. */
const TRANSIENT_PLATFORM_ERRORS = new Set(["internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited"]);

/** True when the same call may succeed later: no answer, an HTTP error, or one of Slack's transient errors. */
export function isTransientSlackError(error: unknown): boolean {
  const { code, data } = error as { code?: unknown; data?: { error?: unknown } };
  if (code === "slack_webapi_platform_error") return typeof data?.error === "string" && TRANSIENT_PLATFORM_ERRORS.has(data.error);
  return code === "slack_webapi_request_error" || code === "slack_webapi_http_error" || code === "slack_webapi_rate_limited_error";
}

/**
 * Sends one Outgoing; a transient failure is tried again after each pause in turn, so the time it may take
 * is bounded by those pauses plus each attempt's own bounded retries. The last failure propagates.
 */
export async function sendPersistently(
  senders: Senders,
  out: Outgoing,
  pausesMs: readonly number[],
  onRetry: (error: unknown, pauseMs: number) => void,
): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await sendOne(senders, out);
      return;
    } catch (error) {
      const pauseMs = pausesMs[attempt];
      if (pauseMs === undefined || !isTransientSlackError(error)) throw error;
      onRetry(error, pauseMs);
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}
