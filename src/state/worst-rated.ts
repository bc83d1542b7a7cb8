// The worst-rated queries from "Right code?" votes: what the vocabulary and the resolver should learn next.
import type { Feedback } from "./store.js";

export interface RatedQuery {
  /** As typed, trimmed; votes on the same words in another case or spacing count together. */
  query: string;
  up: number;
  down: number;
  /** Codes shown for it, most voted first. */
  codes: string[];
  /** Alternatives offered when someone said 👎, most offered first. */
  alternatives: string[];
}

const key = (query: string): string => query.toLowerCase().replace(/\s+/g, " ").trim();

function byCount(counts: Map<string, number>): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([value]) => value);
}

/** Queries with at least one 👎, most 👎 (net of 👍) first; one person's repeated votes count once per code. */
export function worstRated(votes: readonly Feedback[], limit: number): RatedQuery[] {
  const groups = new Map<string, { query: string; voters: Map<string, Feedback>; codes: Map<string, number>; alternatives: Map<string, number> }>();
  for (const vote of votes) {
    const group = groups.get(key(vote.query)) ?? { query: vote.query.trim(), voters: new Map(), codes: new Map(), alternatives: new Map() };
    // The latest vote of a person on a code replaces their earlier one.
    group.voters.set(`${vote.userHash}\u0000${vote.code}`, vote);
    groups.set(key(vote.query), group);
  }
  const rated: RatedQuery[] = [];
  for (const group of groups.values()) {
    let up = 0;
    let down = 0;
    for (const vote of group.voters.values()) {
      if (vote.vote === "up") up += 1;
      else down += 1;
      group.codes.set(vote.code, (group.codes.get(vote.code) ?? 0) + 1);
      if (vote.vote === "down") for (const alt of vote.alternatives) group.alternatives.set(alt, (group.alternatives.get(alt) ?? 0) + 1);
    }
    if (down > 0) rated.push({ query: group.query, up, down, codes: byCount(group.codes), alternatives: byCount(group.alternatives) });
  }
  return rated.sort((a, b) => b.down - b.up - (a.down - a.up) || b.down - a.down || (a.query < b.query ? -1 : 1)).slice(0, limit);
}
