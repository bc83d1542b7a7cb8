// The PreviewBot backed by the real, Slack-free bot logic (src/bot): the same functions the Slack
// listeners call, in the same order, with each Outgoing turned into the place the page shows it
// instead of a Slack call.
import { autoReply } from "../bot/auto-reply.js";
import { answerAutoCommand, parseAutoCommand } from "../bot/auto-command.js";
import { handleInteraction } from "../bot/actions.js";
import { answerCommand } from "../bot/command.js";
import { DEFAULT_COMMAND, type BotCore } from "../bot/deps.js";
import { openHome, submitSearch } from "../bot/home-actions.js";
import type { Outgoing } from "../bot/outgoing.js";
import { routeAction } from "../bot/route-action.js";
import { refreshSeenThisWeek } from "../bot/seen-this-week.js";
import { submitNote } from "../bot/edit-note.js";
import { createEditedNotes, refreshEditedNotes } from "../bot/edited-notes.js";
import { canEditNotes, createEditors } from "../bot/editors.js";
import { readEditors } from "../runbook/editors.js";
import { createBotState } from "../bot/state.js";
import { loadCatalog } from "../catalog/load.js";
import { NOTE_MODAL, SEARCH_MODAL } from "../render/action-ids.js";
import type { Env } from "../config.js";
import { openRunbook } from "../runbook/open.js";
import { createSearch } from "../search/index.js";
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

export function createCorePreviewBot(core: BotCore): PreviewBot {
  return {
    async command({ text, user, channelId }) {
      await refreshEditedNotes(core);
      const auto = parseAutoCommand(text);
      if (!auto) return [{ surface: "ephemeral", message: answerCommand(core, { text, canEdit: await canEditNotes(core, user.id) }) }];
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
      await refreshEditedNotes(core);
      // Like the Slack middleware: App Home interactions read "Seen this week" again first.
      if (input.container === "home") await refreshSeenThisWeek(core);
      return outgoingToReplies(
        await handleInteraction(core, {
          actionId: input.actionId,
          value: input.selectedValue ?? input.value ?? "",
          userId: input.user.id,
          // As in Slack, only a click in a message carries a channel (App Home and modals have none).
          ...(input.container === "message" ? { channelId: input.channelId } : {}),
          fromEphemeral: input.messageEphemeral === true,
          triggerId: nextTriggerId(),
          ...(input.threadTs ? { threadTs: input.threadTs } : {}),
          ...(input.privateMetadata ? { metadata: input.privateMetadata } : {}),
          canEdit: await canEditNotes(core, input.user.id),
        }),
      );
    },

    async submit(input) {
      if (input.callbackId === NOTE_MODAL.callbackId) {
        const saved = await submitNote(core, {
          code: input.privateMetadata,
          userId: input.user.id,
          canEdit: await canEditNotes(core, input.user.id),
          values: input.values,
        });
        return saved.kind === "invalid" ? [{ surface: "modal-errors", errors: saved.errors }] : [];
      }
      if (input.callbackId !== SEARCH_MODAL.callbackId) return [];
      await refreshSeenThisWeek(core);
      const query = input.values[SEARCH_MODAL.blockId]?.[SEARCH_MODAL.actionId]?.value;
      const result = submitSearch(core, { userId: input.user.id, metadata: input.privateMetadata, query });
      if (result.kind === "invalid") return [{ surface: "modal-errors", errors: { [SEARCH_MODAL.blockId]: result.error } }];
      return outgoingToReplies(result.outgoing);
    },

    async home({ user, privateMetadata }) {
      await refreshSeenThisWeek(core);
      await refreshEditedNotes(core);
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
export interface CorePreviewOptions {
  catalogPath?: string;
  /** Where RUNBOOK_FILE is read from; absent: no runbook (tests that want one pass it). */
  env?: Env;
  cwd?: string;
  log?: (line: string) => void;
}

/** Throws ConfigError("RUNBOOK_FILE", …) when the runbook file is not valid. */
export function loadCorePreviewBot(options: CorePreviewOptions = {}): PreviewBot {
  const catalog = loadCatalog(options.catalogPath);
  const search = createSearch(catalog);
  const state = openInProcessState();
  const log = options.log ?? (() => undefined);
  const runbook = options.env ? openRunbook(options.env, search, { log, ...(options.cwd ? { cwd: options.cwd } : {}) }) : undefined;
  return createCorePreviewBot({
    catalog,
    search,
    autoReply: { enabled: true, channels: null, dedupeHours: 24 },
    dedupe: state.store,
    command: DEFAULT_COMMAND,
    state: createBotState(state),
    editedNotes: createEditedNotes(state.store),
    // The preview has no user groups to ask: only user ids in RUNBOOK_EDITORS (U0PREVIEW is you) count.
    editors: createEditors(options.env ? readEditors(options.env) : { users: new Set(), groups: new Set() }, undefined),
    ...(runbook ? { runbook } : {}),
  });
}
