// Channel messages and @mentions: answer codes in the thread (the bot logic decides whether).
import type { App, Logger } from "@slack/bolt";
import { autoReply, type AutoReply } from "../../bot/auto-reply.js";
import type { BotCore } from "../../bot/deps.js";
import { StateUnavailableError } from "../../state/errors.js";
import { toIncomingMessage } from "./incoming.js";
import { sendPersistently } from "./send.js";

/** Slack's error code (channel_not_found) when there is one, else the message. */
function reasonOf(error: unknown): string {
  const code = (error as { data?: { error?: unknown } }).data?.error;
  return typeof code === "string" ? code : (error as Error).message;
}

/**
 * Pauses before sending a failed thread reply again. Slack never redelivers an event the app acknowledged,
 * and Bolt acknowledges events before the listener runs, so a reply that fails here is tried again in-process.
 */
export const DEFAULT_SEND_RETRY_PAUSES_MS: readonly number[] = [2_000, 10_000, 30_000];

export function registerMessages(
  app: App,
  core: BotCore,
  logger: Logger,
  retryPausesMs: readonly number[] = DEFAULT_SEND_RETRY_PAUSES_MS,
): void {
  const answer = (isMention: boolean) =>
    async ({ event, context, client }: { event: unknown; context: { botUserId?: string }; client: Parameters<typeof sendPersistently>[0]["client"] }) => {
      const incoming = toIncomingMessage(event, isMention);
      if (!incoming) return;
      let reply: AutoReply | null;
      try {
        reply = await autoReply(core, incoming, context.botUserId);
      } catch (error) {
        if (!(error instanceof StateUnavailableError)) throw error;
        // Without the shared store a reply could go out twice (once per replica): skip it instead.
        logger.warn(`Thread reply in ${incoming.channel} skipped: ${error.message}`);
        return;
      }
      if (!reply) return;
      const what = reply.codes.length > 0 ? reply.codes.join(", ") : "the mention hint";
      try {
        await sendPersistently({ client }, reply.outgoing, retryPausesMs, (error, pauseMs) =>
          logger.warn(`Thread reply (${what}) in ${incoming.channel} failed (${reasonOf(error)}); trying again in ${pauseMs / 1000} s`),
        );
      } catch (error) {
        // Given back all the same: a redelivery (a Socket Mode reconnect before the ack) may still answer.
        await reply.release().catch(() => undefined);
        logger.error(`Thread reply lost: ${what} in ${incoming.channel} (${reasonOf(error)})`);
      }
    };
  app.event("message", answer(false));
  app.event("app_mention", answer(true));
}
