// Channel messages and @mentions: answer codes in the thread (the bot logic decides whether).
import type { App, Logger } from "@slack/bolt";
import { autoReply } from "../../bot/auto-reply.js";
import type { BotCore } from "../../bot/deps.js";
import { toIncomingMessage } from "./incoming.js";
import { send } from "./send.js";

export function registerMessages(app: App, core: BotCore, logger: Logger): void {
  const answer = (isMention: boolean) =>
    async ({ event, context, client }: { event: unknown; context: { botUserId?: string }; client: Parameters<typeof send>[0]["client"] }) => {
      const incoming = toIncomingMessage(event, isMention);
      if (!incoming) return;
      const reply = await autoReply(core, incoming, context.botUserId);
      if (!reply) return;
      try {
        await send({ client }, [reply.outgoing]);
      } catch (error) {
        // Give the claim back so Slack's redelivery of this event can still answer.
        await reply.release();
        logger.error(`Thread reply in ${incoming.channel} failed: ${(error as Error).message}`);
        throw error;
      }
    };
  app.event("message", answer(false));
  app.event("app_mention", answer(true));
}
