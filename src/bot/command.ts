// Flow: /zpa-code. `auto on|off|status` switches the channel's auto-replies; anything else is a lookup
// answered privately (card, suggestions, several codes, or help).
import type { Entry } from "../catalog/types.js";
import { ACTION, actionId } from "../render/action-ids.js";
import { button, context } from "../render/blocks.js";
import { renderCard } from "../render/card.js";
import { echoUserText } from "../render/escape.js";
import { renderNoMatch } from "../render/no-match.js";
import { renderPossible } from "../render/possible.js";
import { packGroups } from "../render/pack.js";
import { overflowLine, summaryRow } from "../render/summary.js";
import type { Block, Message } from "../render/types.js";
import { renderUsage } from "../render/usage.js";
import type { Resolution } from "../search/types.js";
import { alsoNamedBy } from "./also-named.js";
import { answerAutoCommand, parseAutoCommand } from "./auto-command.js";
import type { Bot } from "./bot.js";
import { usageExamples } from "./examples.js";
import { confidenceOf } from "./metrics.js";
import { renderedOnce } from "./rendered-once.js";
import { NotInChannelError, type Delivery, type Outgoing } from "./outgoing.js";

/** Several codes: this many get a full card, the rest a line each. */
export const FULL_CARDS_PER_ANSWER = 3;

const HELP_WORDS = new Set(["", "help", "?", "-h", "--help", "usage"]);
/** What a `likely` card says it matched. */
function likelyNote(resolution: Resolution): string {
  const query = echoUserText(resolution.query);
  return resolution.how === "words" ? `Best match for your words “${query}”.` : `Closest code to “${query}”.`;
}

export interface CommandInput {
  /** What follows the command, as typed (the surface decoded Slack's entities). */
  text: string;
}

export interface AnswerOptions {
  /**
   * Cards carry a "Share in channel" button (default). Off in a DM with the bot: the answer is already a
   * message there, and sharing would only post it again.
   */
  share?: boolean;
}

export interface SlashCommandInput extends CommandInput {
  userId: string;
  channelId: string;
}

export function shareButton(entry: Entry): ReturnType<typeof button> {
  return button("Share in channel", actionId(ACTION.share, entry.code), entry.code, "primary");
}

/**
 * Cards for exact answers depend on nothing else, and a lookup answered in the ack is on Slack's 3-second
 * clock: each is rendered once.
 */
const exactCard = renderedOnce((core, entry) => renderPrivateCard(core, entry, true));

/** The card as a private answer: Share button, and buttons for same-title or nearby codes. */
export function privateCard(core: Bot, entry: Entry, resolution?: Resolution, options: AnswerOptions = {}): Message {
  const share = options.share ?? true;
  // A resolution (a title, a guess) shapes the card; a code found verbatim in the text does not.
  if (resolution || !share) return renderPrivateCard(core, entry, share, resolution);
  return exactCard(core, entry);
}

function renderPrivateCard(core: Bot, entry: Entry, share: boolean, resolution?: Resolution): Message {
  const buttons = share ? [shareButton(entry)] : [];
  let note: string | undefined;
  if (resolution?.confidence === "likely") {
    note = likelyNote(resolution);
    const others = resolution.alternatives.filter((alt) => alt.code !== entry.code).slice(0, 3);
    if (others.length > 0) note += " Not it? Try the other buttons below.";
    buttons.push(...others.map((alt) => button(`Show ${alt.code}`, actionId(ACTION.show, alt.code), alt.code)));
  }
  return renderCard(entry, {
    alsoNames: alsoNamedBy(core.search, entry, resolution),
    alsoNamesAction: "show",
    buttons,
    ...(note ? { note } : {}),
  });
}

function severalCodes(core: Bot, entries: readonly Entry[], options: AnswerOptions): Message {
  const head: Block[] = [context(`Found ${entries.length} ZPA status codes in your text.`)];
  const groups = entries.map((entry, i) =>
    i < FULL_CARDS_PER_ANSWER ? privateCard(core, entry, undefined, options).blocks : summaryRow(entry, ACTION.details),
  );
  const blocks = packGroups(head, groups, (n) => overflowLine(entries.slice(n)));
  const codes = entries.map((e) => e.code).join(", ");
  return { text: echoUserText(`${entries.length} ZPA codes: ${codes}`, 1_000), blocks };
}

export function answerCommand(core: Bot, input: CommandInput, options: AnswerOptions = {}): Message {
  const text = input.text.trim();
  if (HELP_WORDS.has(text.toLowerCase())) return renderUsage(core.command, usageExamples(core.search));

  const found = core.search.scan(text);
  if (found.length > 0) core.metrics?.lookup("pasted", "certain");
  if (found.length > 1) return severalCodes(core, found, options);
  if (found.length === 1) return privateCard(core, found[0]!, undefined, options);

  const resolution = core.search.resolve(text);
  core.metrics?.lookup(resolution.how, confidenceOf(resolution));
  if (!resolution.match) return renderNoMatch(text, resolution.alternatives, core.command);
  if (resolution.confidence === "possible") return renderPossible(text, [resolution.match, ...resolution.alternatives]);
  return privateCard(core, resolution.match, resolution, options);
}

/**
 * A lookup's private answer, computed at once so the surface can send it in Slack's acknowledgement;
 * null for `auto on|off|status`, which reads the store and may post a note (handleCommand answers those).
 */
export function answerLookupNow(core: Bot, input: CommandInput): Message | null {
  return parseAutoCommand(input.text) ? null : answerCommand(core, input);
}

/** The command, answered privately; `auto on|off` first posts its visible note through `delivery`. */
export async function handleCommand(core: Bot, input: SlashCommandInput, delivery: Delivery): Promise<Outgoing[]> {
  const auto = parseAutoCommand(input.text);
  const message = auto
    ? await answerAutoCommand(core, {
        command: auto,
        channelId: input.channelId,
        userId: input.userId,
        postNote: async (note) => {
          try {
            await delivery.send({ kind: "postMessage", channel: input.channelId, message: note });
            return "posted";
          } catch (error) {
            if (error instanceof NotInChannelError) return "not_in_channel";
            throw error;
          }
        },
      })
    : answerCommand(core, input);
  return [{ kind: "respond", visibility: "ephemeral", replaceOriginal: false, message }];
}
