// Buttons on cards and lists: share a card in the channel, swap a private answer for another
// code's card, or show a code's card to the clicker only.
import { section } from "../render/blocks.js";
import { renderCard } from "../render/card.js";
import { escapeMrkdwn } from "../render/escape.js";
import type { Message } from "../render/types.js";
import { privateCard } from "./command.js";
import { alsoNamedBy } from "./also-named.js";
import type { Bot } from "./bot.js";
import { isDirectChannel } from "./direct-message.js";
import type { Outgoing } from "./outgoing.js";

export interface CardActionInput {
  action: "share" | "show" | "details";
  /** The code the button carries (its value). */
  code: string;
  /** The clicker, as Slack identified them. */
  userId: string;
  channelId?: string;
  /** Thread of the message holding the button, so a private card lands in the same thread. */
  threadTs?: string;
  /** The button sits in an ephemeral message (the /zpa-code answer), reachable only by response URL. */
  fromEphemeral: boolean;
}

function gone(command: string): Message {
  const text = escapeMrkdwn(`That code is no longer in the catalog; try ${command} again.`);
  return { text, blocks: [section(text)] };
}

export function handleCardAction(core: Bot, input: CardActionInput): Outgoing[] {
  const entry = core.search.byCode(input.code);
  if (!entry) return [{ kind: "respond", visibility: "ephemeral", replaceOriginal: false, message: gone(core.command) }];

  switch (input.action) {
    case "share": {
      const message = renderCard(entry, {
        alsoNames: alsoNamedBy(core.search, entry),
        alsoNamesAction: "details",
        sharedBy: input.userId,
      });
      return [{ kind: "respond", visibility: "in_channel", replaceOriginal: false, message }];
    }
    case "show": {
      // In a DM the card replaces the bot's answer there; sharing it would only post it again.
      const message = privateCard(core, entry, undefined, { share: !isDirectChannel(input.channelId) });
      return [{ kind: "respond", visibility: "ephemeral", replaceOriginal: true, message }];
    }
    case "details": {
      const message = input.fromEphemeral
        ? privateCard(core, entry)
        : renderCard(entry, { alsoNames: alsoNamedBy(core.search, entry), alsoNamesAction: "details" });
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
