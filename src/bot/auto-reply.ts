// Replies in the thread when a channel message (or an @mention) contains codes: once per code per
// thread, never to bots or edits, and never twice for Slack's redeliveries of the same event.
import type { Entry } from "../catalog/types.js";
import { ACTION } from "../render/action-ids.js";
import { context, section } from "../render/blocks.js";
import { renderCard } from "../render/card.js";
import { decodeSlackEntities, escapeMrkdwn } from "../render/escape.js";
import { renderCompactCards, renderSummary } from "../render/summary.js";
import type { Message } from "../render/types.js";
import type { BotCore } from "./deps.js";
import { alsoNamedBy } from "./entries.js";
import type { Outgoing } from "./outgoing.js";

/** Slack messages are at most 40,000 characters; anything longer is not a real message. */
export const MAX_MESSAGE_CHARS = 40_000;
/** Up to this many codes get compact cards; more get a one-line summary. */
export const MAX_COMPACT_CARDS = 3;
/** Slack redelivers an event for up to several minutes; dedupe never forgets sooner than this. */
export const MIN_DEDUPE_MS = 10 * 60 * 1000;

/** Plain messages, broadcasts of thread replies, and messages with a file are worth reading. */
const ANSWERED_SUBTYPES: ReadonlySet<string | undefined> = new Set([undefined, "thread_broadcast", "file_share"]);

export interface IncomingMessage {
  channel: string;
  user?: string;
  botId?: string;
  subtype?: string;
  /** As Slack sends it (entities for &, <, >). */
  text: string;
  ts: string;
  threadTs?: string;
  /** app_mention: someone asked the bot directly, so channel switches do not apply. */
  isMention: boolean;
}

export interface AutoReply {
  outgoing: Outgoing;
  /** Call when sending failed, so a redelivery of the event can answer instead. */
  release(): Promise<void>;
}

export function isAnswerable(core: BotCore, message: IncomingMessage, botUserId: string | undefined): boolean {
  if (message.botId !== undefined) return false;
  if (message.user === undefined || message.user === botUserId) return false;
  if (!ANSWERED_SUBTYPES.has(message.subtype)) return false;
  if (message.isMention) return true;
  const { enabled, channels } = core.autoReply;
  return enabled && (channels === null || channels.has(message.channel));
}

function replyFor(core: BotCore, entries: readonly Entry[]): Message {
  if (entries.length === 1) {
    const entry = entries[0]!;
    return renderCard(entry, { alsoNames: alsoNamedBy(core.search, entry), alsoNamesAction: "details" });
  }
  if (entries.length <= MAX_COMPACT_CARDS) return renderCompactCards(entries, ACTION.details);
  return renderSummary(entries, ACTION.details);
}

function mentionHint(command: string): Message {
  const text = `I found no ZPA status code in that message. Paste the log line, or try ${command} with a code or a few words.`;
  return {
    text: escapeMrkdwn(text),
    blocks: [section(escapeMrkdwn(text)), context(`\`${escapeMrkdwn(command)} help\` shows examples.`)],
  };
}

/** Claims each key; returns those claimed now (first time within the window). */
async function claimAll(core: BotCore, keys: readonly string[], ttlMs: number): Promise<string[]> {
  const claimed: string[] = [];
  for (const key of keys) if (await core.dedupe.claim(key, ttlMs)) claimed.push(key);
  return claimed;
}

export async function autoReply(
  core: BotCore,
  message: IncomingMessage,
  botUserId: string | undefined,
): Promise<AutoReply | null> {
  if (!isAnswerable(core, message, botUserId)) return null;
  const threadTs = message.threadTs ?? message.ts;
  const ttlMs = Math.round(Math.max(core.autoReply.dedupeHours * 3_600_000, MIN_DEDUPE_MS));
  const found = core.search.scan(decodeSlackEntities(message.text.slice(0, MAX_MESSAGE_CHARS)));

  // The message event and the app_mention of one message share these keys, so only one answers.
  const keyOf = (code: string): string => `reply:${message.channel}:${threadTs}:${code}`;
  const keys = found.length > 0 ? found.map((e) => keyOf(e.code)) : message.isMention ? [`hint:${message.channel}:${message.ts}`] : [];
  const claimed = await claimAll(core, keys, ttlMs);
  if (claimed.length === 0) return null;

  const fresh = found.filter((e) => claimed.includes(keyOf(e.code)));
  const reply = fresh.length > 0 ? replyFor(core, fresh) : mentionHint(core.command);
  return {
    outgoing: { kind: "postMessage", channel: message.channel, threadTs, message: reply },
    release: async () => {
      for (const key of claimed) await core.dedupe.release(key);
    },
  };
}
