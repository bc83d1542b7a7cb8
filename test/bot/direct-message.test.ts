// DMs to the bot, Slack-free on the real catalog: codes answered like a pasted log, words like /zpa-code
// (without Share), every message answered once whatever the auto-reply settings, the reply under the message.
import { describe, expect, it } from "vitest";
import { autoReply, type IncomingMessage } from "../../src/bot/auto-reply.js";
import { createBot, type Bot } from "../../src/bot/bot.js";
import { handleCardAction } from "../../src/bot/card-actions.js";
import { answerCommand } from "../../src/bot/command.js";
import { loadCatalog } from "../../src/catalog/load.js";
import type { AutoReplySettings } from "../../src/config.js";
import { ACTION } from "../../src/render/action-ids.js";
import { messageViolations } from "../../src/render/limits.js";
import type { Message } from "../../src/render/types.js";
import { createSearch } from "../../src/search/index.js";
import { message, posted } from "../support/bot-messages.js";
import { buttonsOf, headersOf, LIVE_MENTION } from "../support/slack.js";

const catalog = loadCatalog();
const search = createSearch(catalog);
const BOT = "U0BOTUSER";
const DM = "D0ALICEDM";

function core(autoReplySettings: Partial<AutoReplySettings> = {}): Bot {
  return createBot({ catalog, search, autoReply: { enabled: true, channels: null, dedupeHours: 24, ...autoReplySettings } });
}

/** A person's message in their DM with the bot, as the Slack surface reads a message.im event. */
function dm(text: string, fields: Partial<IncomingMessage> = {}): IncomingMessage {
  return message(text, { channel: DM, channelType: "im", ...fields });
}

async function replyTo(bot: Bot, incoming: IncomingMessage) {
  return posted((await autoReply(bot, incoming, BOT))?.outgoing);
}

const actionIds = (answer: Message): string[] => buttonsOf(answer.blocks).map((b) => b.action_id);

describe("a DM to the bot", () => {
  it("answers a pasted code with the card a channel thread gets, under the message, even where auto-replies are off", async () => {
    const channelCard = (await replyTo(core(), message("users see BRK_MT_SETUP_TIMEOUT"))).message;
    for (const settings of [{}, { enabled: false }, { channels: new Set(["C0OTHER"]) }]) {
      const out = await replyTo(core(settings), dm("users see BRK_MT_SETUP_TIMEOUT since 9am"));
      expect(out.channel).toBe(DM);
      // Not in a new thread: a DM is a chat, the answer comes right below the question.
      expect(out.threadTs).toBeUndefined();
      expect(out.message).toEqual(channelCard);
    }
  });

  it("answers a message written in a DM thread in that thread", async () => {
    const out = await replyTo(core(), dm("AST_MT_SETUP_ERR_OPEN_SERVER_CONN", { threadTs: "1699999999.000001" }));
    expect(out.threadTs).toBe("1699999999.000001");
    expect(headersOf(out.message.blocks)).toEqual(["AST_MT_SETUP_ERR_OPEN_SERVER_CONN"]);
  });

  it("answers a pasted log with several codes like a channel: compact cards with Details buttons", async () => {
    const out = await replyTo(core(), dm("FOHH_CLOSE_REASON_SOCKET_ERR then FOHH_CLOSE_REASON_REDIRECT"));
    expect(actionIds(out.message)).toEqual([
      `${ACTION.details}:FOHH_CLOSE_REASON_SOCKET_ERR`,
      `${ACTION.details}:FOHH_CLOSE_REASON_REDIRECT`,
    ]);
  });

  it("answers words like /zpa-code: a likely card with runner-ups, but no Share button", async () => {
    const out = await replyTo(core(), dm("saml assertion too large"));
    const answer = out.message;
    expect(headersOf(answer.blocks)).toEqual([search.resolve("saml assertion too large").match!.code]);
    expect(JSON.stringify(answer)).toContain("Best match for your words");
    expect(actionIds(answer).some((id) => id.startsWith(`${ACTION.show}:`))).toBe(true);
    expect(actionIds(answer).some((id) => id.startsWith(ACTION.share))).toBe(false);
    // The slash command's answer to the same words, less its Share button.
    const slash = answerCommand(core(), { text: "saml assertion too large" });
    expect(actionIds(slash).filter((id) => !id.startsWith(ACTION.share))).toEqual(actionIds(answer));
    expect(messageViolations(answer)).toEqual([]);
  });

  it("answers words that fit several codes with the same short list /zpa-code gives", async () => {
    const answer = (await replyTo(core(), dm("saml assertion expired"))).message;
    expect(answer).toEqual(answerCommand(core(), { text: "saml assertion expired" }));
    expect(answer.text).toContain("Codes that match");
    expect(answer.text).toContain("ZPN_ERR_AUTH_SAML_EXPIRED");
  });

  it("answers help (also after an @mention of the bot), chit-chat and `auto on` with what /zpa-code would say", async () => {
    const help = (await replyTo(core(), dm(`<@${BOT}> help`))).message;
    expect(headersOf(help.blocks)).toEqual(["ZPA session status codes"]);
    expect((await replyTo(core(), dm("hello there"))).message.text).toContain("No code matches");
    expect((await replyTo(core(), dm("auto on"))).message.text).toContain("Auto-replies are set per channel");
  });

  it("answers a redelivered message once, a new message about the same code again, and after a failed send again", async () => {
    const bot = core();
    const incoming = dm("BRK_MT_SETUP_TIMEOUT");
    const first = await autoReply(bot, incoming, BOT);
    expect(first).not.toBeNull();
    expect(await autoReply(bot, incoming, BOT)).toBeNull();
    expect(await autoReply(bot, { ...incoming, isMention: true }, BOT)).toBeNull();
    expect(await autoReply(bot, dm("BRK_MT_SETUP_TIMEOUT again?"), BOT)).not.toBeNull();
    await first!.release();
    expect(await autoReply(bot, incoming, BOT)).not.toBeNull();

    const words = dm("saml assertion expired");
    expect(await autoReply(bot, words, BOT)).not.toBeNull();
    expect(await autoReply(bot, words, BOT)).toBeNull();
  });

  it("ignores its own messages, other bots and edits", async () => {
    for (const fields of [{ user: BOT }, { botId: "B0OTHER" }, { subtype: "bot_message", botId: "B0OTHER" }, { subtype: "message_changed" }]) {
      expect(await autoReply(core(), dm("BRK_MT_SETUP_TIMEOUT", fields), BOT), JSON.stringify(fields)).toBeNull();
      expect(await autoReply(core(), dm("saml assertion expired", fields), BOT), JSON.stringify(fields)).toBeNull();
    }
  });

  it("never echoes a typed mention unescaped", async () => {
    const out = await replyTo(core(), dm("<!channel> <@U123> <!here> saml timeout"));
    expect(JSON.stringify(out)).not.toMatch(LIVE_MENTION);
  });

  it("shows another code's card without Share when a Show button is clicked in the DM", () => {
    const code = "BRK_MT_AUTH_SAML_DECODE_FAIL";
    const inDm = handleCardAction(core(), { action: "show", code, userId: "U0ALICE", channelId: DM, fromEphemeral: false });
    const inChannel = handleCardAction(core(), { action: "show", code, userId: "U0ALICE", channelId: "C0CHAN", fromEphemeral: true });
    const idsOf = (out: (typeof inDm)[number] | undefined): string[] => (out?.kind === "respond" ? actionIds(out.message) : []);
    const share = `${ACTION.share}:${code}`;
    expect(idsOf(inChannel[0])).toContain(share);
    // The same card, the Share button alone left out (the ticket button and the rest stay).
    expect(idsOf(inDm[0])).toEqual(idsOf(inChannel[0]).filter((id) => id !== share));
  });
});
