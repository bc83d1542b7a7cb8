// zpa-code stats: the most seen codes, read from the bot's shared store (REDIS_URL).
import { ConfigError, type Env } from "../config.js";
import { stripControl } from "../render/text.js";
import { DAY_MS } from "../state/buckets.js";
import { readStateConfig, type StateConfig } from "../state/config.js";
import { StateUnavailableError, type StateStore } from "../state/store.js";
import { openStateStore } from "../state/open.js";
import { DEFAULT_TOP_DAYS, MAX_TOP_DAYS, topCodes } from "../state/sightings.js";
import { worstRated } from "../state/worst-rated.js";
import { EXIT_NO_MATCH, EXIT_OK, EXIT_USAGE, UsageError, writeLine, type CliIo } from "./io.js";

export const STATS_LIMIT = 10;

export interface StatsOptions {
  json: boolean;
  days: string | undefined;
  /** List the worst-rated queries ("Right code?" votes) instead of the most seen codes. */
  feedback?: boolean;
  /** The catalog title of a code, if it has one. */
  titleOf: (code: string) => string | undefined;
  env?: Env;
}

const NO_SHARED_STORE =
  "REDIS_URL is not set. Without it each bot process keeps its sightings in its own memory, so this " +
  "fresh process has none to show. Set REDIS_URL to the bot's Redis (such as redis://localhost:6379) to see them.";

function readDays(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_TOP_DAYS;
  const days = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(days >= 1 && days <= MAX_TOP_DAYS)) throw new UsageError(`--days must be a whole number from 1 to ${MAX_TOP_DAYS}`);
  return days;
}

export async function statsCommand(io: CliIo, options: StatsOptions): Promise<number> {
  const days = readDays(options.days);
  let config: StateConfig;
  try {
    config = readStateConfig(options.env ?? process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    writeLine(io.stderr, `zpa-code stats: ${error.message}`);
    return EXIT_USAGE;
  }

  if (config.redisUrl === undefined) {
    if (options.json) writeLine(io.stdout, JSON.stringify({ store: "memory", where: "in-process", days, codes: [] }));
    writeLine(io.stderr, `zpa-code stats: ${NO_SHARED_STORE}`);
    return EXIT_NO_MATCH;
  }

  let store: StateStore;
  try {
    store = await openStateStore(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      writeLine(io.stderr, `zpa-code stats: ${error.message}`);
      return EXIT_USAGE;
    }
    if (!(error instanceof StateUnavailableError)) throw error;
    writeLine(io.stderr, `zpa-code stats: ${error.message}`);
    return EXIT_NO_MATCH;
  }
  if (options.feedback) return await feedbackReport(io, store, days, options.json);
  const top = await readOnce(io, store, () => topCodes(store, { days, limit: STATS_LIMIT }));
  if (top === null) return EXIT_NO_MATCH;

  const rows = top.map((row) => ({ ...row, code: stripControl(row.code), title: options.titleOf(row.code) ?? null }));
  if (options.json) {
    writeLine(io.stdout, JSON.stringify({ store: store.kind, where: store.where, days, codes: rows }));
    return EXIT_OK;
  }
  const period = days === 1 ? "the last day" : `the last ${days} days`;
  if (rows.length === 0) {
    writeLine(io.stdout, `No codes seen in ${period} (${store.where}).`);
    return EXIT_OK;
  }
  writeLine(io.stdout, `Most seen codes in ${period} (${store.where}):`);
  const codeWidth = Math.max(...rows.map((row) => row.code.length));
  const countWidth = Math.max(...rows.map((row) => String(row.count).length));
  rows.forEach((row, i) => {
    const counts = `${String(row.count).padStart(countWidth)} ${row.count === 1 ? "sighting " : "sightings"}  ${row.people} ${row.people === 1 ? "person" : "people"}`;
    writeLine(io.stdout, `${String(i + 1).padStart(2)}. ${row.code.padEnd(codeWidth)}  ${counts}${row.title ? `  ${row.title}` : ""}`);
  });
  if (days * DAY_MS > config.retentionMs) {
    writeLine(io.stdout, `(Sightings are kept ${Math.round(config.retentionMs / DAY_MS)} days: SIGHTINGS_RETENTION_DAYS.)`);
  }
  return EXIT_OK;
}

/** `stats --feedback`: the queries people said were answered with the wrong code. */
async function feedbackReport(io: CliIo, store: StateStore, days: number, json: boolean): Promise<number> {
  const votes = await readOnce(io, store, () => store.feedbackSince(Date.now() - days * DAY_MS));
  if (votes === null) return EXIT_NO_MATCH;
  const rows = worstRated(votes, STATS_LIMIT).map((row) => ({ ...row, query: stripControl(row.query) }));
  if (json) {
    writeLine(io.stdout, JSON.stringify({ store: store.kind, where: store.where, days, queries: rows }));
    return EXIT_OK;
  }
  const period = days === 1 ? "the last day" : `the last ${days} days`;
  if (rows.length === 0) {
    writeLine(io.stdout, `No query was rated 👎 in ${period} (${store.where}).`);
    return EXIT_OK;
  }
  writeLine(io.stdout, `Worst-rated queries in ${period} (${store.where}):`);
  rows.forEach((row, i) => {
    const also = row.alternatives.length > 0 ? `; offered instead: ${row.alternatives.join(", ")}` : "";
    writeLine(io.stdout, `${String(i + 1).padStart(2)}. "${row.query}"  👎 ${row.down}  👍 ${row.up}  shown: ${row.codes.join(", ")}${also}`);
  });
  return EXIT_OK;
}

/** One read, then the store is closed; an unreachable Redis becomes one line on stderr and null. */
async function readOnce<T>(io: CliIo, store: StateStore, read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof StateUnavailableError)) throw error;
    writeLine(io.stderr, `zpa-code stats: ${error.message}`);
    return null;
  } finally {
    await store.close();
  }
}
