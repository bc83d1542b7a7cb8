// Everything shown in mrkdwn goes through here: text from users or the catalog is escaped so
// `<!channel>` or `<@U123>` is displayed, never acted on; only links built here use <...>.

import { stripControl } from "./text.js";

const ELLIPSIS = "…";

/** Escapes the three characters Slack treats as control characters in mrkdwn. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * escapeMrkdwn's inverse, the only decoder: Slack delivers typed text with &, < and > as entities (and
 * real mentions as <...> markup). Surfaces decode once at the edge, so the core sees the text as typed
 * and escapes it exactly once on the way out; the preview also uses it to show mrkdwn as HTML.
 */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_match, name: string) => (name === "amp" ? "&" : name === "lt" ? "<" : ">"));
}

/** The first `end` UTF-16 units, one fewer if the cut would split an emoji's surrogate pair (Slack shows a lone half as garbage). */
function sliceWhole(text: string, end: number): string {
  const last = text.charCodeAt(end - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? end - 1 : end);
}

/** Shortens raw (unescaped) text to at most `max` characters, marking the cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return sliceWhole(text, Math.max(0, max - 1)).trimEnd() + ELLIPSIS;
}

/**
 * Shortens already-built mrkdwn to at most `max` characters without splitting an
 * `&amp;` entity or a `<url|label>` link, which would show garbage or unbalance the markup.
 */
export function clipMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = sliceWhole(text, Math.max(0, max - 1));
  const openAngle = cut.lastIndexOf("<");
  if (openAngle > cut.lastIndexOf(">")) cut = cut.slice(0, openAngle);
  const amp = cut.lastIndexOf("&");
  if (amp > cut.lastIndexOf(";")) cut = cut.slice(0, amp);
  return cut.trimEnd() + ELLIPSIS;
}

/** A user's text echoed back: one line, bounded, without control or bidi-override characters, escaped. */
export function echoUserText(text: string, max = 80): string {
  return escapeMrkdwn(clip(stripControl(text.replace(/\s+/g, " ")).trim(), max));
}

/** A mrkdwn link to an http(s) URL; anything else is shown as plain escaped text. */
export function mrkdwnLink(url: string, label: string): string {
  if (!/^https?:\/\//i.test(url)) return escapeMrkdwn(label);
  // `|` and `>` end the link markup early, so they are percent-encoded in the URL.
  const safeUrl = url.replace(/[<>|\s]/g, (ch) => encodeURIComponent(ch)).replace(/&/g, "&amp;");
  const safeLabel = escapeMrkdwn(label.replace(/\|/g, "/"));
  return `<${safeUrl}|${safeLabel}>`;
}

/** A mention built from a user id Slack gave us (clicker, sharer, who changed a setting), never from typed text. */
export function mentionUser(userId: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(userId) ? `<@${userId}>` : "someone";
}
