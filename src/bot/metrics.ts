// What the bot counts for operators, as an interface: surfaces plug in Prometheus (src/metrics.ts);
// the core stays free of any metrics library, and a surface without metrics passes nothing.
import type { Confidence, ResolveHow } from "../search/types.js";

/** How a lookup was answered: the resolver's `how`, or "pasted" for codes found verbatim in the text. */
export type LookupHow = ResolveHow | "pasted";

export interface BotMetrics {
  /** One answered /zpa-code lookup: how it matched and the resolver's confidence ("none": no match). */
  lookup(how: LookupHow, confidence: Confidence | "none"): void;
  /** A thread reply or @mention hint handed to Slack. */
  autoReply(): void;
  /** Codes in a message left unanswered because this thread already had them (dedupe window). */
  dedupeSkips(codes: number): void;
}
