// Channel messages and @mentions: answer codes in the thread (the bot logic decides whether).
import type { Logger } from "@slack/bolt";
import { autoReply, type AutoReply } from "../../bot/auto-reply.js";
import type { BotCore } from "../../bot/deps.js";
import { StateUnavailableError } from "../../state/errors.js";
import { toIncomingMessage } from "./incoming.js";
import { send } from "./send.js";
import type { ListenerRouter } from "./router.js";

export function registerMessages(app: ListenerRouter, core: BotCore, logger: Logger): void {
  const answer = (isMention: boolean) =>
    async ({ event, context, client }: { event: unknown; context: { botUserId?: string }; client: Parameters<typeof send>[0]["client"] }) => {
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
      try {
        await send({ client }, [reply.outgoing]);
        core.metrics?.autoReply();
      } catch (error) {
        // Give the claim back so Slack's redelivery of this event can still answer.
        await reply.release().catch(() => undefined);
        logger.error(`Thread reply in ${incoming.channel} failed: ${(error as Error).message}`);
        throw error;
      }
    };
  app.event("message", answer(false));
  app.event("app_mention", answer(true));
}
