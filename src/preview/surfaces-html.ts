// The Slack chrome around rendered Block Kit: a bot message in a channel or thread, the App Home
// tab and a modal. Each carries a "Show Block Kit JSON" toggle with the exact payload.
import type { PreviewReply } from "./payloads.js";
import { blocksToHtml, jsonToggleHtml, messageToHtml, modalToHtml } from "./blockkit-html.js";
import { attr } from "./html.js";

export const BOT_NAME = "ZPA Codes";

export interface RenderedReply {
  surface: PreviewReply["surface"];
  /** Set for message surfaces; actions on the message send it back as messageTs. */
  ts?: string;
  html: string;
  payload: unknown;
}

export function botMessageHtml(message: unknown, ts: string, ephemeral: boolean): string {
  const note = ephemeral ? `<div class="msg-ephemeral-note">👁 Only visible to you</div>` : "";
  return (
    `<article class="msg msg-bot${ephemeral ? " msg-ephemeral" : ""}"${attr("data-ts", ts)}>` +
    `<div class="msg-avatar" aria-hidden="true">Z</div>` +
    `<div class="msg-main"><div class="msg-meta"><span class="msg-author">${BOT_NAME}</span><span class="msg-badge">APP</span></div>` +
    `${note}<div class="msg-body">${messageToHtml(message)}</div>${jsonToggleHtml(message)}</div>` +
    `</article>`
  );
}

export function homeHtml(view: { blocks: readonly unknown[]; private_metadata?: string }): string {
  return (
    `<div class="home-view"${attr("data-private-metadata", view.private_metadata)}>` +
    `${blocksToHtml(view.blocks)}${jsonToggleHtml(view)}</div>`
  );
}

export function modalHtml(view: unknown): string {
  return modalToHtml(view, jsonToggleHtml(view));
}

/** Where a "replace" answer goes: the clicked message, keeping its ephemeral mark. */
export interface ReplaceTarget {
  ts: string;
  ephemeral: boolean;
}

/** One bot answer -> what the page inserts; new messages get a fresh ts from `nextTs`. */
export function renderReply(reply: PreviewReply, nextTs: () => string, replaceTarget?: ReplaceTarget): RenderedReply {
  switch (reply.surface) {
    case "modal":
      return { surface: reply.surface, html: modalHtml(reply.view), payload: reply.view };
    case "modal-errors":
      return { surface: reply.surface, html: "", payload: reply.errors };
    case "home":
      return { surface: reply.surface, html: homeHtml(reply.view), payload: reply.view };
    case "replace": {
      const ts = replaceTarget?.ts ?? nextTs();
      const html = botMessageHtml(reply.message, ts, replaceTarget?.ephemeral ?? false);
      return { surface: reply.surface, ts, html, payload: reply.message };
    }
    default: {
      const ts = nextTs();
      const ephemeral = reply.surface === "ephemeral" || (reply.surface === "thread" && reply.ephemeral === true);
      const html = botMessageHtml(reply.message, ts, ephemeral);
      return { surface: reply.surface, ts, html, payload: reply.message };
    }
  }
}
