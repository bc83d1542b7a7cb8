// Channel messages and @mentions: the bot decides whether to answer in the thread, and sends it.
import type { Logger } from "@slack/bolt";
import type { Bot } from "../../bot/bot.js";
import { handleMessage } from "../../bot/auto-reply.js";
import { toIncomingMessage } from "../incoming.js";
import { DEFAULT_SEND_RETRY_PAUSES_MS, delivery, type Senders } from "../send.js";
import type { ListenerRouter } from "../router.js";

export function registerMessages(
  app: ListenerRouter,
  bot: Bot,
  logger: Logger,
  retryPausesMs: readonly number[] = DEFAULT_SEND_RETRY_PAUSES_MS,
): void {
  const answer =
    (isMention: boolean) =>
    async ({ event, context, client }: { event: unknown; context: { botUserId?: string }; client: Senders["client"] }) => {
      const incoming = toIncomingMessage(event, isMention);
      if (incoming) await handleMessage(bot, incoming, context.botUserId, delivery({ client }, logger, retryPausesMs));
    };
  app.event("message", answer(false));
  app.event("app_mention", answer(true));
}
