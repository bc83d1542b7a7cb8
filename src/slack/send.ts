// Turns the bot's Outgoing descriptions into Slack calls.
import type { AckFn, Logger, RespondFn, ViewResponseAction, webApi } from "@slack/bolt";
import { NotInChannelError, type Delivery, type Outgoing } from "../bot/outgoing.js";
import type { Block } from "../render/types.js";

/** chat.postMessage's answers when the bot is not a member (channel_not_found: a private channel it cannot see). */
const NOT_A_MEMBER = new Set(["not_in_channel", "channel_not_found"]);

export interface Senders {
  client: webApi.WebClient;
  /** Present for slash commands and message buttons (their response_url). */
  respond?: RespondFn;
}

/** JSON text of block lists already sent; a card rendered once (rendered-once.ts) is stringified once too. */
const blocksJson = new WeakMap<Block[], string>();

/**
 * Blocks as the JSON text that the form-encoded Web API takes, which the WebClient would otherwise build
 * itself. Handed over as text, they also spare the client a deep copy of every block for a debug line that
 * it formats even when debug logging is off: together about an eighth of what a thread reply allocates.
 */
function blocksAsJson(blocks: Block[]): Block[] {
  let json = blocksJson.get(blocks);
  if (json === undefined) blocksJson.set(blocks, (json = JSON.stringify(blocks)));
  // The WebClient sends string arguments as they are (serializeBody), so Slack receives the same form field.
  return json as unknown as Block[];
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
      try {
        await client.chat.postMessage({
          channel: out.channel,
          ...(out.threadTs ? { thread_ts: out.threadTs } : {}),
          text: out.message.text,
          blocks: blocksAsJson(out.message.blocks),
          unfurl_links: false,
          unfurl_media: false,
        });
      } catch (error) {
        const reason = (error as { data?: { error?: unknown } }).data?.error;
        if (typeof reason === "string" && NOT_A_MEMBER.has(reason)) throw new NotInChannelError(out.channel);
        throw error;
      }
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
    case "inputErrors":
      throw new Error("Input errors are answered in a view_submission's acknowledgement, not sent");
  }
}

/** Sends in order; a failure stops the rest and propagates (Bolt logs it). */
export async function send(senders: Senders, outgoing: readonly Outgoing[]): Promise<void> {
  for (const out of outgoing) await sendOne(senders, out);
}

/** Slack's answers that a later attempt may well not get; anything else (channel_not_found, invalid_blocks) is final. */
const TRANSIENT_PLATFORM_ERRORS = new Set(["internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited"]);

/**
 * Pauses before sending a failed thread reply again. Slack never redelivers an event the app acknowledged,
 * and Bolt acknowledges events before the listener runs, so a reply that fails is tried again in-process.
 */
export const DEFAULT_SEND_RETRY_PAUSES_MS: readonly number[] = [2_000, 10_000, 30_000];

/** True when the same call may succeed later: no answer, an HTTP error, or one of Slack's transient errors. */
export function isTransientSlackError(error: unknown): boolean {
  const { code, data } = error as { code?: unknown; data?: { error?: unknown } };
  if (code === "slack_webapi_platform_error") return typeof data?.error === "string" && TRANSIENT_PLATFORM_ERRORS.has(data.error);
  return code === "slack_webapi_request_error" || code === "slack_webapi_http_error" || code === "slack_webapi_rate_limited_error";
}

/** Slack's error code (fatal_error) when there is one, else the message. */
function reasonOf(error: unknown): string {
  const code = (error as { data?: { error?: unknown } }).data?.error;
  return typeof code === "string" ? code : (error as Error).message;
}

/**
 * What the bot's flows may send before they finish, and where they log. sendPatiently tries a transient
 * failure again after each of retryPausesMs in turn (each attempt bounded by its own timeout and retries).
 */
export function delivery(senders: Senders, logger: Logger, retryPausesMs: readonly number[] = DEFAULT_SEND_RETRY_PAUSES_MS): Delivery {
  return {
    send: (out) => sendOne(senders, out),
    async sendPatiently(out, what) {
      for (let attempt = 0; ; attempt += 1) {
        try {
          await sendOne(senders, out);
          return;
        } catch (error) {
          const pauseMs = retryPausesMs[attempt];
          if (pauseMs === undefined || !isTransientSlackError(error)) throw new Error(reasonOf(error), { cause: error });
          logger.warn(`${what} failed (${reasonOf(error)}); trying again in ${pauseMs / 1000} s`);
          await new Promise((resolve) => setTimeout(resolve, pauseMs));
        }
      }
    },
    warn: (line) => logger.warn(line),
    error: (line) => logger.error(line),
  };
}

/** A modal's submission: input errors go back in the acknowledgement (the modal stays open); anything else is sent after it. */
export async function answerSubmission(
  ack: AckFn<ViewResponseAction> | AckFn<void>,
  client: webApi.WebClient,
  outgoing: readonly Outgoing[],
): Promise<void> {
  const invalid = outgoing.find((out) => out.kind === "inputErrors");
  if (invalid) {
    await (ack as AckFn<ViewResponseAction>)({ response_action: "errors", errors: invalid.errors });
    return;
  }
  await (ack as AckFn<void>)();
  await send({ client }, outgoing);
}
