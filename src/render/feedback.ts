// "Right code? 👍 / 👎" under a card that was a guess (typo or words), so the resolver can learn from use.
import { z } from "zod";
import { ACTION, actionId } from "./action-ids.js";
import { actions, button, context } from "./blocks.js";
import { stripControl } from "./text.js";
import type { Block } from "./types.js";

/** Longest query a vote keeps: the button value (2,000 characters) must hold it JSON-escaped. */
export const MAX_VOTE_QUERY_CHARS = 200;
const MAX_VOTE_ALTERNATIVES = 3;

export const VoteValueSchema = z.object({
  q: z.string().max(MAX_VOTE_QUERY_CHARS),
  c: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  a: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/)).max(MAX_VOTE_ALTERNATIVES),
});

export type VoteValue = z.infer<typeof VoteValueSchema>;

export function feedbackBlocks(query: string, code: string, alternatives: readonly string[]): Block[] {
  // Cleaned like every echo of user text: the value comes back in a click and reaches the store.
  const q = stripControl(query).slice(0, MAX_VOTE_QUERY_CHARS);
  const value = JSON.stringify({ q, c: code, a: alternatives.slice(0, MAX_VOTE_ALTERNATIVES) });
  return [
    context("*Right code?* Your answer helps improve the matching (only a hash of who answered is kept)."),
    actions(
      [button("👍 Yes", actionId(ACTION.feedback, "up"), value), button("👎 No", actionId(ACTION.feedback, "down"), value)],
      "zpa_feedback",
    ),
  ];
}
