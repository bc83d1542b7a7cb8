// The one line a thread reply gains when many people paste the same code in a channel at once.
import { context } from "./blocks.js";
import { escapeMrkdwn } from "./escape.js";
import type { Block } from "./types.js";

export interface SpikeFigures {
  code: string;
  /** Sightings of the code in the channel within the window. */
  count: number;
  /** Distinct people among them. */
  people: number;
  windowMinutes: number;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export function spikeLine(spike: SpikeFigures): string {
  return (
    `:rotating_light: *${escapeMrkdwn(spike.code)}* seen ${plural(spike.count, "time", "times")} by ` +
    `${plural(spike.people, "person", "people")} in this channel in the last ${spike.windowMinutes} min: ` +
    "possibly an outage, not a single user's problem."
  );
}

/** All spike lines as one context block (empty when nothing spikes). */
export function spikeBlocks(spikes: readonly SpikeFigures[]): Block[] {
  return spikes.length === 0 ? [] : [context(spikes.map(spikeLine).join("\n"))];
}
