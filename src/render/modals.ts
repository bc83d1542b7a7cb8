// Modals opened from the App Home: a code's full card, and the search box.
import { SEARCH_MODAL } from "./action-ids.js";
import { plain } from "./blocks.js";
import { LIMITS } from "./limits.js";
import type { Message, ModalView } from "./types.js";

/** Longest search Slack lets a user type into the box. */
export const MAX_SEARCH_CHARS = 200;

/** `card` is the code's full card as the bot renders it (team notes included). */
export function renderCardModal(card: Message): ModalView {
  return {
    type: "modal",
    title: plain("ZPA status code", LIMITS.modalTitle),
    close: plain("Close", LIMITS.modalButton),
    blocks: card.blocks,
  };
}

/** `metadata` is the home state to return to, so the search keeps the current filters. */
export function renderSearchModal(metadata: string): ModalView {
  return {
    type: "modal",
    callback_id: SEARCH_MODAL.callbackId,
    title: plain("Search ZPA codes", LIMITS.modalTitle),
    submit: plain("Search", LIMITS.modalButton),
    close: plain("Cancel", LIMITS.modalButton),
    private_metadata: metadata,
    blocks: [
      {
        type: "input",
        block_id: SEARCH_MODAL.blockId,
        label: plain("Code, title or words", LIMITS.inputLabel),
        element: {
          type: "plain_text_input",
          action_id: SEARCH_MODAL.actionId,
          placeholder: plain("e.g. SETUP_TIMEOUT or connection timed out", LIMITS.placeholderText),
          max_length: MAX_SEARCH_CHARS,
        },
      },
    ],
  };
}
