// The PreviewBot backed by the real, Slack-free bot logic (src/bot): the same functions the Slack
// listeners call, in the same order, with each Outgoing turned into the place the page shows it
// instead of a Slack call.
import { autoReply } from "../bot/auto-reply.js";
import { answerAutoCommand, parseAutoCommand } from "../bot/auto-command.js";
import { handleAction } from "../bot/actions.js";
import { answerCommand } from "../bot/command.js";
import { DEFAULT_COMMAND, type BotCore } from "../bot/deps.js";
import { openHome, submitSearch } from "../bot/home-actions.js";
import type { Outgoing } from "../bot/outgoing.js";
import { routeAction } from "../bot/route-action.js";
import { refreshSeenThisWeek } from "../bot/seen-this-week.js";
import { createBotState } from "../bot/state.js";
import { loadCatalog } from "../catalog/load.js";
import { imageAutoReply, type ImageReading } from "../bot/image-reply.js";
import { DEFAULT_OCR_SETTINGS, type OcrSettings } from "../ocr/config.js";
import { imageTypeOf, MIME_TYPES } from "../ocr/image-type.js";
import { createOcrReader, type OcrReader } from "../ocr/reader.js";
import { createImageScanner } from "../ocr/scan-image.js";
import { SEARCH_MODAL } from "../render/action-ids.js";
import { createSearch } from "../search/index.js";
import type { Search } from "../search/types.js";
import { openInProcessState } from "../state/open.js";
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

/** Screenshots being read, by the file id the preview gave them (the preview's stand-in for Slack's file store). */
const previewFiles = new Map<string, Uint8Array>();
let fileSequence = 0;

/** Reads the preview's pasted screenshots with OCR: the same scanner Slack's downloads go through. */
export function previewImageReading(search: Search, settings: OcrSettings): ImageReading & { reader: OcrReader } {
  const reader = createOcrReader(settings);
  const scan = createImageScanner(search, reader);
  return {
    maxBytes: settings.maxBytes,
    reader,
    async read(file) {
      const bytes = previewFiles.get(file.id);
      if (!bytes) throw new Error("the pasted file is gone");
      const { codes, likely } = await scan(bytes);
      return { codes, likely };
    },
  };
}

export function createCorePreviewBot(core: BotCore, onClose?: () => Promise<void>): PreviewBot {
  return {
    async command({ text, user, channelId }) {
      const auto = parseAutoCommand(text);
      if (!auto) return [{ surface: "ephemeral", message: answerCommand(core, { text }) }];
      // `/zpa-code auto on|off`: the visible note goes in the channel before the private answer, as in Slack.
      const notes: PreviewReply[] = [];
      const message = await answerAutoCommand(core, {
        command: auto,
        channelId,
        userId: user.id,
        postNote: async (note) => {
          notes.push({ surface: "channel", message: note });
          return "posted";
        },
      });
      return [...notes, { surface: "ephemeral", message }];
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
      const route = routeAction(input.actionId);
      if (route === undefined) return [];
      // Like the Slack middleware: App Home interactions read "Seen this week" again first.
      if (input.container === "home") await refreshSeenThisWeek(core);
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
      await refreshSeenThisWeek(core);
      const query = input.values[SEARCH_MODAL.blockId]?.[SEARCH_MODAL.actionId]?.value;
      const result = submitSearch(core, { userId: input.user.id, metadata: input.privateMetadata, query });
      if (result.kind === "invalid") return [{ surface: "modal-errors", errors: { [SEARCH_MODAL.blockId]: result.error } }];
      return outgoingToReplies(result.outgoing);
    },

    async image({ bytes, name, user, channelId, ts }) {
      if (!core.images) return [{ surface: "ephemeral", message: { text: "Reading screenshots is off here (OCR=off)." } }];
      const id = `F0PREVIEW${++fileSequence}`;
      previewFiles.set(id, bytes);
      const problems: PreviewReply[] = [];
      try {
        const incoming = {
          channel: channelId,
          user: user.id,
          text: "",
          ts,
          isMention: false,
          subtype: "file_share",
          files: [{ id, name, mimetype: MIME_TYPES[imageTypeOf(bytes) ?? "png"], size: bytes.length, url: `preview:${id}` }],
        };
        // What the Slack listener logs, the person in the preview sees: why their image was not read.
        const reply = await imageAutoReply(core, incoming, PREVIEW_BOT_USER_ID, (_file, error) =>
          problems.push({ surface: "ephemeral", message: { text: `${name} was not read: ${error.message}` } }),
        );
        return [...problems, ...(reply ? outgoingToReplies([reply.outgoing]) : [])];
      } finally {
        previewFiles.delete(id);
      }
    },

    async close() {
      await onClose?.();
    },

    async home({ user, privateMetadata }) {
      await refreshSeenThisWeek(core);
      const published = outgoingToReplies(openHome(core, user.id, privateMetadata)).find((reply) => reply.surface === "home");
      if (published?.surface !== "home") throw new Error("The bot published no App Home view");
      return published.view;
    },
  };
}

/**
 * The bot as `npm start` runs it without Slack: the real catalog and search, auto-reply on in every
 * channel, and a fresh in-process state (as a Slack app gets without REDIS_URL).
 */
export function loadCorePreviewBot(catalogPath?: string, ocr: OcrSettings = DEFAULT_OCR_SETTINGS): PreviewBot {
  const catalog = loadCatalog(catalogPath);
  const state = openInProcessState();
  const search = createSearch(catalog);
  const images = ocr.enabled ? previewImageReading(search, ocr) : undefined;
  return createCorePreviewBot(
    {
      catalog,
      search,
      autoReply: { enabled: true, channels: null, dedupeHours: 24 },
      dedupe: state.store,
      command: DEFAULT_COMMAND,
      state: createBotState(state),
      ...(images ? { images } : {}),
    },
    async () => images?.reader.stop(),
  );
}
