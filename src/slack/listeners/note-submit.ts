// The "Edit team note" modal's Save: refused for anyone not in RUNBOOK_EDITORS (a forged submission
// included), errors keep the modal open, a saved note closes it.
import type { App } from "@slack/bolt";
import type { BotCore } from "../../bot/deps.js";
import { submitNote } from "../../bot/edit-note.js";
import { canEditNotes } from "../../bot/editors.js";
import { NOTE_MODAL } from "../../render/action-ids.js";

export function registerNoteSubmit(app: App, core: BotCore): void {
  app.view(NOTE_MODAL.callbackId, async ({ ack, body, view }) => {
    const result = await submitNote(core, {
      code: view.private_metadata,
      userId: body.user.id,
      canEdit: await canEditNotes(core, body.user.id),
      values: view.state.values,
    });
    if (result.kind === "invalid") {
      await ack({ response_action: "errors", errors: result.errors });
      return;
    }
    await ack();
  });
}
