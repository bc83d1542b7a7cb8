// Cards that depend only on the search and the code, rendered once per code: bounded by the catalog's size.
import type { Entry } from "../catalog/types.js";
import type { Message } from "../render/types.js";
import type { Bot } from "./bot.js";

type Render = (core: Bot, entry: Entry) => Message;

/**
 * Wraps a renderer so each code's card is built once per search and then shared. Callers must not change
 * the message they get. Keyed by catalog code, so it holds at most one card per catalog entry.
 */
export function renderedOnce(render: Render): Render {
  const bySearch = new WeakMap<Bot["search"], Map<string, Message>>();
  return (core, entry) => {
    let cards = bySearch.get(core.search);
    if (!cards) bySearch.set(core.search, (cards = new Map()));
    let card = cards.get(entry.code);
    if (!card) cards.set(entry.code, (card = render(core, entry)));
    return card;
  };
}
