// Replies in the thread when a channel message (or an @mention) contains codes: once per code per
// thread, never to bots or edits, and never twice for Slack's redeliveries of the same event.
// With state, it also follows the channel's override, counts sightings and adds the spike hint.
// A DM to the bot is answered too, codes or words (direct-message.ts says how it differs).
import type { Entry } from "../catalog/types.js";
import { ACTION } from "../render/action-ids.js";
import { context, section } from "../render/blocks.js";
import { escapeMrkdwn } from "../render/escape.js";
import { spikeBlocks, spikeLine, type SpikeFigures } from "../render/spike.js";
import { renderCompactCards, renderSummary } from "../render/summary.js";
import type { Message } from "../render/types.js";
import type { State } from "../state/open.js";
import { isSightingChannel, spikeHintKey } from "../state/sightings.js";
import { StateUnavailableError } from "../state/store.js";
import { alsoNamedBy } from "./also-named.js";
import type { Bot } from "./bot.js";
import { cardFor } from "./card-for.js";
import { channelAutoReply } from "./channel-auto-reply.js";
import { answerDirectWords, dedupeScopeOf, isDirectMessage, replyThreadOf } from "./direct-message.js";
import { imageAutoReply, imagesOf, type ImageFile } from "./image-reply.js";
import { renderedOnce } from "./rendered-once.js";
import type { Delivery, Outgoing } from "./outgoing.js";

/** Slack messages are at most 40,000 characters; anything longer is not a real message. */
export const MAX_MESSAGE_CHARS = 40_000;
/** Up to this many codes get compact cards; more get a one-line summary. */
export const MAX_COMPACT_CARDS = 3;
/** A reply names at most this many spiking codes; the hints of others stay unclaimed for a later reply. */
export const MAX_SPIKE_HINTS = 3;
/** Slack redelivers an event for up to several minutes; dedupe never forgets sooner than this. */
export const MIN_DEDUPE_MS = 10 * 60 * 1000;

/** Plain messages, broadcasts of thread replies, and messages with a file are worth reading. */
const ANSWERED_SUBTYPES: ReadonlySet<string | undefined> = new Set([undefined, "thread_broadcast", "file_share"]);

export interface IncomingMessage {
  channel: string;
  user?: string;
  botId?: string;
  subtype?: string;
  /** As typed (the surface decoded Slack's entities; mentions stay as <@U…>). */
  text: string;
  ts: string;
  threadTs?: string;
  /** app_mention: someone asked the bot directly, so channel switches do not apply. */
  isMention: boolean;
  /** "im" for a DM to the bot, as Slack's channel_type says. */
  channelType?: string;
  /** Files attached to the message (screenshots are read by image-reply.ts). */
  files?: ImageFile[];
}

export interface AutoReply {
  outgoing: Outgoing;
  /** The codes this reply explains (empty for the mention hint or a DM's words), for log lines. */
  codes: string[];
  /** Call when sending failed, so a redelivery of the event can answer instead. */
  release(): Promise<void>;
}

/** A person's new message (not a bot, not the bot itself, not an edit, deletion or join). */
export function isFromPerson(message: IncomingMessage, botUserId: string | undefined): boolean {
  if (message.botId !== undefined) return false;
  if (message.user === undefined || message.user === botUserId) return false;
  return ANSWERED_SUBTYPES.has(message.subtype);
}

function threadCard(core: Bot, entry: Entry, note?: string): Message {
  return cardFor(core, entry, {
    alsoNames: alsoNamedBy(core.search, entry),
    alsoNamesAction: "details",
    ticketButton: true,
    ...(note ? { note } : {}),
  });
}

/** Most replies are one code with no spike: the same card every time, so it is rendered once per code. */
const plainThreadCard = renderedOnce((core, entry) => threadCard(core, entry));

/** The thread reply for codes found in a message: one card, compact cards, or a summary. */
export function replyFor(core: Bot, entries: readonly Entry[], spikes: readonly SpikeFigures[]): Message {
  if (entries.length === 1) {
    const entry = entries[0]!;
    return spikes.length > 0 ? threadCard(core, entry, spikes.map(spikeLine).join("\n")) : plainThreadCard(core, entry);
  }
  if (entries.length <= MAX_COMPACT_CARDS) return renderCompactCards(entries, ACTION.details, spikeBlocks(spikes));
  return renderSummary(entries, ACTION.details, spikeBlocks(spikes));
}

function mentionHint(command: string): Message {
  const text = `I found no ZPA status code in that message. Paste the log line, or try ${command} with a code or a few words.`;
  return {
    text: escapeMrkdwn(text),
    blocks: [section(escapeMrkdwn(text)), context(`\`${escapeMrkdwn(command)} help\` shows examples.`)],
  };
}

/** Claims each key; returns those claimed now (first time within the window). */
async function claimAll(core: Bot, keys: readonly string[], ttlMs: number): Promise<string[]> {
  const granted = await Promise.all(keys.map((key) => core.dedupe.claim(key, ttlMs)));
  return keys.filter((_, i) => granted[i]);
}

/** Counts each code once per message: the message event, its app_mention and Slack's retries share the claim. */
async function recordSightings(state: State, message: IncomingMessage, found: readonly Entry[]): Promise<void> {
  if (!isSightingChannel(message.channel) || message.user === undefined) return;
  if (!(await state.store.claim(`sighted:${message.channel}:${message.ts}`, MIN_DEDUPE_MS))) return;
  const user = message.user;
  await Promise.all(found.map((entry) => state.sightings.record(entry.code, message.channel, user)));
}

/** Adds to `spikes` each code of this reply that spikes and whose hint this reply claimed (one per window). */
async function claimSpikes(state: State, channel: string, entries: readonly Entry[], spikes: SpikeFigures[]): Promise<void> {
  if (!isSightingChannel(channel)) return;
  for (const entry of entries) {
    if (spikes.length >= MAX_SPIKE_HINTS) return;
    const check = await state.sightings.spike(entry.code, channel);
    if (check.isSpike && (await state.sightings.claimSpikeHint(entry.code, channel))) {
      spikes.push({ code: entry.code, count: check.count, people: check.people, windowMinutes: check.windowMinutes });
    }
  }
}

/**
 * The thread reply for a message, or null when none is due. Rejects with StateUnavailableError when
 * the shared store is down: the caller skips the reply (and logs why) rather than risk duplicates.
 */
export async function autoReply(
  core: Bot,
  message: IncomingMessage,
  botUserId: string | undefined,
): Promise<AutoReply | null> {
  if (!isFromPerson(message, botUserId)) return null;
  const found = core.search.scan(message.text.slice(0, MAX_MESSAGE_CHARS));
  const inDm = isDirectMessage(message);
  // Most messages hold no code: they cost no store call at all.
  if (found.length === 0 && !message.isMention && !inDm) return null;
  // An @mention or DM with images and no code in its text: the image reply answers it (or says it read nothing).
  if (found.length === 0 && core.images && imagesOf(message, core.images.maxBytes).length > 0) return null;

  const { state } = core;
  if (state && !state.store.isHealthy()) throw new StateUnavailableError(`${state.store.where} is unavailable`);
  // An @mention or a DM is a direct question: answered whatever the channel's auto-reply setting.
  if (!message.isMention && !inDm && !(await channelAutoReply(core, message.channel)).on) return null;
  if (state && found.length > 0) await recordSightings(state, message, found);

  const scope = dedupeScopeOf(message);
  const ttlMs = Math.round(Math.max(core.autoReply.dedupeHours * 3_600_000, MIN_DEDUPE_MS));
  // The message event and the app_mention of one message share these keys, so only one answers.
  const keyOf = (code: string): string => `reply:${message.channel}:${scope}:${code}`;
  const keys = found.length > 0 ? found.map((e) => keyOf(e.code)) : [`hint:${message.channel}:${message.ts}`];
  const claimed = await claimAll(core, keys, ttlMs);
  if (found.length > claimed.length) core.metrics?.dedupeSkips(found.length - claimed.length);
  if (claimed.length === 0) return null;

  const fresh = found.filter((e) => claimed.includes(keyOf(e.code)));
  const spikes: SpikeFigures[] = [];
  // A reply that is not sent gives its claims back, spike hints included, so a redelivery carries them.
  const giveBack = async (): Promise<void> => {
    for (const key of claimed) await core.dedupe.release(key);
    for (const spike of spikes) await state?.store.release(spikeHintKey(spike.code, message.channel));
  };
  try {
    if (state) await claimSpikes(state, message.channel, fresh, spikes);
  } catch (error) {
    await giveBack().catch(() => undefined);
    throw error;
  }
  // A reply that shows one full card (one code, or a DM's words) shows the latest Slack-edited team note.
  if (fresh.length === 1 || (fresh.length === 0 && inDm)) await core.editedNotes?.refresh();
  const reply =
    fresh.length > 0 ? replyFor(core, fresh, spikes) : inDm ? answerDirectWords(core, message.text) : mentionHint(core.command);
  const threadTs = replyThreadOf(message);
  return {
    outgoing: { kind: "postMessage", channel: message.channel, ...(threadTs ? { threadTs } : {}), message: reply },
    codes: fresh.map((entry) => entry.code),
    release: giveBack,
  };
}

/**
 * Flow: a channel message, @mention or DM. Sends the reply, if one is due, through `delivery`; a
 * reply that fails to send gives its claims back so Slack's redelivery can answer instead. Screenshots
 * attached to the message are read next (off the event loop) and answered in a second reply.
 */
export async function handleMessage(
  core: Bot,
  message: IncomingMessage,
  botUserId: string | undefined,
  delivery: Delivery,
): Promise<void> {
  await sendReply(core, message, delivery, () => autoReply(core, message, botUserId));
  if (!core.images || !message.files) return;
  await sendReply(core, message, delivery, () =>
    imageAutoReply(core, message, botUserId, (file, error) =>
      delivery.warn(`Screenshot ${file.id} in ${message.channel} not read: ${error.message}`),
    ),
  );
}

async function sendReply(
  core: Bot,
  message: IncomingMessage,
  delivery: Delivery,
  build: () => Promise<AutoReply | null>,
): Promise<void> {
  let reply: AutoReply | null;
  try {
    reply = await build();
  } catch (error) {
    if (!(error instanceof StateUnavailableError)) throw error;
    // Without the shared store a reply could go out twice (once per replica): skip it instead.
    delivery.warn(`Thread reply in ${message.channel} skipped: ${error.message}`);
    return;
  }
  if (!reply) return;
  const what = reply.codes.length > 0 ? reply.codes.join(", ") : isDirectMessage(message) ? "an answer to words" : "the mention hint";
  try {
    if (delivery.sendPatiently) await delivery.sendPatiently(reply.outgoing, `Thread reply (${what}) in ${message.channel}`);
    else await delivery.send(reply.outgoing);
    core.metrics?.autoReply();
  } catch (error) {
    // Given back all the same: a redelivery (a Socket Mode reconnect before the ack) may still answer.
    await reply.release().catch(() => undefined);
    delivery.error(`Thread reply lost: ${what} in ${message.channel} (${(error as Error).message})`);
  }
}
