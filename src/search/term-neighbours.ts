// One-edit neighbours of known words, so the word search forgives a typo in a long word.
import { boundedEditDistance } from "./edit-distance.js";

/** Words shorter than this have too many one-edit neighbours to count a typo as the same word. */
export const MIN_TYPO_TERM = 5;

function deletions(term: string): string[] {
  const variants = [term];
  for (let i = 0; i < term.length; i++) variants.push(term.slice(0, i) + term.slice(i + 1));
  return variants;
}

/**
 * Known terms one typo away from a term (insert, delete, substitute or swap), found through shared
 * one-deletion variants instead of comparing against every known term.
 */
export function buildNeighbourIndex(known: Iterable<string>): (term: string) => string[] {
  const byVariant = new Map<string, string[]>();
  for (const term of new Set(known)) {
    if (term.length < MIN_TYPO_TERM) continue;
    for (const variant of new Set(deletions(term))) {
      const list = byVariant.get(variant);
      if (list) list.push(term);
      else byVariant.set(variant, [term]);
    }
  }
  return (term) => {
    if (term.length < MIN_TYPO_TERM) return [];
    const found = new Set<string>();
    for (const variant of deletions(term)) {
      for (const candidate of byVariant.get(variant) ?? []) {
        if (candidate !== term && boundedEditDistance(term, candidate, 1) <= 1) found.add(candidate);
      }
    }
    return [...found];
  };
}
