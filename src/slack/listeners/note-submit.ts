// The "Edit team note" modal's Save: input errors (a non-editor's forged submission included) keep the
// modal open; a saved note closes it.
import type { Bot } from "../../bot/bot.js";
import { submitNote } from "../../bot/edit-note.js";
import { NOTE_MODAL } from "../../render/action-ids.js";
import type { ListenerRouter } from "../router.js";
import { answerSubmission } from "../send.js";

export function registerNoteSubmit(app: ListenerRouter, bot: Bot): void {
  app.view(NOTE_MODAL.callbackId, async ({ ack, body, view, client }) => {
    await answerSubmission(ack, client, await submitNote(bot, { code: view.private_metadata, userId: body.user.id, values: view.state.values }));
  });
}
