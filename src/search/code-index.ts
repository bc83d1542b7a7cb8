// Exact and compact spellings of every code and alias, the base of the other indexes.
import type { Entry } from "../catalog/types.js";
import { compactCode } from "./normalize.js";

/** One way of writing a code: the code itself or one of its aliases. */
export interface Spelling {
  text: string;
  compact: string;
  entry: Entry;
  via: "code" | "alias";
}

export interface CodeIndex {
  /** Exact upper-case spelling -> entry. */
  exact: Map<string, Spelling>;
  /** Separator-free key -> spellings (a list, in case two spellings differ only in underscores). */
  compact: Map<string, Spelling[]>;
  spellings: Spelling[];
  entries: Entry[];
  /** Shortest and longest spelling, so a scanner can skip tokens that cannot be codes. */
  minLength: number;
  maxLength: number;
}

export function buildCodeIndex(entries: readonly Entry[]): CodeIndex {
  const exact = new Map<string, Spelling>();
  const compact = new Map<string, Spelling[]>();
  const spellings: Spelling[] = [];
  const add = (text: string, entry: Entry, via: Spelling["via"]): void => {
    if (exact.has(text)) return;
    const spelling: Spelling = { text, compact: compactCode(text), entry, via };
    spellings.push(spelling);
    exact.set(text, spelling);
  };
  // Every code before any alias: a code wins over somebody else's alias of the same spelling, and each
  // compact list below names codes first.
  for (const entry of entries) add(entry.code, entry, "code");
  for (const entry of entries) for (const alias of entry.aliases) add(alias, entry, "alias");
  for (const spelling of spellings) {
    const list = compact.get(spelling.compact) ?? [];
    list.push(spelling);
    compact.set(spelling.compact, list);
  }
  const lengths = spellings.map((s) => s.text.length);
  return {
    exact,
    compact,
    spellings,
    entries: [...entries],
    minLength: lengths.length ? Math.min(...lengths) : 0,
    maxLength: lengths.length ? Math.max(...lengths) : 0,
  };
}
