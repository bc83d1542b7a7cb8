// The three answer shapes of /zpa-code (certain/likely card, possible list, no match), on the real catalog.
import { describe, expect, it } from "vitest";
import { answerCommand } from "../../src/bot/command.js";
import { createBot } from "../../src/bot/bot.js";
import { loadCatalog } from "../../src/catalog/load.js";
import { ACTION } from "../../src/render/action-ids.js";
import { messageViolations } from "../../src/render/limits.js";
import { renderPossible, sharedTitle } from "../../src/render/possible.js";
import type { Block, Message } from "../../src/render/types.js";
import { createSearch } from "../../src/search/index.js";

const catalog = loadCatalog();
const search = createSearch(catalog);
const core = createBot({ catalog, search, autoReply: { enabled: true, channels: null, dedupeHours: 24 } });
const answer = (text: string): Message => answerCommand(core, { text });
const headers = (message: Message): string[] => message.blocks.flatMap((b) => (b.type === "header" ? [b.text.text] : []));
const showButtons = (blocks: readonly Block[]): string[] =>
  blocks
    .flatMap((b) => (b.type === "actions" ? b.elements : b.type === "section" && b.accessory ? [b.accessory] : []))
    .flatMap((e) => (e.type === "button" && e.action_id.startsWith(`${ACTION.show}:`) ? [e.value ?? ""] : []));
const text = (message: Message): string => JSON.stringify(message);

describe("answer shapes in Slack and the preview", () => {
  it("certain: the card, with no guess note", () => {
    const card = answer("brk_mt_setup_timeout");
    expect(headers(card)).toEqual(["BRK_MT_SETUP_TIMEOUT"]);
    expect(text(card)).not.toContain("Best match");
  });

  it("likely: the card, one line saying it is the best match for the words, and runner-ups as buttons", () => {
    const query = "saml assertion too large";
    const { match, alternatives, confidence } = search.resolve(query);
    expect(confidence).toBe("likely");
    const card = answer(query);
    expect(headers(card)).toEqual([match!.code]);
    expect(text(card)).toContain(`Best match for your words “${query}”`);
    expect(showButtons(card.blocks)).toEqual(alternatives.slice(0, 3).map((e) => e.code));
    expect(messageViolations(card)).toEqual([]);
  });

  it("possible: a short ranked list headed with the query, a Show button per code, the first one's essentials inline", () => {
    const query = "connector cannot reach server";
    const result = search.resolve(query);
    expect(result.confidence).toBe("possible");
    const list = answer(query);
    expect(headers(list)).toEqual([]);
    expect(text(list)).toContain(`Codes that match “${query}”`);
    const ranked = [result.match!, ...result.alternatives].slice(0, 5).map((e) => e.code);
    expect(showButtons(list.blocks)).toEqual(ranked);
    const first = result.match!;
    expect(text(list)).toContain(`First step: ${first.remediation[0]!.slice(0, 40)}`);
    expect(text(list)).toMatch(/Severity: .*Who acts: /);
    expect(text(list)).not.toContain("No code matches");
    expect(messageViolations(list)).toEqual([]);
  });

  it("says when the listed codes share one title and asks which one the log shows", () => {
    const list = answer("Connection request timed out");
    expect(text(list)).toContain("share the title “Connection request timed out”");
    expect(text(list)).toContain("Which one does the log show?");
    expect(showButtons(list.blocks)).toEqual(expect.arrayContaining(["AST_MT_SETUP_TIMEOUT", "BRK_MT_SETUP_TIMEOUT", "FOHH_CLOSE_REASON_CONNECT_TIMEOUT"]));
    expect(sharedTitle(catalog.entries.slice(0, 2))).toBeNull();
  });

  it("only junk gets No code matches, with examples of what works", () => {
    for (const junk of ["AADSTS50076", "BRK_MT_", "thanks a lot, that fixed it"]) {
      const reply = answer(junk);
      expect(reply.text, junk).toContain("No code matches");
      expect(text(reply)).toContain("help");
    }
  });

  it("escapes the echoed query so it cannot ping anyone or break the markup", () => {
    const list = renderPossible("<!channel> *bold* connector", search.resolve("connector cannot reach server").alternatives);
    expect(text(list)).not.toContain("<!channel>");
    expect(messageViolations(list)).toEqual([]);
  });
});
