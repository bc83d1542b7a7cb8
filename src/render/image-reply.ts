// Replies to screenshots: the cards of codes read from an image under a line saying where they came from,
// "looks like" buttons for codes read with doubt, and the hint when nothing could be read.
import type { Entry } from "../catalog/types.js";
import { ACTION, actionId } from "./action-ids.js";
import { actions, button, context, section } from "./blocks.js";
import { escapeMrkdwn } from "./escape.js";
import type { Message } from "./types.js";

/** At most this many "looks like" buttons: more doubtful reads are noise. */
export const MAX_LIKELY_BUTTONS = 5;

export const READ_FROM_SCREENSHOT = "📷 Read from the screenshot";
export const COULD_NOT_READ = "I couldn't read a code in that image.";

/** `cards` is the reply for the sure codes (as for a pasted log), or null when there are none. */
export function renderImageReply(cards: Message | null, likely: readonly Entry[]): Message {
  const shown = likely.slice(0, MAX_LIKELY_BUTTONS);
  const blocks = [context(`${READ_FROM_SCREENSHOT}${cards ? "" : ", not sure of every letter"}:`), ...(cards?.blocks ?? [])];
  if (shown.length > 0) {
    const codes = shown.map((entry) => escapeMrkdwn(entry.code));
    blocks.push(
      section(`Looks like ${shown.length === 1 ? "" : "one of "}${codes.map((c) => `*${c}*`).join(", ")}? Press to see the card.`),
      actions(shown.map((entry) => button(entry.code, actionId(ACTION.details, entry.code), entry.code))),
    );
  }
  const likelyText = shown.length > 0 ? ` Looks like: ${shown.map((e) => e.code).join(", ")}.` : "";
  return { text: `${READ_FROM_SCREENSHOT}: ${cards?.text ?? ""}${likelyText}`.trim(), blocks };
}

export function renderCouldNotRead(command: string): Message {
  const text = `${COULD_NOT_READ} Paste the log line as text, or try ${command} with a code or a few words.`;
  return { text: escapeMrkdwn(text), blocks: [section(escapeMrkdwn(text))] };
}
