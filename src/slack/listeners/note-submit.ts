// The "Edit team note" modal's Save: input errors (a non-editor's forged submission included) go back
// in the acknowledgement; a saved note closes the modal.
import type { App } from "@slack/bolt";
import type { Bot } from "../../bot/bot.js";
import { submitNote } from "../../bot/edit-note.js";
import { NOTE_MODAL } from "../../render/action-ids.js";
import { send } from "./send.js";

export function registerNoteSubmit(app: App, bot: Bot): void {
  app.view(NOTE_MODAL.callbackId, async ({ ack, body, view, client }) => {
    const outgoing = await submitNote(bot, { code: view.private_metadata, userId: body.user.id, values: view.state.values });
    const invalid = outgoing.find((out) => out.kind === "inputErrors");
    if (invalid) {
      await ack({ response_action: "errors", errors: invalid.errors });
      return;
    }
    await ack();
    await send({ client }, outgoing);
  });
}
