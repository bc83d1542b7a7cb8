// What the bot counts for operators, as an interface: surfaces plug in Prometheus (src/slack/metrics.ts);
// the core stays free of any metrics library, and a surface without metrics passes nothing.
import type { ResolveHow } from "../search/types.js";

/** How a lookup was answered: the resolver's `how`, or "pasted" for codes found verbatim in the text. */
export type LookupHow = ResolveHow | "pasted";

export interface BotMetrics {
  /** One answered /zpa-code lookup; `confidence` is the resolver's when it gives one, else "unknown". */
  lookup(how: LookupHow, confidence: string): void;
  /** A thread reply or @mention hint handed to Slack. */
  autoReply(): void;
  /** Codes in a message left unanswered because this thread already had them (dedupe window). */
  dedupeSkips(codes: number): void;
}

/**
 * The resolver's confidence as a label: its own word when it gives one ("high"), a score from 0 to 1 put in
 * one of three bands (a raw number would make a series per value), else "unknown".
 */
export function confidenceOf(resolution: object): string {
  const confidence = (resolution as { confidence?: unknown }).confidence;
  if (typeof confidence === "string" && /^[a-z_]{1,20}$/.test(confidence)) return confidence;
  if (typeof confidence === "number" && confidence >= 0 && confidence <= 1) {
    return confidence >= 0.8 ? "high" : confidence >= 0.5 ? "medium" : "low";
  }
  return "unknown";
}
