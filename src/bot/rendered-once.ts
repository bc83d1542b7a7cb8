// Cards that depend only on the search, the code and the team notes, rendered once per code: bounded by the catalog's size.
import type { Entry } from "../catalog/types.js";
import type { Message } from "../render/types.js";
import type { Bot } from "./bot.js";

type Render = (core: Bot, entry: Entry) => Message;

interface Rendered {
  /** The runbook and the Slack-edited notes the cards were rendered with. */
  runbook: unknown;
  edits: unknown;
  cards: Map<string, Message>;
}

/**
 * Wraps a renderer so each code's card is built once per search and then shared. Callers must not change
 * the message they get. Keyed by catalog code, so it holds at most one card per catalog entry. Cards carry
 * the team's notes, so all of them are rendered again once the runbook file or the Slack edits change.
 */
export function renderedOnce(render: Render): Render {
  const bySearch = new WeakMap<Bot["search"], Rendered>();
  return (core, entry) => {
    const runbook = core.runbook?.current();
    const edits = core.editedNotes?.current();
    let rendered = bySearch.get(core.search);
    if (!rendered || rendered.runbook !== runbook || rendered.edits !== edits) {
      bySearch.set(core.search, (rendered = { runbook, edits, cards: new Map() }));
    }
    let card = rendered.cards.get(entry.code);
    if (!card) rendered.cards.set(entry.code, (card = render(core, entry)));
    return card;
  };
}
