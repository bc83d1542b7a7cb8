// The PreviewBot backed by the real, Slack-free bot logic (src/bot): the same functions the Slack
// listeners call, with each Outgoing turned into the place the page shows it instead of a Slack call.
import { autoReply } from "../bot/auto-reply.js";
import { handleAction } from "../bot/actions.js";
import { answerCommand } from "../bot/command.js";
import { DEFAULT_COMMAND, type BotCore } from "../bot/deps.js";
import { openHome, submitSearch } from "../bot/home-actions.js";
import type { Outgoing } from "../bot/outgoing.js";
import { routeAction } from "../bot/route-action.js";
import { loadCatalog } from "../catalog/load.js";
import { SEARCH_MODAL } from "../render/action-ids.js";
import { createSearch } from "../search/index.js";
import { MemoryDedupeStore } from "../state/memory-dedupe.js";
import type { PreviewBot, PreviewReply } from "./bot.js";

/** The bot's own user id in the preview, so its messages are never answered as if a person wrote them. */
export const PREVIEW_BOT_USER_ID = "U0PREVIEWBOT";

/** Where Slack would show each thing the bot sends. */
export function outgoingToReplies(outgoing: readonly Outgoing[]): PreviewReply[] {
  return outgoing.map((out): PreviewReply => {
    switch (out.kind) {
      case "respond":
        if (out.replaceOriginal) return { surface: "replace", message: out.message };
        return { surface: out.visibility === "in_channel" ? "channel" : "ephemeral", message: out.message };
      case "postMessage":
        return out.threadTs ? { surface: "thread", message: out.message } : { surface: "channel", message: out.message };
      case "postEphemeral":
        return out.threadTs ? { surface: "thread", message: out.message, ephemeral: true } : { surface: "ephemeral", message: out.message };
      case "publishHome":
        return { surface: "home", view: out.view };
      case "openModal":
        return { surface: "modal", view: out.view };
    }
  });
}

let triggerSequence = 0;
/** Slack hands every interaction a fresh trigger_id; the bot only needs one to exist. */
function nextTriggerId(): string {
  triggerSequence += 1;
  return `preview.trigger.${triggerSequence}`;
}

export function createCorePreviewBot(core: BotCore): PreviewBot {
  return {
    async command({ text }) {
      return [{ surface: "ephemeral", message: answerCommand(core, { text }) }];
    },

    async message({ text, user, channelId, ts, mentionsBot }) {
      // An app_mention's text starts with the bot's <@id>, as Slack delivers it.
      const incoming = mentionsBot
        ? { channel: channelId, user: user.id, text: `<@${PREVIEW_BOT_USER_ID}> ${text}`, ts, isMention: true }
        : { channel: channelId, user: user.id, text, ts, isMention: false };
      const reply = await autoReply(core, incoming, PREVIEW_BOT_USER_ID);
      return reply ? outgoingToReplies([reply.outgoing]) : [];
    },

    async action(input) {
      // The Slack listener's path: the shared routing table, then the shared handler.
      if (routeAction(input.actionId) === undefined) return [];
      return outgoingToReplies(
        handleAction(core, {
          actionId: input.actionId,
          value: input.selectedValue ?? input.value ?? "",
          userId: input.user.id,
          // As in Slack, only a click in a message carries a channel (App Home and modals have none).
          ...(input.container === "message" ? { channelId: input.channelId } : {}),
          fromEphemeral: input.messageEphemeral === true,
          triggerId: nextTriggerId(),
          ...(input.threadTs ? { threadTs: input.threadTs } : {}),
          ...(input.privateMetadata ? { metadata: input.privateMetadata } : {}),
        }),
      );
    },

    async submit(input) {
      if (input.callbackId !== SEARCH_MODAL.callbackId) return [];
      const query = input.values[SEARCH_MODAL.blockId]?.[SEARCH_MODAL.actionId]?.value;
      const result = submitSearch(core, { userId: input.user.id, metadata: input.privateMetadata, query });
      if (result.kind === "invalid") return [{ surface: "modal-errors", errors: { [SEARCH_MODAL.blockId]: result.error } }];
      return outgoingToReplies(result.outgoing);
    },

    async home({ user, privateMetadata }) {
      const published = outgoingToReplies(openHome(core, user.id, privateMetadata)).find((reply) => reply.surface === "home");
      if (published?.surface !== "home") throw new Error("The bot published no App Home view");
      return published.view;
    },
  };
}

/** The bot as `npm start` runs it without Slack: the real catalog and search, auto-reply on in every channel. */
export function loadCorePreviewBot(catalogPath?: string): PreviewBot {
  const catalog = loadCatalog(catalogPath);
  return createCorePreviewBot({
    catalog,
    search: createSearch(catalog),
    autoReply: { enabled: true, channels: null, dedupeHours: 24 },
    dedupe: new MemoryDedupeStore(),
    command: DEFAULT_COMMAND,
  });
}
