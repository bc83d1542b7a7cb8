// Issue 8's accuracy targets as vitest cases, shared by every query set that must meet them.
import { expect, it } from "vitest";
import { HELPDESK_DETERMINISTIC } from "../fixtures/helpdesk-queries.js";
import { overall, type KindScore } from "./helpdesk-score.js";

/** Declares the issue's targets on `scores`; `words: false` keeps only junk and the deterministic kinds. */
export function itMeetsIssueTargets(scores: readonly KindScore[], { words = true }: { words?: boolean } = {}): void {
  const all = overall(scores);
  if (words) {
    it("gets the first answer right for at least 85% of answerable queries", () => {
      expect(all.first).toBeGreaterThanOrEqual(0.85);
    });

    it("shows a right code among the first three for at least 97%", () => {
      expect(all.topThree).toBeGreaterThanOrEqual(0.97);
    });
  }

  it("refuses at least 95% of junk", () => {
    expect(all.junkRefused).toBeGreaterThanOrEqual(0.95);
  });

  it.each(HELPDESK_DETERMINISTIC)("answers every %s query, with certainty", (kind) => {
    expect(scores.find((score) => score.kind === kind)!.failures).toEqual([]);
  });
}
