// Every Redis key the bot writes, in one place. All start with the prefix and all expire, except
// team notes edited in Slack: a team's runbook must not vanish after a quiet year.

export const DEFAULT_KEY_PREFIX = "zpa:";

export interface RedisKeys {
  /** String "1", PX ttl, SET NX: dedupe and once-per-window claims. */
  claim(key: string): string;
  /** Hash {autoReply, changedBy, changedAtMs}, expires SETTING_TTL_MS after the last change. */
  channelSetting(channel: string): string;
  /** Sorted set code -> sightings in that hour, all channels; expires retention after its last write. */
  codesInHour(hour: number): string;
  /** HyperLogLog of hashed users who posted the code in that hour; expires like codesInHour. */
  peopleInHour(hour: number, code: string): string;
  /** Sorted set of sightings (score = time) of a code in a channel within the recent window. */
  recentSightings(channel: string, code: string): string;
  /** Sorted set hashed user -> time last seen, for the same code and channel. */
  recentPeople(channel: string, code: string): string;
  /** Hash code -> JSON of its newest Slack-edited note. No expiry. */
  editedNotes(): string;
  /** List of JSON versions of one code's note, newest first, trimmed to NOTE_VERSIONS_KEPT. No expiry. */
  noteHistory(code: string): string;
  /** Sorted set of JSON votes (score = time); old ones trimmed, expires retention after its last write. */
  feedback(): string;
}

export function redisKeys(prefix: string): RedisKeys {
  return {
    claim: (key) => `${prefix}claim:${key}`,
    channelSetting: (channel) => `${prefix}channel:${channel}`,
    codesInHour: (hour) => `${prefix}seen:${hour}`,
    peopleInHour: (hour, code) => `${prefix}people:${hour}:${code}`,
    recentSightings: (channel, code) => `${prefix}recent:${channel}:${code}`,
    recentPeople: (channel, code) => `${prefix}recent-people:${channel}:${code}`,
    editedNotes: () => `${prefix}notes`,
    noteHistory: (code) => `${prefix}note-history:${code}`,
    feedback: () => `${prefix}feedback`,
  };
}
