// The log redaction holds when a token is broken up on its way to the log: split across lines, escaped by
// util.inspect, or printed by inspect as a string concatenation over indented lines.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createRedactingLogger } from "../../src/slack/logger.js";

const KNOWN = "xoxb-1111-2222-KNOWNabcdefghijklmnopqrstuvwxyz012345";
const UNKNOWN = "xoxp-3333-4444-UNKNOWNabcdefghijklmnopqrstuvwxyz6789";
const SIGNING = "s1gningSECRETabcdef0123456789xyz";
const PREFACE = "a preface long enough that util.inspect prints the string over several lines ".repeat(2);

function logged(...parts: unknown[]): string {
  const lines: string[] = [];
  const logger = createRedactingLogger({ level: "debug", secrets: [KNOWN, SIGNING], write: (line) => lines.push(line) });
  logger.error(...parts);
  return lines.join("\n");
}

/** Every piece of the secret after its xoxb-/xoxp- prefix, at the cut and either side of it. */
function pieces(secret: string, cut: number): string[] {
  return [secret.slice(5, cut), secret.slice(cut), secret.slice(cut - 4, cut + 4)];
}

describe("log redaction", () => {
  it.each([
    ["a known token", KNOWN],
    ["an unknown token of Slack's shape", UNKNOWN],
  ])("masks %s split by a raw line break in a message", (_name, token) => {
    const out = logged(`auth failed for ${token.slice(0, 22)}\n${token.slice(22)} (check it)`);
    for (const piece of pieces(token, 22)) expect(out).not.toContain(piece);
    expect(out).toContain("(check it)");
  });

  it.each([
    ["a known token", KNOWN],
    ["an unknown token of Slack's shape", UNKNOWN],
  ])("masks %s inside an object that util.inspect prints as a concatenation over indented lines", (_name, token) => {
    const request = { headers: { authorization: `${PREFACE}Bearer ${token.slice(0, 20)}\n${token.slice(20)}` } };
    // The shape under test: inspect really prints the token as '…\n' + newline, indent, '…'.
    expect(inspect(request, { depth: 4 })).toMatch(/\\n' \+\n +'/);
    const out = logged("request:", request);
    for (const piece of pieces(token, 20)) expect(out).not.toContain(piece);
  });

  it("masks a token escaped by util.inspect (\\n inside a quoted string)", () => {
    const out = logged({ token: `${KNOWN.slice(0, 30)}\n${KNOWN.slice(30)}` });
    expect(out).toContain("[redacted]");
    for (const piece of pieces(KNOWN, 30)) expect(out).not.toContain(piece);
  });

  it("masks the signing secret split across lines, and in an Error's message and stack", () => {
    const out = logged(new Error(`bad secret ${SIGNING.slice(0, 12)}\n${SIGNING.slice(12)}`));
    expect(out).not.toContain(SIGNING.slice(0, 12));
    expect(out).not.toContain(SIGNING.slice(12));
  });

  it("leaves ordinary text alone", () => {
    expect(logged("Thread reply lost: BRK_MT_SETUP_TIMEOUT in C0TESTCHAN (fatal_error)")).toMatch(
      /ERROR \[zpa-codes\] Thread reply lost: BRK_MT_SETUP_TIMEOUT in C0TESTCHAN \(fatal_error\)$/,
    );
  });
});
