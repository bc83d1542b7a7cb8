// The Slack-free bot logic with state, on the real catalog and search and the in-process store:
// `/zpa-code auto`, the effective auto-reply decision, sightings once per message, the spike hint.
import { describe, expect, it } from "vitest";
import { answerAutoCommand, parseAutoCommand, type AutoCommandInput, type NoteResult } from "../../src/bot/auto-command.js";
import { autoReply, MAX_SPIKE_HINTS } from "../../src/bot/auto-reply.js";
import { createBot, type Bot } from "../../src/bot/bot.js";
import type { AutoReplySettings } from "../../src/config.js";
import { loadCatalog } from "../../src/catalog/load.js";
import { messageViolations } from "../../src/render/limits.js";
import type { Message } from "../../src/render/types.js";
import { createSearch } from "../../src/search/index.js";
import { DAY_MS } from "../../src/state/buckets.js";
import { createMemoryStore } from "../../src/state/memory-store.js";
import { createSightings, createUserHasher } from "../../src/state/sightings.js";
import { systemClock } from "../../src/state/store.js";
import { message, posted } from "../support/bot-messages.js";

const catalog = loadCatalog();
const search = createSearch(catalog);
const BOT = "U0BOTUSER";
const WINDOW_MS = 30 * 60_000;

function statefulCore(autoReplySettings: Partial<AutoReplySettings> = {}, spikeMinPeople = 3): Bot {
  const store = createMemoryStore({ retentionMs: 30 * DAY_MS, recentWindowMs: WINDOW_MS });
  const sightings = createSightings(store, { hashUser: createUserHasher("bot-state-test-salt-01"), spikeWindowMs: WINDOW_MS, spikeMinPeople });
  return createBot({ catalog, search, autoReply: { enabled: true, channels: null, dedupeHours: 24, ...autoReplySettings } }, { store, sightings, clock: systemClock });
}


const text = (message: Message): string => JSON.stringify(message.blocks);

/** Runs `/zpa-code <typed>` in a channel, collecting the notes the bot posts there. */
async function auto(core: Bot, typed: string, options: { channelId?: string; userId?: string; note?: NoteResult } = {}) {
  const notes: Message[] = [];
  const command = parseAutoCommand(typed);
  if (!command) throw new Error(`not an auto command: ${typed}`);
  const input: AutoCommandInput = {
    command,
    channelId: options.channelId ?? "C0CHAN",
    userId: options.userId ?? "U0CHANGER",
    postNote: async (note) => {
      if (options.note === "not_in_channel") return "not_in_channel";
      notes.push(note);
      return "posted";
    },
  };
  const answer = await answerAutoCommand(core, input);
  return { answer, notes };
}

describe("parsing `/zpa-code auto`", () => {
  it("reads on, off and status in any case, treats bare `auto` as status, and anything else as a usage question", () => {
    expect(parseAutoCommand("auto off")).toEqual({ kind: "set", autoReply: "off" });
    expect(parseAutoCommand("  AUTO   On ")).toEqual({ kind: "set", autoReply: "on" });
    expect(parseAutoCommand("auto status")).toEqual({ kind: "status" });
    expect(parseAutoCommand("auto")).toEqual({ kind: "status" });
    expect(parseAutoCommand("auto xyz")).toEqual({ kind: "usage", typed: "xyz" });
    expect(parseAutoCommand("auto off now")).toEqual({ kind: "usage", typed: "off now" });
    // Lookups are not auto commands.
    for (const lookup of ["BRK_MT_SETUP_TIMEOUT", "autoreply timeout", "", "help"]) expect(parseAutoCommand(lookup)).toBeNull();
  });
});

describe("`/zpa-code auto`", () => {
  it("status says the effective state and why: the environment default", async () => {
    const cases: Array<[Partial<AutoReplySettings>, RegExp]> = [
      [{}, /Auto-replies are \*on\* in this channel.*this bot's default \(every channel it is in\)/],
      [{ enabled: false }, /Auto-replies are \*off\* in this channel.*AUTO_REPLY=off/],
      [{ channels: new Set(["C0CHAN"]) }, /\*on\*.*is on the bot's list of auto-reply channels \(AUTO_REPLY_CHANNELS\)/],
      [{ channels: new Set(["C0OTHER"]) }, /\*off\*.*is not on the bot's list of auto-reply channels/],
    ];
    for (const [settings, expected] of cases) {
      const { answer, notes } = await auto(statefulCore(settings), "auto status");
      expect(text(answer), JSON.stringify(settings)).toMatch(expected);
      expect(text(answer)).toContain("An @mention of me is always answered");
      expect(notes).toEqual([]);
    }
  });

  it("off posts a note naming who did it, confirms privately, and status then names that person", async () => {
    const core = statefulCore();
    const { answer, notes } = await auto(core, "auto off", { userId: "U0CHANGER" });
    expect(notes).toHaveLength(1);
    expect(notes[0]!.blocks).toHaveLength(1);
    expect(notes[0]!.text).toMatch(/^:gear: <@U0CHANGER> turned auto-replies \*off\* in this channel/);
    expect(text(answer)).toContain("Done: auto-replies are now *off* in this channel");
    expect(messageViolations(answer)).toEqual([]);

    const status = await auto(core, "auto status", { userId: "U0SOMEONE" });
    expect(text(status.answer)).toMatch(/\*off\*.*<@U0CHANGER> turned them off here <!date\^\d+\^\{date_short_pretty\} at \{time\}\|\d{4}-\d\d-\d\d \d\d:\d\d UTC>/);
    // Off again: nothing changes, nothing is announced.
    const again = await auto(core, "auto off", { userId: "U0SOMEONE" });
    expect(again.notes).toEqual([]);
    expect(text(again.answer)).toContain("already *off*");
  });

  it("on overrides AUTO_REPLY=off for that channel only", async () => {
    const core = statefulCore({ enabled: false });
    expect(await autoReply(core, message("BRK_MT_SETUP_TIMEOUT"), BOT)).toBeNull();
    const { notes } = await auto(core, "auto on");
    expect(notes[0]!.text).toContain("turned auto-replies *on*");
    expect(await autoReply(core, message("BRK_MT_SETUP_TIMEOUT"), BOT)).not.toBeNull();
    expect(await autoReply(core, message("BRK_MT_SETUP_TIMEOUT", { channel: "C0ELSEWHERE" }), BOT)).toBeNull();
  });

  it("off silences pasted codes in that channel, but an @mention is still answered", async () => {
    const core = statefulCore({ channels: new Set(["C0CHAN"]) });
    await auto(core, "auto off");
    expect(await autoReply(core, message("BRK_MT_SETUP_TIMEOUT"), BOT)).toBeNull();
    expect(await autoReply(core, message("BRK_MT_SETUP_TIMEOUT", { isMention: true }), BOT)).not.toBeNull();
    await auto(core, "auto on");
    expect(await autoReply(core, message("BRK_MT_SETUP_TIMEOUT"), BOT)).not.toBeNull();
  });

  it("changes nothing where the bot cannot post its note, and says how to fix that", async () => {
    const core = statefulCore();
    const { answer } = await auto(core, "auto off", { note: "not_in_channel" });
    expect(text(answer)).toContain("I'm not a member of this channel");
    expect(text(answer)).toContain("nothing was changed");
    expect(text((await auto(core, "auto status")).answer)).toContain("*on*");
  });

  it("explains that it works per channel when run in a DM, and answers unknown words with usage, escaped", async () => {
    const core = statefulCore();
    expect(text((await auto(core, "auto off", { channelId: "D0DIRECT" })).answer)).toContain("Auto-replies are set per channel");
    const { answer, notes } = await auto(core, "auto <!channel> &lt;@U123&gt;");
    expect(notes).toEqual([]);
    expect(text(answer)).toContain("`/zpa-code auto off`");
    expect(text(answer)).toContain("&lt;!channel&gt;");
    expect(text(answer)).not.toMatch(/<!channel>|<@U123>/);
  });
});

describe("sightings and the spike hint", () => {
  it("counts each code once per message: its @mention event and Slack's retries add nothing", async () => {
    const core = statefulCore();
    const pasted = message("BRK_MT_SETUP_TIMEOUT and AST_MT_SETUP_ERR_OPEN_SERVER_CONN");
    await autoReply(core, pasted, BOT);
    await autoReply(core, pasted, BOT);
    await autoReply(core, { ...pasted, isMention: true }, BOT);
    // Same thread, another person: no second reply, but a sighting all the same.
    expect(await autoReply(core, message("BRK_MT_SETUP_TIMEOUT", { threadTs: pasted.ts, user: "U0BOB" }), BOT)).toBeNull();
    expect(await core.state!.sightings.top()).toEqual([
      { code: "BRK_MT_SETUP_TIMEOUT", count: 2, people: 2 },
      { code: "AST_MT_SETUP_ERR_OPEN_SERVER_CONN", count: 1, people: 1 },
    ]);
  });

  it("counts nothing where auto-replies are off, and nothing from bots", async () => {
    const core = statefulCore({ enabled: false });
    await autoReply(core, message("BRK_MT_SETUP_TIMEOUT"), BOT);
    await autoReply(core, message("BRK_MT_SETUP_TIMEOUT", { botId: "B0OTHER" }), BOT);
    expect(await core.state!.sightings.top()).toEqual([]);
  });

  it("adds the hint once, to the reply that makes SPIKE_MIN_PEOPLE distinct people, not again in the window", async () => {
    const core = statefulCore({}, 3);
    const replies: Message[] = [];
    for (const user of ["U0A", "U0A", "U0B", "U0C", "U0D"]) {
      replies.push(posted((await autoReply(core, message("users see BRK_MT_SETUP_TIMEOUT", { user }), BOT))?.outgoing).message);
    }
    const hinted = replies.map((reply) => text(reply).includes(":rotating_light:"));
    expect(hinted).toEqual([false, false, false, true, false]);
    expect(text(replies[3]!)).toContain(
      ":rotating_light: *BRK_MT_SETUP_TIMEOUT* seen 4 times by 3 people in this channel in the last 30 min: possibly an outage, not a single user's problem.",
    );
    expect(messageViolations(replies[3]!)).toEqual([]);
    // Another channel has its own count.
    const elsewhere = posted((await autoReply(core, message("BRK_MT_SETUP_TIMEOUT", { channel: "C0OTHER", user: "U0E" }), BOT))?.outgoing);
    expect(text(elsewhere.message)).not.toContain(":rotating_light:");
  });

  it("keeps the hint for a reply that is actually sent: a deduped message does not use it up, a failed send gives it back", async () => {
    const core = statefulCore({}, 2);
    const first = message("BRK_MT_SETUP_TIMEOUT", { user: "U0A" });
    await autoReply(core, first, BOT);
    // The second person posts in the same thread: the code is already explained there, so no reply.
    expect(await autoReply(core, message("BRK_MT_SETUP_TIMEOUT", { user: "U0B", threadTs: first.ts }), BOT)).toBeNull();
    const next = message("FOHH_CLOSE_REASON_SOCKET_ERR BRK_MT_SETUP_TIMEOUT AST_MT_SETUP_ERR_OPEN_SERVER_CONN", { user: "U0C" });
    const failed = await autoReply(core, next, BOT);
    expect(text(posted(failed?.outgoing).message)).toContain("*BRK_MT_SETUP_TIMEOUT* seen 3 times by 3 people");
    await failed!.release();
    const redelivered = await autoReply(core, next, BOT);
    const blocks = posted(redelivered?.outgoing).message;
    expect(text(blocks)).toContain(":rotating_light: *BRK_MT_SETUP_TIMEOUT*");
    expect(messageViolations(blocks)).toEqual([]);
  });

  it("names at most three spiking codes in one reply and keeps a summary of many codes within limits", async () => {
    const core = statefulCore({}, 1);
    const codes = catalog.entries.slice(0, 60).map((e) => e.code);
    const out = posted((await autoReply(core, message(codes.join(" ")), BOT))?.outgoing);
    expect(messageViolations(out.message)).toEqual([]);
    expect(text(out.message).match(/:rotating_light:/g)).toHaveLength(MAX_SPIKE_HINTS);
    // The fourth code's hint was not used up: its next reply carries it.
    const fourth = posted((await autoReply(core, message(codes[3]!), BOT))?.outgoing);
    expect(text(fourth.message)).toContain(`:rotating_light: *${codes[3]}*`);
  });
});
