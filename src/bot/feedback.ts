// A 👍 or 👎 on a guessed card: recorded with the query, the code shown and the alternatives, the user hashed.
import { section } from "../render/blocks.js";
import { escapeMrkdwn } from "../render/escape.js";
import { VoteValueSchema, type VoteValue } from "../render/feedback.js";
import { StateUnavailableError } from "../state/store.js";
import type { Bot } from "./bot.js";
import type { Outgoing } from "./outgoing.js";

export interface FeedbackInput {
  /** "up" or "down": the part of the action id after ":". */
  vote: string;
  /** The button's value: {q, c, a} as JSON. */
  value: string;
  userId: string;
}

function reply(text: string): Outgoing[] {
  return [{ kind: "respond", visibility: "ephemeral", replaceOriginal: false, message: { text: escapeMrkdwn(text), blocks: [section(escapeMrkdwn(text))] } }];
}

function parseVote(value: string): VoteValue | null {
  try {
    const parsed = VoteValueSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function recordVote(core: Bot, input: FeedbackInput): Promise<Outgoing[]> {
  const vote = input.vote === "up" || input.vote === "down" ? input.vote : null;
  const value = parseVote(input.value);
  // A value the bot never rendered (forged, or a code since removed) is dropped without a word.
  if (!vote || !value || !core.search.byCode(value.c)) return [];
  const { state } = core;
  if (!state) return reply("Thanks! (This bot keeps no state, so the answer was not recorded.)");
  try {
    await state.store.recordFeedback({
      query: value.q,
      code: value.c,
      vote,
      alternatives: value.a.filter((code) => core.search.byCode(code) !== undefined),
      userHash: state.sightings.hashUser(input.userId),
      timeMs: state.clock(),
    });
  } catch (error) {
    if (!(error instanceof StateUnavailableError)) throw error;
    return reply("Sorry, your answer could not be recorded right now.");
  }
  return reply(vote === "up" ? `Thanks! Noted that ${value.c} was the code you meant.` : `Thanks! Noted that ${value.c} was not the code you meant; try the other buttons on the card.`);
}
