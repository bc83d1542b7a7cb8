// The answer when a query matches no code confidently: the query echoed safely, plus suggestions.
import type { Entry } from "../catalog/types.js";
import { ACTION, actionId } from "./action-ids.js";
import { button, context, echoSection, section } from "./blocks.js";
import { echoUserText, escapeMrkdwn } from "./escape.js";
import { summaryLine } from "./summary.js";
import type { Block, Message } from "./types.js";

export const MAX_SUGGESTIONS = 5;

export function renderNoMatch(query: string, suggestions: readonly Entry[], command: string): Message {
  const shown = suggestions.slice(0, MAX_SUGGESTIONS);
  const echo = echoUserText(query);
  const blocks: Block[] = [echoSection(`:mag: No code matches “${echo}”.`)];
  // Each suggestion once: its line with its own Show button beside it.
  if (shown.length > 0) {
    blocks.push(
      section("*Did you mean*"),
      ...shown.map((e) => section(summaryLine(e), button("Show", actionId(ACTION.show, e.code), e.code))),
    );
  }
  blocks.push(
    context(
      `Try the code exactly as the log shows it, a part of it, or a few words from its description. ` +
        `\`${escapeMrkdwn(command)} help\` shows examples.`,
    ),
  );
  return { text: `No code matches “${echo}”.`, blocks };
}
