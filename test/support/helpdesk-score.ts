// Scores a resolver on test/fixtures/helpdesk-queries.ts: first answer right, right among three, junk refused.
import type { Resolution } from "../../src/search/types.js";
import { HELPDESK_DETERMINISTIC, HELPDESK_KINDS, HELPDESK_QUERIES, type HelpdeskCase, type HelpdeskKind } from "../fixtures/helpdesk-queries.js";

export interface KindScore {
  kind: HelpdeskKind;
  total: number;
  /** The answer leads with an honest code (junk: no match). */
  first: number;
  /** An honest code is among the first three shown (junk: no match). */
  topThree: number;
  failures: string[];
}

export function shown(result: Resolution): string[] {
  return [result.match, ...result.alternatives].filter((entry) => entry !== null).map((entry) => entry.code);
}

/** Right as the issue defines it; deterministic kinds must also be certain (several codes: all named). */
export function firstRight(test: HelpdeskCase, result: Resolution): boolean {
  if (test.kind === "junk") return result.match === null;
  const codes = shown(result);
  if (test.kind === "log-several") return test.expect.every((code) => codes.includes(code)) && result.match !== null;
  if (HELPDESK_DETERMINISTIC.includes(test.kind) && result.confidence !== "certain") return false;
  return result.match !== null && test.expect.includes(result.match.code);
}

export function topThreeRight(test: HelpdeskCase, result: Resolution): boolean {
  if (test.kind === "junk" || test.kind === "log-several") return firstRight(test, result);
  return shown(result).slice(0, 3).some((code) => test.expect.includes(code));
}

export function scoreHelpdesk(resolve: (query: string) => Resolution, cases: readonly HelpdeskCase[] = HELPDESK_QUERIES): KindScore[] {
  return HELPDESK_KINDS.map((kind) => {
    const mine = cases.filter((test) => test.kind === kind);
    const score: KindScore = { kind, total: mine.length, first: 0, topThree: 0, failures: [] };
    for (const test of mine) {
      const result = resolve(test.query);
      if (firstRight(test, result)) score.first++;
      else score.failures.push(`${JSON.stringify(test.query.slice(0, 80))} -> ${result.match?.code ?? "no match"} (${result.confidence}) [${result.alternatives.map((e) => e.code).join(", ")}]`);
      if (topThreeRight(test, result)) score.topThree++;
    }
    return score;
  });
}

/** Shares over the answerable kinds (all but junk), and the junk refused. */
export function overall(scores: readonly KindScore[]): { first: number; topThree: number; junkRefused: number } {
  const answerable = scores.filter((score) => score.kind !== "junk");
  const total = answerable.reduce((sum, score) => sum + score.total, 0);
  const junk = scores.find((score) => score.kind === "junk")!;
  return {
    first: answerable.reduce((sum, score) => sum + score.first, 0) / total,
    topThree: answerable.reduce((sum, score) => sum + score.topThree, 0) / total,
    junkRefused: junk.first / junk.total,
  };
}

export function scoreTable(scores: readonly KindScore[]): string {
  const rows = scores.map((s) => `${s.kind.padEnd(12)} first ${String(s.first).padStart(3)}/${s.total}  top-3 ${String(s.topThree).padStart(3)}/${s.total}`);
  const all = overall(scores);
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  return `${rows.join("\n")}\nfirst answer right ${pct(all.first)}, right among three ${pct(all.topThree)}, junk refused ${pct(all.junkRefused)}`;
}

export interface CurvePoint {
  answer: number;
  /** Share of answerable queries whose first answer is right. */
  right: number;
  /** Share of junk given no match. */
  junkRefused: number;
  /** Share of `likely` answers that are right. */
  likelyRight: number;
}

/**
 * The trade-off behind WORDS_THRESHOLDS.answer: each plain-words answer is decided again from its measured
 * evidence at every threshold; answers from the deterministic steps do not move.
 */
export function confidenceCurve(
  resolve: (query: string) => Resolution,
  decide: (evidence: NonNullable<Resolution["evidence"]>, answer: number) => Resolution["confidence"],
  thresholds: readonly number[],
  cases: readonly HelpdeskCase[] = HELPDESK_QUERIES,
): CurvePoint[] {
  const results = cases.map((test) => ({ test, result: resolve(test.query) }));
  return thresholds.map((answer) => {
    let right = 0;
    let answerable = 0;
    let refused = 0;
    let junk = 0;
    let likely = 0;
    let likelyRight = 0;
    for (const { test, result } of results) {
      const confidence = result.how === "words" || (result.how === "none" && result.evidence) ? decide(result.evidence!, answer) : result.confidence;
      const lead = confidence === null ? null : (result.match ?? result.alternatives[0] ?? null);
      if (test.kind === "junk") {
        junk++;
        if (!lead) refused++;
        continue;
      }
      answerable++;
      const ok = lead !== null && (test.kind === "log-several" || test.expect.includes(lead.code));
      if (ok) right++;
      if (confidence === "likely") {
        likely++;
        if (ok) likelyRight++;
      }
    }
    return { answer, right: right / answerable, junkRefused: refused / junk, likelyRight: likely ? likelyRight / likely : 1 };
  });
}
