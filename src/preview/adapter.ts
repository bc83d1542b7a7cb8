// The PreviewBot backed by the real bot: each preview event calls the same flow in src/bot the Slack
// listener calls, and each Outgoing becomes the place the page shows it instead of a Slack call.
import { handleAction } from "../bot/actions.js";
import { handleMessage } from "../bot/auto-reply.js";
import { createBot, type Bot } from "../bot/bot.js";
import { handleCommand } from "../bot/command.js";
import { submitNote } from "../bot/edit-note.js";
import { openHome, submitSearch } from "../bot/home-actions.js";
import type { Delivery, Outgoing } from "../bot/outgoing.js";
import type { ImageFile, ImageReading } from "../bot/image-reply.js";
import { loadCatalog } from "../catalog/load.js";
import { DEFAULT_OCR_SETTINGS, loadConfig, type Config, type Env, type OcrSettings } from "../config.js";
import { createMetrics } from "../metrics.js";
import { imageTypeOf, MIME_TYPES } from "../ocr/image-type.js";
import type { OcrReader } from "../ocr/reader.js";
import { createFileReading } from "../ocr/scan-image.js";
import { NOTE_MODAL, SEARCH_MODAL } from "../render/action-ids.js";
import { readEditors } from "../runbook/editors.js";
import { openRunbook } from "../runbook/open.js";
import { createSearch } from "../search/index.js";
import type { Search } from "../search/types.js";
import { openInProcessState } from "../state/open.js";
import type { PreviewBot, PreviewReply } from "./payloads.js";

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
      case "inputErrors":
        return { surface: "modal-errors", errors: out.errors };
    }
  });
}

/** Collects what a flow sends mid-way (the `auto` note, a thread reply), in order. */
function collecting(): { delivery: Delivery; sent: Outgoing[] } {
  const sent: Outgoing[] = [];
  const delivery: Delivery = {
    send: async (out) => void sent.push(out),
    warn: (line) => process.stderr.write(`${line}\n`),
    error: (line) => process.stderr.write(`${line}\n`),
  };
  return { delivery, sent };
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
  return createFileReading(search, settings, async (file: ImageFile) => {
    const bytes = previewFiles.get(file.id);
    if (!bytes) throw new Error("the pasted file is gone");
    return bytes;
  });
}

export function createPreviewBot(bot: Bot, onClose?: () => Promise<void>): PreviewBot {
  return {
    async command({ text, user, channelId }) {
      // `/zpa-code auto on|off`: the visible note goes in the channel before the private answer, as in Slack.
      const { delivery, sent } = collecting();
      const answer = await handleCommand(bot, { text, userId: user.id, channelId }, delivery);
      return outgoingToReplies([...sent, ...answer]);
    },

    async message({ text, user, channelId, ts, mentionsBot }) {
      // An app_mention's text starts with the bot's <@id>, as Slack delivers it.
      const incoming = mentionsBot
        ? { channel: channelId, user: user.id, text: `<@${PREVIEW_BOT_USER_ID}> ${text}`, ts, isMention: true }
        : { channel: channelId, user: user.id, text, ts, isMention: false };
      const { delivery, sent } = collecting();
      await handleMessage(bot, incoming, PREVIEW_BOT_USER_ID, delivery);
      return outgoingToReplies(sent);
    },

    async image({ bytes, name, user, channelId, ts }) {
      if (!bot.images) return [{ surface: "ephemeral", message: { text: "Reading screenshots is off here (OCR=off)." } }];
      const id = `F0PREVIEW${++fileSequence}`;
      previewFiles.set(id, bytes);
      const { delivery, sent } = collecting();
      // What the Slack listener logs, the person in the preview sees: why their image was not read.
      const problems: PreviewReply[] = [];
      delivery.warn = (line) => problems.push({ surface: "ephemeral", message: { text: line.replace(/^Screenshot F0PREVIEW\d+ in \S+/, name) } });
      try {
        const type = imageTypeOf(bytes);
        const incoming = {
          channel: channelId,
          user: user.id,
          text: "",
          ts,
          isMention: false,
          subtype: "file_share",
          files: [{ id, name, mimetype: type ? MIME_TYPES[type] : "application/octet-stream", size: bytes.length, url: `preview:${id}` }],
        };
        await handleMessage(bot, incoming, PREVIEW_BOT_USER_ID, delivery);
        return [...problems, ...outgoingToReplies(sent)];
      } finally {
        previewFiles.delete(id);
      }
    },

    async close() {
      await onClose?.();
    },

    async action(input) {
      const outgoing = await handleAction(bot, {
        actionId: input.actionId,
        value: input.selectedValue ?? input.value ?? "",
        userId: input.user.id,
        // As in Slack, only a click in a message carries a channel (App Home and modals have none).
        ...(input.container === "message" ? { channelId: input.channelId } : {}),
        fromEphemeral: input.messageEphemeral === true,
        triggerId: nextTriggerId(),
        ...(input.threadTs ? { threadTs: input.threadTs } : {}),
        ...(input.privateMetadata ? { metadata: input.privateMetadata } : {}),
      });
      return outgoingToReplies(outgoing);
    },

    async submit(input) {
      if (input.callbackId === NOTE_MODAL.callbackId) {
        return outgoingToReplies(await submitNote(bot, { code: input.privateMetadata, userId: input.user.id, values: input.values }));
      }
      if (input.callbackId !== SEARCH_MODAL.callbackId) return [];
      const query = input.values[SEARCH_MODAL.blockId]?.[SEARCH_MODAL.actionId]?.value;
      return outgoingToReplies(await submitSearch(bot, { userId: input.user.id, metadata: input.privateMetadata, query }));
    },

    async home({ user, privateMetadata }) {
      const outgoing = await openHome(bot, { userId: user.id, ...(privateMetadata ? { metadata: privateMetadata } : {}) });
      const published = outgoingToReplies(outgoing).find((reply) => reply.surface === "home");
      if (published?.surface !== "home") throw new Error("The bot published no App Home view");
      return published.view;
    },
  };
}

/**
 * The bot as `npm start` runs it without Slack: the real catalog and search, the auto-reply settings
 * from the configuration, and a fresh in-process state (as a Slack app gets without REDIS_URL).
 */
export interface PreviewRunbookOptions {
  /** Where RUNBOOK_FILE and RUNBOOK_EDITORS are read; absent: no runbook and no editors. */
  env?: Env;
  cwd?: string;
  log?: (line: string) => void;
}

/**
 * Throws ConfigError for a bad RUNBOOK_FILE or RUNBOOK_EDITORS. The preview has no user groups to ask,
 * so only user ids in RUNBOOK_EDITORS count (the person typing is U0PREVIEW).
 */
export function loadPreviewBot(config: Pick<Config, "autoReply" | "ocr"> = loadConfig({}), options: PreviewRunbookOptions = {}): PreviewBot {
  const catalog = loadCatalog();
  const search = createSearch(catalog);
  const log = options.log ?? (() => undefined);
  const runbook = options.env ? openRunbook(options.env, search, { log, ...(options.cwd ? { cwd: options.cwd } : {}) }) : undefined;
  const editors = options.env ? readEditors(options.env) : undefined;
  const bot = createBot({ ...config, catalog, search, ...(runbook ? { runbook } : {}), ...(editors ? { editors } : {}) }, openInProcessState());
  const ocr = config.ocr ?? DEFAULT_OCR_SETTINGS;
  const images = ocr.enabled ? previewImageReading(bot.search, ocr) : undefined;
  // Counted as in Slack modes and served at /metrics beside /healthz (the container's preview mode too).
  const metrics = createMetrics();
  const preview = createPreviewBot({ ...bot, metrics, ...(images ? { images } : {}) }, async () => {
    runbook?.close();
    await images?.reader.stop();
  });
  return { ...preview, metrics };
}
