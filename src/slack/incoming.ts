// Reads the fields the bot needs from Slack's message-shaped events, whatever their subtype, with the text decoded.
import type { IncomingMessage } from "../bot/auto-reply.js";
import type { ImageFile } from "../bot/image-reply.js";
import { decodeSlackEntities } from "../render/escape.js";

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
  const channelType = text(fields.channel_type);
  if (channelType !== undefined) out.channelType = channelType;
  const files = filesOf(fields.files);
  if (files.length > 0) out.files = files;
  return out;
}

/** The attached files with the fields the image reply needs; anything malformed is left out. */
function filesOf(value: unknown): ImageFile[] {
  if (!Array.isArray(value)) return [];
  const files: ImageFile[] = [];
  for (const item of value.slice(0, 20)) {
    if (typeof item !== "object" || item === null) continue;
    const fields = item as Record<string, unknown>;
    const id = text(fields.id);
    const mimetype = text(fields.mimetype);
    const size = typeof fields.size === "number" ? fields.size : undefined;
    if (id === undefined || mimetype === undefined || size === undefined) continue;
    const file: ImageFile = { id, name: text(fields.name) ?? "", mimetype, size };
    const url = text(fields.url_private_download) ?? text(fields.url_private);
    if (url !== undefined) file.url = url;
    files.push(file);
  }
  return files;
}
