// The confidence label of zpa_codes_lookups_total: whatever form the resolver reports it in, a small fixed set.
import { describe, expect, it } from "vitest";
import { confidenceOf } from "../../src/bot/metrics.js";

describe("confidenceOf", () => {
  it("keeps the resolver's word, bands a 0–1 score, and says unknown otherwise", () => {
    expect(confidenceOf({ confidence: "high" })).toBe("high");
    expect(confidenceOf({ confidence: 0.93 })).toBe("high");
    expect(confidenceOf({ confidence: 0.6 })).toBe("medium");
    expect(confidenceOf({ confidence: 0.2 })).toBe("low");
    expect(confidenceOf({})).toBe("unknown");
    // Nothing that would make an unbounded or malformed label.
    expect(confidenceOf({ confidence: 42 })).toBe("unknown");
    expect(confidenceOf({ confidence: 'x"} 1\nevil' })).toBe("unknown");
  });
});
