// Reads the fields the bot needs from Slack's message-shaped events, whatever their subtype, with the text decoded.
import type { IncomingMessage } from "../../bot/auto-reply.js";
import { decodeSlackEntities } from "../../render/escape.js";

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function toIncomingMessage(event: unknown, isMention: boolean): IncomingMessage | null {
  if (typeof event !== "object" || event === null) return null;
  const fields = event as Record<string, unknown>;
  const channel = text(fields.channel);
  const ts = text(fields.ts);
  if (channel === undefined || ts === undefined) return null;
  const out: IncomingMessage = { channel, ts, text: decodeSlackEntities(text(fields.text) ?? ""), isMention };
  const user = text(fields.user);
  const botId = text(fields.bot_id);
  const subtype = text(fields.subtype);
  const threadTs = text(fields.thread_ts);
  if (user !== undefined) out.user = user;
  if (botId !== undefined) out.botId = botId;
  if (subtype !== undefined) out.subtype = subtype;
  if (threadTs !== undefined) out.threadTs = threadTs;
  return out;
}
