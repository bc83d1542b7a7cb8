// Slack mrkdwn -> HTML, for the subset bot cards use. Slack's wire format is the input: the
// sender has already escaped &, < and > as entities, so a raw "<" only ever opens a control
// sequence (<url|label>, <@U123>, <!channel>). Every piece of text is HTML-escaped on output.
import { decodeSlackEntities } from "../render/escape.js";
import { replaceEmojiShortcodes } from "./emoji.js";
import { escapeHtml, safeHref } from "./html.js";

const PRE_BLOCK = /```([\s\S]*?)```/g;
const ORDERED_ITEM = /^\s*(\d{1,4})[.)]\s+(.*)$/;
const BULLET_ITEM = /^\s*[•◦▪‣*-]\s+(.*)$/;
const QUOTE_LINE = /^(?:&gt;|>)\s?(.*)$/;
const EMPHASIS_TAGS: Record<string, string> = { "*": "strong", _: "em", "~": "s" };
const BROADCASTS = new Set(["channel", "here", "everyone"]);

/** mrkdwn text -> HTML (block-level: may contain <pre>, <ol>, <ul>, <blockquote>). */
export function mrkdwnToHtml(text: string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(PRE_BLOCK)) {
    out += linesToHtml(text.slice(last, match.index));
    out += `<pre class="mk-pre">${escapeHtml(decodeSlackEntities(match[1]!.replace(/^\n/, "")))}</pre>`;
    last = match.index + match[0].length;
  }
  return out + linesToHtml(text.slice(last));
}

/** plain_text -> HTML: shown as sent, with shortcodes turned into emoji unless the payload said emoji: false. */
export function plainTextToHtml(text: string, emoji = true): string {
  return escapeHtml(emoji ? replaceEmojiShortcodes(text) : text).replace(/\n/g, "<br>");
}

type LineKind = "text" | "ol" | "ul" | "quote";

/** Groups consecutive lines of one kind, so "1. ..." lines become one list and plain lines keep their breaks. */
function linesToHtml(segment: string): string {
  if (segment === "") return "";
  const groups: Array<{ kind: LineKind; items: string[] }> = [];
  for (const line of segment.split("\n")) {
    const { kind, html } = lineToHtml(line);
    const current = groups.at(-1);
    if (current?.kind === kind) current.items.push(html);
    else groups.push({ kind, items: [html] });
  }
  return groups.map(groupToHtml).join("");
}

function lineToHtml(line: string): { kind: LineKind; html: string } {
  const ordered = ORDERED_ITEM.exec(line);
  if (ordered) return { kind: "ol", html: `<li value="${Number(ordered[1])}">${inlineToHtml(ordered[2]!)}</li>` };
  const bullet = BULLET_ITEM.exec(line);
  if (bullet) return { kind: "ul", html: `<li>${inlineToHtml(bullet[1]!)}</li>` };
  const quote = QUOTE_LINE.exec(line);
  if (quote) return { kind: "quote", html: inlineToHtml(quote[1]!) };
  return { kind: "text", html: inlineToHtml(line) };
}

function groupToHtml(group: { kind: LineKind; items: string[] }): string {
  switch (group.kind) {
    case "ol":
      return `<ol class="mk-list">${group.items.join("")}</ol>`;
    case "ul":
      return `<ul class="mk-list">${group.items.join("")}</ul>`;
    case "quote":
      return `<blockquote class="mk-quote">${group.items.join("<br>")}</blockquote>`;
    case "text":
      return group.items.join("<br>");
  }
}

/** One line: `code`, <control sequences>, *bold* _italic_ ~strike~ (nested), entities and emoji. */
export function inlineToHtml(text: string): string {
  let out = "";
  let plainFrom = 0;
  let i = 0;
  // A mark whose search for a closer reached the end once finds none later either; remembering that
  // keeps a long run of unclosed "*a " or "<" linear instead of rescanning the rest of the line each time.
  const unclosed = new Set<string>();
  const flush = (to: string): void => {
    out += plainToHtml(text.slice(plainFrom, i)) + to;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (unclosed.has(ch)) {
      i += 1;
      continue;
    }
    if (ch === "`") {
      const end = text.indexOf("`", i + 1);
      if (end === -1) unclosed.add(ch);
      if (end > i + 1) {
        flush(`<code class="mk-code">${escapeHtml(decodeSlackEntities(text.slice(i + 1, end)))}</code>`);
        i = plainFrom = end + 1;
        continue;
      }
    } else if (ch === "<") {
      const end = text.indexOf(">", i + 1);
      if (end === -1) unclosed.add(ch);
      const inner = text.slice(i + 1, end);
      if (end > i + 1 && !inner.includes("<")) {
        flush(controlToHtml(inner));
        i = plainFrom = end + 1;
        continue;
      }
    } else if (ch in EMPHASIS_TAGS && opensEmphasis(text, i)) {
      const end = closingEmphasis(text, i);
      if (end === -1) unclosed.add(ch);
      if (end > 0) {
        const tag = EMPHASIS_TAGS[ch]!;
        flush(`<${tag}>${inlineToHtml(text.slice(i + 1, end))}</${tag}>`);
        i = plainFrom = end + 1;
        continue;
      }
    }
    i += 1;
  }
  flush("");
  return out;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** Slack only treats * _ ~ as formatting at a word edge: `BRK_MT_SETUP` has no italics. */
function opensEmphasis(text: string, at: number): boolean {
  const next = text[at + 1];
  return !isWordChar(text[at - 1]) && next !== undefined && !/\s/.test(next) && next !== text[at];
}

function closingEmphasis(text: string, openAt: number): number {
  const mark = text[openAt]!;
  for (let j = text.indexOf(mark, openAt + 2); j > 0; j = text.indexOf(mark, j + 1)) {
    if (!/\s/.test(text[j - 1]!) && !isWordChar(text[j + 1])) return j;
  }
  return -1;
}

/** Text outside any markup: Slack's entities decoded, shortcodes replaced, then escaped for HTML. */
function plainToHtml(text: string): string {
  return escapeHtml(replaceEmojiShortcodes(decodeSlackEntities(text)));
}

/** The part between < and >: a link, a mention, a broadcast, or (if none of those) literal text. */
function controlToHtml(inner: string): string {
  const bar = inner.indexOf("|");
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : inner.slice(bar + 1);

  if (target.startsWith("@")) return `<span class="mk-mention">@${plainToHtml(label ?? target.slice(1))}</span>`;
  if (target.startsWith("#")) return `<span class="mk-mention">#${plainToHtml(label ?? target.slice(1))}</span>`;
  if (target.startsWith("!")) {
    const [command = "", ...rest] = target.slice(1).split("^");
    // A real broadcast in a bot payload is a bug worth seeing, so it is flagged, not hidden.
    if (BROADCASTS.has(command)) {
      return `<span class="mk-mention mk-broadcast" title="This would notify everyone">@${escapeHtml(command)}</span>`;
    }
    if (command === "subteam") return `<span class="mk-mention">${plainToHtml(label ?? `@${rest[0] ?? "group"}`)}</span>`;
    if (command === "date" && label !== undefined) return plainToHtml(label);
  }
  const href = safeHref(decodeSlackEntities(target));
  if (href !== undefined) {
    return `<a class="mk-link" href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${plainToHtml(label ?? target)}</a>`;
  }
  return plainToHtml(`<${inner}>`);
}
