// The Slack-free bot logic on the real catalog and search: what /zpa-code answers, when and how
// the bot replies in threads, and what each card button sends.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { autoReply, type IncomingMessage } from "../../src/bot/auto-reply.js";
import { handleAction } from "../../src/bot/actions.js";
import { handleCardAction } from "../../src/bot/card-actions.js";
import { answerCommand } from "../../src/bot/command.js";
import { createBot, type Bot } from "../../src/bot/bot.js";
import type { AutoReplySettings } from "../../src/config.js";
import { loadCatalog } from "../../src/catalog/load.js";
import { ACTION } from "../../src/render/action-ids.js";
import { decodeSlackEntities } from "../../src/render/escape.js";
import { messageViolations } from "../../src/render/limits.js";
import type { Block, Message } from "../../src/render/types.js";
import { createSearch } from "../../src/search/index.js";
import { LIVE_MENTION } from "../support/slack.js";
import { message, posted } from "../support/bot-messages.js";

const catalog = loadCatalog();
const search = createSearch(catalog);
const BOT = "U0BOTUSER";

function core(autoReplySettings: Partial<AutoReplySettings> = {}): Bot {
  return createBot({ catalog, search, autoReply: { enabled: true, channels: null, dedupeHours: 24, ...autoReplySettings } });
}

const sample = (name: string): string => readFileSync(new URL(`../fixtures/samples/${name}`, import.meta.url), "utf8");

function headers(message: Message): string[] {
  return message.blocks.flatMap((b) => (b.type === "header" ? [b.text.text] : []));
}

function buttons(blocks: readonly Block[]): Array<{ action_id: string; value?: string; label: string }> {
  return blocks.flatMap((b) => {
    const elements = b.type === "actions" ? b.elements : b.type === "section" && b.accessory ? [b.accessory] : [];
    return elements.flatMap((e) => (e.type === "button" ? [{ action_id: e.action_id, value: e.value, label: e.text.text }] : []));
  });
}

const allText = (message: Message): string => JSON.stringify(message);


describe("/zpa-code", () => {
  it("answers an empty command or help with a usage card whose examples all work", () => {
    for (const text of ["", "  ", "help", "HELP"]) {
      const answer = answerCommand(core(), { text });
      expect(headers(answer)).toEqual(["ZPA session status codes"]);
      expect(messageViolations(answer)).toEqual([]);
    }
    const usage = allText(answerCommand(core(), { text: "help" }));
    for (const query of ["brk_mt_setup_timeout", "OPEN_SERVER_CONN", "saml fingerprint", "SE: Connection request timed out"]) {
      expect(usage).toContain(`/zpa-code ${query}`);
      expect(search.resolve(query).match).not.toBeNull();
    }
  });

  it("answers a code with its card and a Share in channel button", () => {
    const answer = answerCommand(core(), { text: "ast_mt_setup_err_open_server_conn" });
    expect(headers(answer)).toEqual(["AST_MT_SETUP_ERR_OPEN_SERVER_CONN"]);
    expect(allText(answer)).toContain("AC: Cannot open connection to server");
    const share = buttons(answer.blocks).find((b) => b.label === "Share in channel");
    expect(share).toEqual({ action_id: `${ACTION.share}:AST_MT_SETUP_ERR_OPEN_SERVER_CONN`, value: "AST_MT_SETUP_ERR_OPEN_SERVER_CONN", label: "Share in channel" });
    expect(messageViolations(answer)).toEqual([]);
  });

  it("answers a title that names two codes with a list that says so and asks which one the log shows", () => {
    const answer = answerCommand(core(), { text: "SE: Connection request timed out" });
    expect(allText(answer)).toContain("share the title “Connection request timed out”");
    expect(allText(answer)).toContain("Which one does the log show?");
    const shown = buttons(answer.blocks).map((b) => b.action_id);
    expect(shown.slice(0, 2).sort()).toEqual([`${ACTION.show}:BRK_MT_SETUP_TIMEOUT`, `${ACTION.show}:FOHH_CLOSE_REASON_CONNECT_TIMEOUT`]);
  });

  it("says which code a typo was matched to", () => {
    const answer = answerCommand(core(), { text: "BRK_MT_SETUP_TIMEOT" });
    expect(headers(answer)).toEqual(["BRK_MT_SETUP_TIMEOUT"]);
    expect(allText(answer)).toContain("Closest code to “BRK_MT_SETUP_TIMEOT”");
  });

  it("lists at most five codes with Show buttons, each a real code, when none stands out", () => {
    const answer = answerCommand(core(), { text: "SETUP_TIMEOUT" });
    expect(answer.text).toContain("Codes that match “SETUP_TIMEOUT”");
    expect(allText(answer)).not.toContain("No code matches");
    const suggestions = buttons(answer.blocks).filter((b) => b.action_id.startsWith(`${ACTION.show}:`));
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(5);
    for (const s of suggestions) expect(search.byCode(s.value ?? "")?.code).toBe(s.value);
    expect(suggestions.map((s) => s.value)).toContain("BRK_MT_SETUP_TIMEOUT");
  });

  it("says plainly when nothing matches at all", () => {
    const answer = answerCommand(core(), { text: "qqqq zzzz" });
    expect(answer.text).toBe("No code matches “qqqq zzzz”.");
    expect(buttons(answer.blocks)).toEqual([]);
  });

  it("answers several codes with one compact summary: a line and a Details button per code, no full cards", () => {
    const codes = catalog.entries.slice(0, 7).map((e) => e.code);
    const answer = answerCommand(core(), { text: `seen today: ${codes.join(" ; ")}` });
    expect(headers(answer)).toEqual([]);
    const details = buttons(answer.blocks).filter((b) => b.label === "Details").map((b) => b.value);
    expect(details).toEqual(codes);
    expect(messageViolations(answer)).toEqual([]);
  });

  it("keeps typed mentions inert and bounds what it echoes", () => {
    for (const text of ["<!channel> <@U123> <!here>", "<!channel> BRK_MT_SETUP_TIMEOUT <@U123>", `<!here> ${"x ".repeat(20_000)}`]) {
      const answer = answerCommand(core(), { text });
      expect(allText(answer)).not.toMatch(LIVE_MENTION);
      expect(messageViolations(answer)).toEqual([]);
    }
  });

  it("escapes text exactly once: Slack's own entities are decoded first (at the edge)", () => {
    // What Slack sends when someone types: qqq & zzz <!channel>
    const answer = answerCommand(core(), { text: decodeSlackEntities("qqq &amp; zzz &lt;!channel&gt;") });
    expect(answer.text).toBe("No code matches “qqq &amp; zzz &lt;!channel&gt;”.");
  });

  it("stays within limits for a pasted log full of codes", () => {
    const text = catalog.entries.map((e) => `2024-01-01 zpa ${e.code} failed`).join("\n");
    const answer = answerCommand(core(), { text });
    expect(messageViolations(answer)).toEqual([]);
    expect(headers(answer)).toHaveLength(0);
  });
});

describe("thread auto-replies", () => {
  it("answers one code with its card in the message's thread", async () => {
    const incoming = message("users get this: BRK_MT_SETUP_TIMEOUT since 9am");
    const out = posted((await autoReply(core(), incoming, BOT))?.outgoing);
    expect(out.threadTs).toBe(incoming.ts);
    expect(out.channel).toBe("C0CHAN");
    expect(headers(out.message)).toEqual(["BRK_MT_SETUP_TIMEOUT"]);
    expect(messageViolations(out.message)).toEqual([]);
  });

  it("answers a reply inside a thread in that same thread", async () => {
    const incoming = message("AST_MT_SETUP_ERR_OPEN_SERVER_CONN", { threadTs: "1699999999.000001" });
    expect(posted((await autoReply(core(), incoming, BOT))?.outgoing).threadTs).toBe("1699999999.000001");
  });

  it("reads real pasted log samples", async () => {
    const ba = posted((await autoReply(core(), message(sample("ba-syslog-close-from-connector.txt")), BOT))?.outgoing);
    expect(headers(ba.message)).toEqual(["BRK_MT_CLOSED_FROM_ASSISTANT"]);

    const journal = posted((await autoReply(core(), message(sample("app-connector-journal.txt")), BOT))?.outgoing);
    const text = allText(journal.message);
    expect(text).toContain("FOHH_CLOSE_REASON_SOCKET_ERR");
    expect(text).toContain("FOHH_CLOSE_REASON_REDIRECT");
    expect(headers(journal.message)).toEqual([]);
    expect(buttons(journal.message.blocks).map((b) => b.action_id)).toEqual([
      `${ACTION.details}:FOHH_CLOSE_REASON_SOCKET_ERR`,
      `${ACTION.details}:FOHH_CLOSE_REASON_REDIRECT`,
    ]);

    expect(await autoReply(core(), message(sample("user-activity-syslog-no-reason.txt")), BOT)).toBeNull();
  });

  it("summarises more than three codes, one line each with a Details button", async () => {
    const codes = catalog.entries.slice(10, 16).map((e) => e.code);
    const out = posted((await autoReply(core(), message(codes.join(" ")), BOT))?.outgoing);
    expect(buttons(out.message.blocks).map((b) => b.value)).toEqual(codes);
    expect(out.message.text).toContain(`${codes.length} ZPA codes`);
    expect(messageViolations(out.message)).toEqual([]);
  });

  it("answers each code once per thread, and a new code in the same thread still", async () => {
    const bot = core();
    const first = message("BRK_MT_SETUP_TIMEOUT");
    expect(await autoReply(bot, first, BOT)).not.toBeNull();
    expect(await autoReply(bot, message("again BRK_MT_SETUP_TIMEOUT", { threadTs: first.ts }), BOT)).toBeNull();
    const later = await autoReply(bot, message("BRK_MT_SETUP_TIMEOUT and AST_MT_SETUP_ERR_OPEN_SERVER_CONN", { threadTs: first.ts }), BOT);
    expect(headers(posted(later?.outgoing).message)).toEqual(["AST_MT_SETUP_ERR_OPEN_SERVER_CONN"]);
    // Another thread is answered again.
    expect(await autoReply(bot, message("BRK_MT_SETUP_TIMEOUT"), BOT)).not.toBeNull();
  });

  it("answers a redelivered event once, unless sending the first answer failed", async () => {
    const bot = core();
    const incoming = message("BRK_MT_SETUP_TIMEOUT");
    const first = await autoReply(bot, incoming, BOT);
    expect(await autoReply(bot, incoming, BOT)).toBeNull();
    await first!.release();
    expect(await autoReply(bot, incoming, BOT)).not.toBeNull();
  });

  it("answers a message that also @mentions the bot only once", async () => {
    const bot = core();
    const incoming = message(`<@${BOT}> what is BRK_MT_SETUP_TIMEOUT?`);
    const replies = await Promise.all([autoReply(bot, incoming, BOT), autoReply(bot, { ...incoming, isMention: true }, BOT)]);
    expect(replies.filter((r) => r !== null)).toHaveLength(1);
  });

  it("ignores bots, itself, edits, deletions and joins; reads broadcasts and file shares", async () => {
    const ignored: Array<Partial<IncomingMessage>> = [
      { botId: "B0OTHER" },
      { user: BOT },
      { subtype: "message_changed" },
      { subtype: "message_deleted" },
      { subtype: "channel_join" },
      { subtype: "bot_message", botId: "B0OTHER" },
    ];
    for (const fields of ignored) {
      expect(await autoReply(core(), message("BRK_MT_SETUP_TIMEOUT", fields), BOT), JSON.stringify(fields)).toBeNull();
    }
    for (const subtype of ["thread_broadcast", "file_share"]) {
      expect(await autoReply(core(), message("BRK_MT_SETUP_TIMEOUT", { subtype }), BOT), subtype).not.toBeNull();
    }
  });

  it("honours AUTO_REPLY=off and AUTO_REPLY_CHANNELS, but still answers an explicit @mention", async () => {
    expect(await autoReply(core({ enabled: false }), message("BRK_MT_SETUP_TIMEOUT"), BOT)).toBeNull();
    expect(await autoReply(core({ enabled: false }), message("BRK_MT_SETUP_TIMEOUT", { isMention: true }), BOT)).not.toBeNull();
    const only = core({ channels: new Set(["C0OTHER"]) });
    expect(await autoReply(only, message("BRK_MT_SETUP_TIMEOUT"), BOT)).toBeNull();
    expect(await autoReply(only, message("BRK_MT_SETUP_TIMEOUT", { channel: "C0OTHER" }), BOT)).not.toBeNull();
  });

  it("stays silent on messages without codes, but tells someone who @mentions it", async () => {
    const bot = core();
    const incoming = message(`<@${BOT}> can you help?`);
    expect(await autoReply(bot, incoming, BOT)).toBeNull();
    const hint = posted((await autoReply(bot, { ...incoming, isMention: true }, BOT))?.outgoing);
    expect(hint.message.text).toContain("no ZPA status code");
    expect(await autoReply(bot, { ...incoming, isMention: true }, BOT)).toBeNull();
  });

  it("finds codes in text Slack delivered with entities", async () => {
    const out = posted((await autoReply(core(), message(decodeSlackEntities("&lt;error&gt; BRK_MT_SETUP_TIMEOUT&amp;retry")), BOT))?.outgoing);
    expect(headers(out.message)).toEqual(["BRK_MT_SETUP_TIMEOUT"]);
  });

  it("never echoes a typed mention unescaped", async () => {
    const out = await autoReply(core(), message("<!channel> <@U123> <!here> BRK_MT_SETUP_TIMEOUT", { isMention: true }), BOT);
    expect(JSON.stringify(out?.outgoing)).not.toMatch(LIVE_MENTION);
  });
});

describe("card buttons", () => {
  const base = { userId: "U0ALICE", channelId: "C0CHAN", fromEphemeral: true };

  it("Share posts the card visibly, credited to the clicker", () => {
    const [out] = handleCardAction(core(), { ...base, action: "share", code: "BRK_MT_SETUP_TIMEOUT" });
    expect(out?.kind === "respond" && out.visibility).toBe("in_channel");
    expect(out?.kind === "respond" && out.replaceOriginal).toBe(false);
    const message = out?.kind === "respond" ? out.message : undefined;
    expect(headers(message!)).toEqual(["BRK_MT_SETUP_TIMEOUT"]);
    expect(allText(message!)).toContain("Shared by <@U0ALICE>");
    expect(buttons(message!.blocks).some((b) => b.label === "Share in channel")).toBe(false);
  });

  it("a suggestion replaces the private answer with that code's card", () => {
    const [out] = handleCardAction(core(), { ...base, action: "show", code: "FOHH_CLOSE_REASON_CONNECT_TIMEOUT" });
    expect(out).toMatchObject({ kind: "respond", visibility: "ephemeral", replaceOriginal: true });
    expect(out?.kind === "respond" && headers(out.message)).toEqual(["FOHH_CLOSE_REASON_CONNECT_TIMEOUT"]);
  });

  it("Details in a thread shows the card to the clicker only, in that thread", () => {
    const [out] = handleCardAction(core(), { ...base, fromEphemeral: false, threadTs: "1700.1", action: "details", code: "BRK_MT_SETUP_TIMEOUT" });
    expect(out).toMatchObject({ kind: "postEphemeral", channel: "C0CHAN", user: "U0ALICE", threadTs: "1700.1" });
  });

  it("Details in a private answer adds a private card", () => {
    const [out] = handleCardAction(core(), { ...base, action: "details", code: "BRK_MT_SETUP_TIMEOUT" });
    expect(out).toMatchObject({ kind: "respond", visibility: "ephemeral", replaceOriginal: false });
  });

  it("routes a click by its action id, whatever code the id carries", async () => {
    const [out] = await handleAction(core(), { actionId: `${ACTION.show}:FOHH_CLOSE_REASON_CONNECT_TIMEOUT`, value: "FOHH_CLOSE_REASON_CONNECT_TIMEOUT", userId: "U0ALICE", fromEphemeral: true });
    expect(out).toMatchObject({ kind: "respond", replaceOriginal: true });
    const [home] = await handleAction(core(), { actionId: `${ACTION.homePage}:next`, value: "2", userId: "U0ALICE", fromEphemeral: false });
    expect(home?.kind).toBe("publishHome");
    expect(await handleAction(core(), { actionId: "zpa_unknown", value: "", userId: "U0ALICE", fromEphemeral: false })).toEqual([]);
  });

  it("a button for a code no longer in the catalog explains itself", () => {
    const [out] = handleCardAction(core(), { ...base, action: "share", code: "NO_SUCH_CODE" });
    expect(out).toMatchObject({ kind: "respond", visibility: "ephemeral" });
    expect(out?.kind === "respond" && out.message.text).toContain("no longer in the catalog");
    // It points to the command this bot actually answers.
    const [renamed] = handleCardAction({ ...core(), command: "/zpa-other" }, { ...base, action: "share", code: "NO_SUCH_CODE" });
    expect(renamed?.kind === "respond" && renamed.message.text).toContain("try /zpa-other again");
  });
});
