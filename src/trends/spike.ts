// When is a code "spiking" in a channel: enough different people posted it within the window.
import type { RecentActivity } from "../state/store.js";

export interface SpikeCheck extends RecentActivity {
  windowMinutes: number;
  isSpike: boolean;
}

export function spikeVerdict(activity: RecentActivity, windowMs: number, minPeople: number): SpikeCheck {
  return { ...activity, windowMinutes: Math.round(windowMs / 60_000), isSpike: activity.people >= minPeople };
}

/** The claim that lets one reply per window (across replicas) carry the spike hint. */
export function spikeHintKey(code: string, channel: string): string {
  return `spike-hint:${channel}:${code}`;
}
