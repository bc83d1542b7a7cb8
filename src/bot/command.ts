// Flow: /zpa-code. `auto on|off|status` switches the channel's auto-replies; anything else is a lookup
// answered privately (card, suggestions, several codes, or help).
import type { Entry } from "../catalog/types.js";
import { ACTION, actionId } from "../render/action-ids.js";
import { button } from "../render/blocks.js";
import { echoUserText } from "../render/escape.js";
import { feedbackBlocks } from "../render/feedback.js";
import { renderNoMatch } from "../render/no-match.js";
import { renderPossible } from "../render/possible.js";
import { renderSummary } from "../render/summary.js";
import type { Block, Message } from "../render/types.js";
import { renderUsage } from "../render/usage.js";
import type { Resolution } from "../search/types.js";
import { alsoNamedBy } from "./also-named.js";
import { answerAutoCommand, parseAutoCommand } from "./auto-command.js";
import type { Bot } from "./bot.js";
import { cardFor } from "./card-for.js";
import { editNoteButton } from "./edit-note.js";
import { usageExamples } from "./examples.js";
import { renderedOnce } from "./rendered-once.js";
import { NotInChannelError, type Delivery, type Outgoing } from "./outgoing.js";

const HELP_WORDS = new Set(["", "help", "?", "-h", "--help", "usage"]);
/** What a `likely` card says it matched. */
function likelyNote(resolution: Resolution): string {
  const query = echoUserText(resolution.query);
  return resolution.how === "words" ? `Best match for your words “${query}”.` : `Closest code to “${query}”.`;
}
/** Guesses worth a "Right code?" vote: a misspelt code, or words. */
const ASK_FEEDBACK: ReadonlySet<Resolution["how"]> = new Set(["typo", "words"]);

export interface CommandInput {
  /** What follows the command, as typed (the surface decoded Slack's entities). */
  text: string;
  /** The user is a runbook editor: their private card offers "Edit team note". */
  canEdit?: boolean;
}

export interface AnswerOptions {
  /**
   * Cards carry a "Share in channel" button (default). Off in a DM with the bot: the answer is already a
   * message there, and sharing would only post it again.
   */
  share?: boolean;
}

export interface PrivateCardOptions extends AnswerOptions {
  resolution?: Resolution;
  canEdit?: boolean;
}

export interface SlashCommandInput extends CommandInput {
  userId: string;
  channelId: string;
}

export function shareButton(entry: Entry): ReturnType<typeof button> {
  return button("Share in channel", actionId(ACTION.share, entry.code), entry.code, "primary");
}

/**
 * Cards for exact answers depend on nothing else but the code and the reader (editor or not), and a lookup
 * answered in the ack is on Slack's 3-second clock: each is rendered once (again when team notes change).
 */
const exactCard = renderedOnce((core, entry) => renderPrivateCard(core, entry, {}));
const exactEditorCard = renderedOnce((core, entry) => renderPrivateCard(core, entry, { canEdit: true }));

/**
 * The card as a private answer: Share button, and buttons for same-title or nearby codes. A code
 * named by the same-title warning gets its button there, never a second one among the nearby codes.
 */
export function privateCard(core: Bot, entry: Entry, options: PrivateCardOptions = {}): Message {
  // A resolution (a title, a guess) shapes the card; a code found verbatim in the text does not.
  if (options.resolution || options.share === false) return renderPrivateCard(core, entry, options);
  return options.canEdit ? exactEditorCard(core, entry) : exactCard(core, entry);
}

function renderPrivateCard(core: Bot, entry: Entry, options: PrivateCardOptions): Message {
  const { resolution } = options;
  const buttons = options.share === false ? [] : [shareButton(entry)];
  if (options.canEdit) buttons.push(editNoteButton(entry.code));
  const alsoNames = alsoNamedBy(core.search, entry, resolution);
  let note: string | undefined;
  let footer: Block[] = [];
  if (resolution?.confidence === "likely") {
    note = likelyNote(resolution);
    const named = new Set([entry.code, ...alsoNames.map((e) => e.code)]);
    const others = resolution.alternatives.filter((alt) => !named.has(alt.code)).slice(0, 3);
    if (others.length > 0) note += " Not it? Try the other buttons below.";
    buttons.push(...others.map((alt) => button(`Show ${alt.code}`, actionId(ACTION.show, alt.code), alt.code)));
    const offered = [...alsoNames, ...others].map((e) => e.code);
    if (ASK_FEEDBACK.has(resolution.how)) footer = feedbackBlocks(resolution.query, entry.code, offered);
  }
  return cardFor(core, entry, {
    alsoNames,
    alsoNamesAction: "show",
    buttons,
    ticketButton: true,
    footer,
    ...(note ? { note } : {}),
  });
}

/** A pasted multi-code log: one compact line per code, each with a Details button for its full card. */
function severalCodes(entries: readonly Entry[]): Message {
  return renderSummary(entries, ACTION.details);
}

export function answerCommand(core: Bot, input: CommandInput, options: AnswerOptions = {}): Message {
  const text = input.text.trim();
  if (HELP_WORDS.has(text.toLowerCase())) return renderUsage(core.command, usageExamples(core.search));

  const found = core.search.scan(text);
  if (found.length > 0) core.metrics?.lookup("pasted", "certain");
  if (found.length > 1) return severalCodes(found);
  const canEdit = input.canEdit === true;
  if (found.length === 1) return privateCard(core, found[0]!, { ...options, canEdit });

  const resolution = core.search.resolve(text);
  core.metrics?.lookup(resolution.how, resolution.confidence ?? "none");
  if (!resolution.match) return renderNoMatch(text, resolution.alternatives, core.command);
  if (resolution.confidence === "possible") return renderPossible(text, [resolution.match, ...resolution.alternatives]);
  return privateCard(core, resolution.match, { ...options, resolution, canEdit });
}

/** The editor check and the Slack-edited notes a lookup needs, read before the card is built. */
async function lookupFor(core: Bot, input: SlashCommandInput): Promise<CommandInput> {
  // Both are reads on the way to Slack's 3-second acknowledgement, and independent: wait for them at once.
  const [canEdit] = await Promise.all([core.editors.isEditor(input.userId), core.editedNotes?.refresh()]);
  return { text: input.text, canEdit };
}

/**
 * A lookup's private answer, computed at once so the surface can send it in Slack's acknowledgement;
 * null for `auto on|off|status`, which reads the store and may post a note (handleCommand answers those).
 * Reading the edited notes and the editor check are bounded (store command timeout, group lookup cap).
 */
export async function answerLookupNow(core: Bot, input: SlashCommandInput): Promise<Message | null> {
  return parseAutoCommand(input.text) ? null : answerCommand(core, await lookupFor(core, input));
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
    : answerCommand(core, await lookupFor(core, input));
  return [{ kind: "respond", visibility: "ephemeral", replaceOriginal: false, message }];
}
