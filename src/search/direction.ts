// Direction between components: "CA cannot reach the service edge" is DSP_..._SEND_TO_BROKER, not its twin.
import type { Entry } from "../catalog/types.js";
import { splitComponentPrefix } from "./normalize.js";
import { codeAsText, splitWords, termsOf, termsOfWord } from "./words-text.js";

/** Who talks to whom: the reporting component and the one it was reaching (a component or the server). */
export interface Direction {
  from: string;
  to: string;
}

/**
 * Each component (and the server) as the terms its names become; the vocabulary already reads "broker", "zcc",
 * "assistant", "dispatcher" and the short forms as these. Longer names first, so "client connector" is not
 * read as a bare "connector". "ca" stays apart in the vocabulary (certificate authority too), so it is named here.
 */
const PLACE_NAMES: readonly (readonly [string, string])[] = [
  ["CLT", "client connector"],
  ["AC", "app connector"],
  ["SE", "service edge"],
  ["CA", "central authority"],
  ["CA", "ca"],
  ["BA", "browser access"],
  ["AC", "connector"],
  ["SERVER", "server"],
];

/** Worked out on first use: the vocabulary is read by the first words query, never by a code lookup. */
let places: (readonly [string, readonly string[]])[] | undefined;
function placeTerms(): readonly (readonly [string, readonly string[]])[] {
  places ??= PLACE_NAMES.map(([place, name]) => [place, termsOf(name)] as const);
  return places;
}

/** "connector group", "server group": a configuration object, not the component itself. */
const GROUPED = new Set(["group", "groups"]);

/** Words that point at the component being reached: "X cannot talk to Y", "X with Y", "X reach Y". */
const TOWARDS = new Set(["to", "with", "reach", "reaching", "contact", "find"]);

interface Place {
  place: string;
  /** Index of the raw word the name starts at. */
  at: number;
}

/** The components named in `words`, in order. */
function placesIn(words: readonly string[]): Place[] {
  const stream: { term: string; at: number }[] = [];
  words.forEach((word, at) => {
    for (const term of termsOfWord(word)) stream.push({ term, at });
  });
  const found: Place[] = [];
  for (let i = 0; i < stream.length; ) {
    const hit = placeTerms().find(([, terms]) => terms.every((term, k) => stream[i + k]?.term === term));
    const next = hit && words[stream[i + hit[1].length - 1]!.at + 1];
    if (hit && !GROUPED.has(next ?? "")) {
      found.push({ place: hit[0], at: stream[i]!.at });
      i += hit[1].length;
    } else i += hit ? hit[1].length : 1;
  }
  return found;
}

/** The components named in a piece of a code; CLIENT in a code is always the Client Connector. */
function placesInCode(piece: string): Place[] {
  return placesIn(splitWords(codeAsText(piece).replace(/\bclient\b/g, "client connector")));
}

/** A pointing word within this many words before the second name ties the two together. */
const REACH = 3;

/**
 * "from X to Y", "X cannot reach Y", "X ... with Y": the first component named and a later, different one that
 * a pointing word leads to. Null when the words name no such pair.
 */
export function directionOf(text: string): Direction | null {
  const words = splitWords(text);
  const places = placesIn(words);
  const [first] = places;
  if (!first) return null;
  for (const later of places.slice(1)) {
    if (later.place === first.place) continue;
    const before = words.slice(Math.max(first.at + 1, later.at - REACH), later.at);
    if (before.some((word) => TOWARDS.has(word))) return { from: first.place, to: later.place };
  }
  return null;
}

/**
 * An entry's direction: from the component its code names after FROM (CLOSED_FROM_CLIENT) to its own; else its
 * own component, towards the one its code names after TO (SEND_TO_BROKER) or, failing that, the one its title
 * names after "to" or "with" ("Error communicating with CA").
 */
export function directionOfEntry(entry: Entry): Direction | null {
  // CLOSED_FROM_CLIENT, RESET_FROM_SERVER: the named one acted towards the reporting component.
  const afterFrom = /_FROM_(.+)$/.exec(entry.code)?.[1];
  const source = afterFrom ? placesInCode(afterFrom)[0]?.place : undefined;
  if (source && source !== entry.component) return { from: source, to: entry.component };
  const afterTo = /(?:^|_)TO_(.+)$/.exec(entry.code)?.[1];
  const fromCode = afterTo ? placesInCode(afterTo)[0] : undefined;
  const title = splitComponentPrefix(entry.title).rest;
  const afterWord = /(?<!\bdue )\b(?:to|with)\b(.+)$/i.exec(title)?.[1]; // "due to" gives a cause, not a peer
  const fromTitle = afterWord ? placesIn(splitWords(afterWord))[0] : undefined;
  const to = (fromCode ?? fromTitle)?.place;
  return to && to !== entry.component ? { from: entry.component, to } : null;
}

/** 1 when the entry goes the query's way, -1 when it goes the other way, 0 when either says nothing. */
export function directionFit(query: Direction | null, entry: Direction | null): number {
  if (!query || !entry) return 0;
  if (query.from === entry.from && query.to === entry.to) return 1;
  if (query.from === entry.to && query.to === entry.from) return -1;
  return 0;
}
