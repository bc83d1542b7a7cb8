// Channel messages and @mentions: answer codes in the thread (the bot logic decides whether).
import type { App, Logger } from "@slack/bolt";
import { autoReply, type AutoReply } from "../../bot/auto-reply.js";
import type { BotCore } from "../../bot/deps.js";
import { imageAutoReply } from "../../bot/image-reply.js";
import { StateUnavailableError } from "../../state/errors.js";
import { toIncomingMessage } from "./incoming.js";
import { send } from "./send.js";

export function registerMessages(app: App, core: BotCore, logger: Logger): void {
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
      if (reply) await sendReply(reply, incoming.channel, client);
      if (!core.images || !incoming.files) return;
      // Screenshots: read off the event loop (an OCR worker), answered in a second reply if they hold codes.
      let imageReply: AutoReply | null;
      try {
        imageReply = await imageAutoReply(core, incoming, context.botUserId, (file, error) =>
          logger.warn(`Screenshot ${file.id} in ${incoming.channel} not read: ${error.message}`),
        );
      } catch (error) {
        if (!(error instanceof StateUnavailableError)) throw error;
        logger.warn(`Screenshot reply in ${incoming.channel} skipped: ${error.message}`);
        return;
      }
      if (imageReply) await sendReply(imageReply, incoming.channel, client);
    };
  const sendReply = async (reply: AutoReply, channel: string, client: Parameters<typeof send>[0]["client"]): Promise<void> => {
    try {
      await send({ client }, [reply.outgoing]);
    } catch (error) {
      // Give the claim back so Slack's redelivery of this event can still answer.
      await reply.release().catch(() => undefined);
      logger.error(`Thread reply in ${channel} failed: ${(error as Error).message}`);
      throw error;
    }
  };
  app.event("message", answer(false));
  app.event("app_mention", answer(true));
}
