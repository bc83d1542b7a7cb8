// Replies in the thread to screenshots carrying codes: the images of a person's message (in a channel with
// auto-replies on, an @mention, or a DM) are read once per file, and their codes answered once per thread.
import type { Entry } from "../catalog/types.js";
import { COULD_NOT_READ, renderCouldNotRead, renderImageReply } from "../render/image-reply.js";
import type { Message } from "../render/types.js";
import { StateUnavailableError } from "../state/store.js";
import { isFromPerson, MIN_DEDUPE_MS, replyFor, type AutoReply, type IncomingMessage } from "./auto-reply.js";
import { channelAutoReply } from "./channel-auto-reply.js";
import { dedupeScopeOf, isDirectMessage, replyThreadOf } from "./direct-message.js";
import type { Bot } from "./bot.js";

export { COULD_NOT_READ };

/** A file attached to a message, as the surface describes it. */
export interface ImageFile {
  id: string;
  name: string;
  /** As declared by Slack; the bytes are checked again after download. */
  mimetype: string;
  size: number;
  /** Where the surface fetches it (Slack: url_private_download). */
  url?: string;
}

/** How the surface turns a file into codes (Slack: download with the bot token, then OCR). */
export interface ImageReading {
  maxBytes: number;
  /** Rejects when the file cannot be fetched or read; the reply then goes on without it. */
  read(file: ImageFile): Promise<{ codes: Entry[]; likely: Entry[] }>;
}

export const IMAGE_MIME_TYPES: ReadonlySet<string> = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);
/** One message's images read at most: a post of 30 screenshots must not hold the OCR queue. */
export const MAX_IMAGES_PER_MESSAGE = 4;

/** The files worth reading: images of a supported type within the size bound. */
export function imagesOf(message: IncomingMessage, maxBytes: number): ImageFile[] {
  return (message.files ?? [])
    .filter((file) => IMAGE_MIME_TYPES.has(file.mimetype) && file.size > 0 && file.size <= maxBytes)
    .slice(0, MAX_IMAGES_PER_MESSAGE);
}

/**
 * The thread reply for a message's screenshots, or null. `onError` hears each file that could not be
 * read (the reply still covers the others). Rejects with StateUnavailableError when the shared store is down.
 */
export async function imageAutoReply(
  core: Bot,
  message: IncomingMessage,
  botUserId: string | undefined,
  onError: (file: ImageFile, error: Error) => void,
): Promise<AutoReply | null> {
  const reading = core.images;
  if (!reading || !isFromPerson(message, botUserId)) return null;
  const images = imagesOf(message, reading.maxBytes);
  if (images.length === 0) return null;
  const direct = message.isMention || isDirectMessage(message);
  // The message event of an @mention leaves it to the app_mention event, which may say it read nothing.
  if (!direct && botUserId !== undefined && message.text.includes(`<@${botUserId}>`)) return null;

  const { state } = core;
  if (state && !state.store.isHealthy()) throw new StateUnavailableError(`${state.store.where} is unavailable`);
  if (!direct && !(await channelAutoReply(core, message.channel)).on) return null;

  const ttlMs = Math.round(Math.max(core.autoReply.dedupeHours * 3_600_000, MIN_DEDUPE_MS));
  // Each file is read once, whatever Slack redelivers: the claim is per file ID.
  const fresh: ImageFile[] = [];
  for (const image of images) if (await core.dedupe.claim(`image:${image.id}`, ttlMs)) fresh.push(image);
  if (fresh.length === 0) return null;

  const sure = new Set<Entry>();
  const likely = new Set<Entry>();
  for (const image of fresh) {
    try {
      const read = await reading.read(image);
      for (const entry of read.codes) sure.add(entry);
      for (const entry of read.likely) likely.add(entry);
    } catch (error) {
      onError(image, error as Error);
    }
  }
  for (const entry of sure) likely.delete(entry);

  const scope = dedupeScopeOf(message);
  // The same keys as a pasted log: a code already answered in this thread (DM: message) is not answered again.
  const keyOf = (code: string): string => `reply:${message.channel}:${scope}:${code}`;
  const claimed: string[] = [];
  const claim = async (key: string): Promise<boolean> => {
    const granted = await core.dedupe.claim(key, ttlMs);
    if (granted) claimed.push(key);
    return granted;
  };
  const freshSure: Entry[] = [];
  for (const entry of sure) if (await claim(keyOf(entry.code))) freshSure.push(entry);
  const freshLikely: Entry[] = [];
  for (const entry of likely) if (await claim(keyOf(`likely:${entry.code}`))) freshLikely.push(entry);

  const release = async (): Promise<void> => {
    for (const key of claimed) await core.dedupe.release(key);
  };
  const threadTs = replyThreadOf(message);
  const post = (text: Message, codes: readonly Entry[]): AutoReply => ({
    outgoing: { kind: "postMessage", channel: message.channel, ...(threadTs ? { threadTs } : {}), message: text },
    codes: codes.map((entry) => entry.code),
    release,
  });
  if (freshSure.length > 0 || freshLikely.length > 0) {
    return post(renderImageReply(freshSure.length > 0 ? replyFor(core, freshSure, []) : null, freshLikely), [...freshSure, ...freshLikely]);
  }
  // Nothing read at all: only someone who asked the bot directly hears so.
  if (sure.size === 0 && likely.size === 0 && direct && (await claim(`hint:${message.channel}:${message.ts}:image`))) {
    return post(renderCouldNotRead(core.command), []);
  }
  return null;
}
