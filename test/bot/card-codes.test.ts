// Every card the catalog can produce, in every way it is reached: no code offered twice, Category
// only where it differs from Severity, one link line, and Block Kit limits with the longest team notes.
import { describe, expect, it } from "vitest";
import { handleCardAction } from "../../src/bot/card-actions.js";
import { answerCommand } from "../../src/bot/command.js";
import { createBot, type Bot } from "../../src/bot/bot.js";
import { openNoteEditor } from "../../src/bot/edit-note.js";
import { handleHomeAction } from "../../src/bot/home-actions.js";
import type { Outgoing } from "../../src/bot/outgoing.js";
import { loadCatalog } from "../../src/catalog/load.js";
import type { Entry } from "../../src/catalog/types.js";
import { ACTION } from "../../src/render/action-ids.js";
import { messageViolations, viewViolations } from "../../src/render/limits.js";
import type { Message } from "../../src/render/types.js";
import { MAX_NOTE_LINKS, MAX_NOTE_TEXT, MAX_OWNER_CHARS, type Runbook, type TeamNote } from "../../src/runbook/schema.js";
import { fixedRunbook } from "../../src/runbook/source.js";
import { createSearch } from "../../src/search/index.js";
import { offeredCodes, typo } from "../support/offered-codes.js";
import { openTestState } from "../support/state.js";

const catalog = loadCatalog();
const search = createSearch(catalog);

function core(runbook?: Runbook): Bot {
  return createBot({ catalog, search, autoReply: { enabled: true, channels: null, dedupeHours: 24 }, ...(runbook ? { runbook: fixedRunbook(runbook) } : {}) });
}

function messagesOf(outgoing: readonly Outgoing[]): Message[] {
  return outgoing.flatMap((out) => ("message" in out ? [out.message] : "view" in out ? [{ text: "", blocks: out.view.blocks }] : []));
}

async function cardsFor(bot: Bot, entry: Entry): Promise<Array<[string, Message]>> {
  const card = (action: "show" | "details" | "share" | "ticket", fromEphemeral: boolean) =>
    messagesOf(handleCardAction(bot, { action, code: entry.code, userId: "U0ALICE", channelId: "C0CHAN", fromEphemeral, canEdit: true }));
  return [
    ["exact", answerCommand(bot, { text: entry.code, canEdit: true })],
    ["typo", answerCommand(bot, { text: typo(entry.code) })],
    ["title words", answerCommand(bot, { text: entry.title.replace(/^[A-Z]+: /, "") })],
    ["show", card("show", true)[0]!],
    ["details in a thread", card("details", false)[0]!],
    ["shared", card("share", false)[0]!],
    ["For a support ticket button", card("ticket", true)[0]!],
    ...messagesOf(await handleHomeAction(bot, { action: ACTION.homeView, value: entry.code, userId: "U0ALICE", triggerId: "t" })).map(
      (m): [string, Message] => ["App Home View", m],
    ),
  ];
}

describe("codes on cards", () => {
  it("never offers the same code twice, nor the card's own code, on any card of the catalog", async () => {
    const bot = core();
    for (const entry of catalog.entries) {
      for (const [how, message] of await cardsFor(bot, entry)) {
        const offered = offeredCodes(message.blocks);
        const header = message.blocks.find((b) => b.type === "header");
        const own = header?.type === "header" ? header.text.text : undefined;
        expect(new Set(offered).size, `${entry.code} (${how}): ${offered.join(", ")}`).toBe(offered.length);
        if (own) expect(offered, `${entry.code} (${how})`).not.toContain(own);
      }
    }
  });

  it("offers FOHH_CLOSE_REASON_CONNECT_TIMEOUT once for the typo 'brk_mt_setup_timout'", () => {
    const answer = answerCommand(core(), { text: "brk_mt_setup_timout" });
    expect(offeredCodes(answer.blocks).filter((code) => code === "FOHH_CLOSE_REASON_CONNECT_TIMEOUT")).toHaveLength(1);
  });

  it("lists each code of a pasted log once, even when the log repeats it", () => {
    const codes = catalog.entries.slice(0, 12).map((e) => e.code);
    const answer = answerCommand(core(), { text: [...codes, ...codes].join("\n") });
    expect(offeredCodes(answer.blocks)).toEqual(codes);
  });
});

describe("what a card says", () => {
  const fieldsOf = (message: Message): string[] =>
    message.blocks.flatMap((b) => (b.type === "section" && b.fields ? b.fields.map((f) => f.text.split("\n")[0]!) : []));

  it("shows Category only when it differs from Severity", () => {
    let differing = 0;
    for (const entry of catalog.entries) {
      const fields = fieldsOf(answerCommand(core(), { text: entry.code }));
      expect(fields.includes("*Category*"), entry.code).toBe(entry.category !== entry.severity);
      if (entry.category !== entry.severity) differing += 1;
    }
    expect(differing).toBeGreaterThan(0);
  });

  it("has one line of Zscaler links, no separate Documentation and Source, and the code in `code` formatting", () => {
    for (const entry of catalog.entries) {
      const texts = answerCommand(core(), { text: entry.code }).blocks.flatMap((b) =>
        b.type === "section" && b.text ? [b.text.text] : b.type === "context" ? b.elements.map((e) => e.text) : [],
      );
      expect(texts.filter((t) => t.startsWith(":books: ")), entry.code).toHaveLength(1);
      expect(texts.some((t) => t.startsWith("*Documentation*") || t.startsWith("Source: ")), entry.code).toBe(false);
      expect(texts.some((t) => t.startsWith(`\`${entry.code}\``)), entry.code).toBe(true);
    }
  });
});

describe("limits with team notes", () => {
  /** Three notes of every kind at their longest, so every card carries the most the runbook allows. */
  function longestRunbook(): Runbook {
    const longest = (scope: TeamNote["scope"], i: number): TeamNote => ({
      scope,
      text: `<!subteam^S0NET> ${"n".repeat(MAX_NOTE_TEXT - 20)}`,
      links: Array.from({ length: MAX_NOTE_LINKS }, (_, j) => ({ title: "t".repeat(150), url: `https://kb.example.com/${"p".repeat(400)}${j}` })),
      owner: "o".repeat(MAX_OWNER_CHARS),
      origin: { kind: "file", index: i },
    });
    return {
      file: "runbook.yml",
      notes: [
        longest({ kind: "all" }, 0),
        longest({ kind: "severity", severity: "error" }, 1),
        longest({ kind: "component", component: "AC" }, 2),
        longest({ kind: "component", component: "SE" }, 3),
        longest({ kind: "codes", codes: catalog.entries.map((e) => e.code) }, 4),
      ],
    };
  }

  it("keeps every card of the catalog, reached every way, within Block Kit limits", async () => {
    const bot = core(longestRunbook());
    for (const entry of catalog.entries) {
      for (const [how, message] of await cardsFor(bot, entry)) {
        if (how === "App Home View") expect(viewViolations({ type: "modal", title: { type: "plain_text", text: "x" }, close: { type: "plain_text", text: "x" }, blocks: message.blocks }), entry.code).toEqual([]);
        else expect(messageViolations(message), `${entry.code} (${how})`).toEqual([]);
      }
    }
  });

  it("keeps the Edit team note modal of every code within Block Kit limits, starting from the longest note", async () => {
    const state = await openTestState("in-process");
    try {
      const bot = createBot({ catalog, search, autoReply: { enabled: true, channels: null, dedupeHours: 24 }, runbook: fixedRunbook(longestRunbook()) }, state);
      for (const entry of catalog.entries) {
        const [opened] = await openNoteEditor(bot, { code: entry.code, userId: "U0EDITOR1", triggerId: "t", canEdit: true });
        expect(opened?.kind, entry.code).toBe("openModal");
        if (opened?.kind === "openModal") expect(viewViolations(opened.view), entry.code).toEqual([]);
      }
    } finally {
      await state.store.close();
    }
  });
});
