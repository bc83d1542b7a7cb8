// Buttons on cards and lists: share a card in the channel, swap a private answer for another
// code's card, or show a code's card to the clicker only.
import { section } from "../render/blocks.js";
import { escapeMrkdwn } from "../render/escape.js";
import { renderTicket } from "../render/ticket.js";
import type { Message } from "../render/types.js";
import { privateCard } from "./command.js";
import { alsoNamedBy } from "./also-named.js";
import type { Bot } from "./bot.js";
import { cardFor } from "./card-for.js";
import { isDirectChannel } from "./direct-message.js";
import { editNoteButton } from "./edit-note.js";
import type { Outgoing } from "./outgoing.js";

export interface CardActionInput {
  action: "share" | "show" | "details" | "ticket";
  /** The code the button carries (its value). */
  code: string;
  /** The clicker, as Slack identified them. */
  userId: string;
  channelId?: string;
  /** Thread of the message holding the button, so a private card lands in the same thread. */
  threadTs?: string;
  /** The button sits in an ephemeral message (the /zpa-code answer), reachable only by response URL. */
  fromEphemeral: boolean;
  /** A runbook editor: private cards offer "Edit team note". */
  canEdit?: boolean;
}

function gone(command: string): Message {
  const text = escapeMrkdwn(`That code is no longer in the catalog; try ${command} again.`);
  return { text, blocks: [section(text)] };
}

export function handleCardAction(core: Bot, input: CardActionInput): Outgoing[] {
  const entry = core.search.byCode(input.code);
  if (!entry) return [{ kind: "respond", visibility: "ephemeral", replaceOriginal: false, message: gone(core.command) }];

  switch (input.action) {
    case "ticket":
      return [{ kind: "respond", visibility: "ephemeral", replaceOriginal: false, message: renderTicket(entry) }];
    case "share": {
      const message = cardFor(core, entry, {
        alsoNames: alsoNamedBy(core.search, entry),
        alsoNamesAction: "details",
        sharedBy: input.userId,
        ticketButton: true,
      });
      return [{ kind: "respond", visibility: "in_channel", replaceOriginal: false, message }];
    }
    case "show": {
      // In a DM the card replaces the bot's answer there; sharing it would only post it again.
      const share = !isDirectChannel(input.channelId);
      const message = privateCard(core, entry, { canEdit: input.canEdit === true, share });
      return [{ kind: "respond", visibility: "ephemeral", replaceOriginal: true, message }];
    }
    case "details": {
      const message = input.fromEphemeral
        ? privateCard(core, entry, { canEdit: input.canEdit === true })
        : cardFor(core, entry, {
            alsoNames: alsoNamedBy(core.search, entry),
            alsoNamesAction: "details",
            ticketButton: true,
            // Posted ephemerally to the clicker alone, so an editor's copy may carry the edit button.
            ...(input.canEdit ? { buttons: [editNoteButton(entry.code)] } : {}),
          });
      if (input.fromEphemeral || !input.channelId) {
        return [{ kind: "respond", visibility: "ephemeral", replaceOriginal: false, message }];
      }
      return [
        {
          kind: "postEphemeral",
          channel: input.channelId,
          user: input.userId,
          ...(input.threadTs ? { threadTs: input.threadTs } : {}),
          message,
        },
      ];
    }
  }
}
