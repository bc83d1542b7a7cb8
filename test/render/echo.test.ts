// Text a user typed and the bot shows back (no-match line, Home "Search:" line, "Best match for" note, the
// CLI's --json): verbatim in mrkdwn, so a typed URL stays text, and without NUL, C1 or bidi-override characters.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/bot.js";
import { answerCommand } from "../../src/bot/command.js";
import { submitSearch } from "../../src/bot/home-actions.js";
import { runCli } from "../../src/cli/run.js";
import { openInProcessState } from "../../src/state/open.js";

const core = createBot({ autoReply: { enabled: true, channels: null, dedupeHours: 24 } }, openInProcessState());

/** NUL, a C1 control (NEL), right-to-left override, and a first-strong isolate. */
const UNSAFE = /[\u0000\u0085\u202e\u2068]/;
const HOSTILE = "see https://evil.example/login \u0000qq\u0085zz\u202eexe.txt\u2068 nothing";

/** Every mrkdwn text object in the blocks that contains `needle`. */
function textsWith(blocks: unknown, needle: string): Array<{ text: string; verbatim?: boolean }> {
  const found: Array<{ text: string; verbatim?: boolean }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    const obj = node as Record<string, unknown>;
    if (obj.type === "mrkdwn" && typeof obj.text === "string" && obj.text.includes(needle)) found.push(obj as { text: string });
    Object.values(obj).forEach(walk);
  };
  walk(blocks);
  return found;
}

describe("echoed user text", () => {
  it("the no-match line is verbatim and carries no control or bidi characters", () => {
    const answer = answerCommand(core, { text: HOSTILE });
    expect(answer.text).toContain("No code matches");
    const echoed = textsWith(answer.blocks, "evil.example");
    expect(echoed).toHaveLength(1);
    expect(echoed[0]!.verbatim).toBe(true);
    expect(echoed[0]!.text).toContain("qqzzexe.txt");
    expect(JSON.stringify(answer)).not.toMatch(UNSAFE);
  });

  it("the Home tab's Search line is verbatim and clean", async () => {
    const outgoing = await submitSearch(core, { userId: "U1", metadata: undefined, query: `saml\u202e https://evil.example/x\u0085` });
    const publish = outgoing.find((out) => out.kind === "publishHome");
    const view = publish?.kind === "publishHome" ? publish.view : undefined;
    const echoed = textsWith(view?.blocks, "*Search:*");
    expect(echoed).toHaveLength(1);
    expect(echoed[0]!.verbatim).toBe(true);
    expect(JSON.stringify(view)).not.toMatch(UNSAFE);
  });

  it("a guessed card's \"Best match for\" note is verbatim and clean", () => {
    const answer = answerCommand(core, { text: "saml assertion \u202etoo large" });
    const echoed = textsWith(answer.blocks, "Best match for");
    expect(echoed).toHaveLength(1);
    expect(echoed[0]!.verbatim).toBe(true);
    expect(JSON.stringify(answer)).not.toMatch(UNSAFE);
  });

  it("the CLI's --json output drops them from the echoed query", async () => {
    const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
    let stdout = "";
    io.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    io.stdin.end();
    await runCli(["lookup", "--json", HOSTILE], io);
    expect(stdout).not.toMatch(UNSAFE);
    expect(stdout).not.toContain("\\u0000");
    expect((JSON.parse(stdout) as { query: string }).query).toBe("see https://evil.example/login qqzzexe.txt nothing");
  });
});
