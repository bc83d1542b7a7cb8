// One routing table for clicks: every button and select the bot renders (on real catalog cards,
// suggestions, summaries and App Home) reaches a handler, and the local preview answers each click
// with exactly what the Slack path sends.
import { describe, expect, it } from "vitest";
import { handleAction } from "../../src/bot/actions.js";
import { autoReply } from "../../src/bot/auto-reply.js";
import { answerCommand } from "../../src/bot/command.js";
import { createBot, type Bot } from "../../src/bot/bot.js";
import { openHome } from "../../src/bot/home-actions.js";
import type { Outgoing } from "../../src/bot/outgoing.js";
import { routeAction } from "../../src/bot/route-action.js";
import { loadCatalog } from "../../src/catalog/load.js";
import type { ActionInput as PreviewActionInput } from "../../src/preview/payloads.js";
import { createPreviewBot, outgoingToReplies } from "../../src/preview/adapter.js";
import { ACTION } from "../../src/render/action-ids.js";
import { createSearch } from "../../src/search/index.js";

const catalog = loadCatalog();
const search = createSearch(catalog);
const USER = { id: "U0ALICE", name: "alice" };
const CHANNEL = "C0HELPDESK";

function core(): Bot {
  return createBot({ catalog, search, autoReply: { enabled: true, channels: null, dedupeHours: 24 } });
}

interface Control {
  action_id: string;
  value?: string;
  options?: Array<{ value: string }>;
}

/** Every interactive element in a payload, wherever it sits (actions blocks, accessories). */
function controls(payload: unknown): Control[] {
  if (Array.isArray(payload)) return payload.flatMap(controls);
  if (payload === null || typeof payload !== "object") return [];
  const record = payload as Record<string, unknown>;
  const own = typeof record.action_id === "string" ? [record as unknown as Control] : [];
  return [...own, ...Object.values(record).flatMap(controls)];
}

function payloadsOf(outgoing: readonly Outgoing[]): unknown[] {
  return outgoing.map((out) => ("message" in out ? out.message : "view" in out ? out.view : out.errors));
}

describe("routeAction", () => {
  it("routes every button and select the bot renders", async () => {
    const bot = core();
    const rendered: unknown[] = [
      ...catalog.entries.map((entry) => answerCommand(bot, { text: entry.code })),
      answerCommand(bot, { text: "BRK_MT_SETUP_TIMEUOT" }), // typo: loose match with Show buttons
      answerCommand(bot, { text: "qwzx blorf" }),
      answerCommand(bot, { text: "BRK_MT_SETUP_NOT_A_REAL_CODE" }), // suggestions
      answerCommand(bot, { text: catalog.entries.slice(0, 6).map((e) => e.code).join(" ") }), // several codes
    ];
    const summary = await autoReply(
      bot,
      { channel: CHANNEL, user: USER.id, text: catalog.entries.slice(0, 8).map((e) => e.code).join(" "), ts: "1.1", isMention: false },
      "U0BOT",
    );
    rendered.push(...payloadsOf(summary ? [summary.outgoing] : []));
    rendered.push(...payloadsOf(await openHome(bot, { userId: USER.id })));
    for (const entry of catalog.entries.slice(0, 3)) {
      rendered.push(...payloadsOf(await handleAction(bot, { actionId: ACTION.homeView, value: entry.code, userId: USER.id, fromEphemeral: false, triggerId: "t" })));
    }

    const ids = new Set(controls(rendered).map((control) => control.action_id));
    // Cards, suggestions, summaries and App Home each contribute their own kinds of controls.
    const names = new Set([...ids].map((id) => id.split(":")[0]));
    for (const expected of [ACTION.share, ACTION.show, ACTION.details, ACTION.homeComponent, ACTION.homePage, ACTION.homeView]) {
      expect(names, expected).toContain(expected);
    }
    for (const id of ids) expect(routeAction(id), id).toBeDefined();
  });

  it("knows every action id the renderers can use, with or without a suffix, and nothing else", () => {
    for (const name of Object.values(ACTION)) {
      expect(routeAction(name), name).toBeDefined();
      expect(routeAction(`${name}:BRK_MT_SETUP_TIMEOUT`), name).toEqual(routeAction(name));
    }
    expect(routeAction(`${ACTION.share}:X`)).toEqual({ handler: "card", action: "share" });
    expect(routeAction(`${ACTION.homePage}:next`)).toEqual({ handler: "home", action: ACTION.homePage });
    for (const unknown of ["", "zpa_", "zpa_unknown", `${ACTION.share}x`, `x${ACTION.share}`, "probe"]) {
      expect(routeAction(unknown), unknown).toBeUndefined();
    }
  });
});

describe("the preview answers a click as Slack would", () => {
  const bot = core();
  const preview = createPreviewBot(bot);

  async function both(click: Omit<PreviewActionInput, "user" | "channelId">) {
    const shown = await preview.action({ ...click, user: USER, channelId: CHANNEL });
    const inMessage = click.container === "message";
    const sent = await handleAction(bot, {
      actionId: click.actionId,
      value: click.selectedValue ?? click.value ?? "",
      userId: USER.id,
      fromEphemeral: click.messageEphemeral === true,
      triggerId: "slack.trigger",
      ...(inMessage ? { channelId: CHANNEL } : {}),
      ...(click.threadTs ? { threadTs: click.threadTs } : {}),
      ...(click.privateMetadata ? { metadata: click.privateMetadata } : {}),
    });
    return { shown, expected: outgoingToReplies(sent) };
  }

  it("a suggestion replaces the private answer with that code's card", async () => {
    const noMatch = answerCommand(bot, { text: "BRK_MT_SETUP_NOT_A_REAL_CODE" });
    const suggestion = controls(noMatch).find((c) => c.action_id.startsWith(ACTION.show));
    expect(suggestion, "the no-match answer offers suggestions").toBeDefined();
    const { shown, expected } = await both({ actionId: suggestion!.action_id, value: suggestion!.value, container: "message", messageEphemeral: true });
    expect(shown).toEqual(expected);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ surface: "replace" });
    expect(JSON.stringify(shown[0])).toContain(suggestion!.value);
  });

  it("Share posts in the channel and Details in a thread stays private", async () => {
    const share = await both({ actionId: `${ACTION.share}:BRK_MT_SETUP_TIMEOUT`, value: "BRK_MT_SETUP_TIMEOUT", container: "message", messageEphemeral: true });
    expect(share.shown).toEqual(share.expected);
    expect(share.shown[0]?.surface).toBe("channel");
    const details = await both({ actionId: `${ACTION.details}:BRK_MT_SETUP_TIMEOUT`, value: "BRK_MT_SETUP_TIMEOUT", container: "message", threadTs: "1.1" });
    expect(details.shown).toEqual(details.expected);
    expect(details.shown[0]).toMatchObject({ surface: "thread", ephemeral: true });
  });

  it("App Home filters, pages and View give the same views", async () => {
    const [home] = await openHome(bot, { userId: USER.id });
    const metadata = home?.kind === "publishHome" ? home.view.private_metadata : undefined;
    const clicks: Array<Omit<PreviewActionInput, "user" | "channelId">> = [
      { actionId: ACTION.homeComponent, selectedValue: "AC", container: "home", privateMetadata: metadata },
      { actionId: `${ACTION.homePage}:next`, value: "2", container: "home", privateMetadata: metadata },
      { actionId: `${ACTION.homeView}:BRK_MT_SETUP_TIMEOUT`, value: "BRK_MT_SETUP_TIMEOUT", container: "home", privateMetadata: metadata },
    ];
    const surfaces: string[] = [];
    for (const click of clicks) {
      const { shown, expected } = await both(click);
      expect(shown, click.actionId).toEqual(expected);
      surfaces.push(...shown.map((reply) => reply.surface));
    }
    expect(surfaces).toEqual(["home", "home", "modal"]);
  });

  it("ignores an id the bot never rendered, as the Slack listener does", async () => {
    expect(await preview.action({ actionId: "zpa_unknown", value: "x", container: "message", user: USER, channelId: CHANNEL })).toEqual([]);
  });
});
