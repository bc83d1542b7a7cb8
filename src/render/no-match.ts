// The answer when a query matches no code confidently: the query echoed safely, plus suggestions.
import type { Entry } from "../catalog/types.js";
import { ACTION, actionId } from "./action-ids.js";
import { actions, button, context, echoSection, section } from "./blocks.js";
import { echoUserText, escapeMrkdwn } from "./escape.js";
import { summaryLine } from "./summary.js";
import type { Block, Message } from "./types.js";

export const MAX_SUGGESTIONS = 5;

export function renderNoMatch(query: string, suggestions: readonly Entry[], command: string): Message {
  const shown = suggestions.slice(0, MAX_SUGGESTIONS);
  const echo = echoUserText(query);
  const blocks: Block[] = [echoSection(`:mag: No code matches “${echo}”.`)];
  if (shown.length > 0) {
    blocks.push(
      section(`*Did you mean*\n${shown.map(summaryLine).join("\n")}`),
      actions(shown.map((e) => button(e.code, actionId(ACTION.show, e.code), e.code))),
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
