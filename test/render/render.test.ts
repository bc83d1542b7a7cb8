// The Block Kit renderer on the real catalog: every card, list and modal fits Slack's limits,
// says what a reader needs, and shows hostile text instead of acting on it.
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/load.js";
import type { Entry } from "../../src/catalog/types.js";
import { ACTION } from "../../src/render/action-ids.js";
import { section } from "../../src/render/blocks.js";
import { renderCard } from "../../src/render/card.js";
import { clip, clipMrkdwn, escapeMrkdwn, mrkdwnLink } from "../../src/render/escape.js";
import { blockTextLength, LIMITS, messageViolations, viewViolations } from "../../src/render/limits.js";
import { renderCardModal } from "../../src/render/modals.js";
import { renderNoMatch } from "../../src/render/no-match.js";
import { SEVERITY_EMOJI } from "../../src/render/severity.js";
import { renderCompactCards, renderSummary } from "../../src/render/summary.js";
import type { Block, Message } from "../../src/render/types.js";

const catalog = loadCatalog();
const entries = catalog.entries;
const byCode = (code: string): Entry => {
  const entry = entries.find((e) => e.code === code);
  if (!entry) throw new Error(`${code} is not in the catalog`);
  return entry;
};

/** Every piece of text a reader sees, joined. */
function visibleText(blocks: readonly Block[]): string {
  return JSON.stringify(blocks);
}

/** Removes the markup this renderer builds on purpose (links, the sharer's mention); what's left must hold no < or >. */
function withoutOwnMarkup(text: string): string {
  return text.replace(/<https?:\/\/[^|<>\s]+\|[^<>]*>/g, "").replace(/<@[UW][A-Z0-9]+>/g, "");
}

function textsOf(message: Message): string[] {
  const out = [message.text];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (key === "text" && typeof inner === "string") out.push(inner);
        else walk(inner);
      }
    }
  };
  walk(message.blocks);
  return out;
}

describe("the card", () => {
  it("renders every catalog entry within Block Kit limits, with the facts a reader needs", () => {
    expect(entries.length).toBeGreaterThan(150);
    for (const entry of entries) {
      const card = renderCard(entry, { alsoNames: entries.filter((e) => entry.sharesTitleWith.includes(e.code)) });
      expect(messageViolations(card), entry.code).toEqual([]);
      const header = card.blocks[0];
      expect(header?.type === "header" && header.text.text, entry.code).toBe(entry.code);
      const shown = visibleText(card.blocks);
      expect(shown, entry.code).toContain(SEVERITY_EMOJI[entry.severity]);
      expect(shown, entry.code).toContain(escapeMrkdwn(entry.componentName));
      expect(shown, entry.code).toContain("Who acts");
      expect(textsOf(card).join("\n"), entry.code).toContain(`\n1. ${escapeMrkdwn(entry.remediation[0]!)}`);
      expect(card.text, entry.code).toContain(entry.code);
      for (const link of entry.links.slice(0, 5)) expect(shown, entry.code).toContain(`<${link.url}|`);
    }
  });

  it("numbers every remediation step in order", () => {
    const entry = entries.find((e) => e.remediation.length >= 3);
    expect(entry).toBeDefined();
    const shown = textsOf(renderCard(entry!)).join("\n");
    entry!.remediation.forEach((step, i) => expect(shown).toContain(`${i + 1}. ${escapeMrkdwn(step)}`));
  });

  it("shows both meanings of a code that has two table rows", () => {
    const entry = entries.find((e) => e.extraMeanings.length > 0);
    expect(entry?.code).toBe("ZPN_ERR_SCIM_INACTIVE");
    const shown = textsOf(renderCard(entry!)).join("\n");
    expect(shown).toContain(escapeMrkdwn(entry!.title));
    for (const meaning of entry!.extraMeanings) {
      expect(shown).toContain(escapeMrkdwn(meaning.title));
      expect(shown).toContain(escapeMrkdwn(meaning.remediation[0]!));
    }
  });

  it("says when the title also names another code, with a button for it", () => {
    const timeout = byCode("BRK_MT_SETUP_TIMEOUT");
    const other = byCode(timeout.sharesTitleWith[0]!);
    const card = renderCard(timeout, { alsoNames: [other], alsoNamesAction: "show" });
    expect(textsOf(card).join("\n")).toContain(`This title also names \`${other.code}\``);
    const buttons = card.blocks.flatMap((b) => (b.type === "actions" ? b.elements : []));
    expect(buttons.some((b) => b.action_id === `${ACTION.show}:${other.code}`)).toBe(true);
  });

  it("names the source page as a link and marks advice the page did not give", () => {
    const fallback = entries.find((e) => e.remediationSource === "fallback");
    expect(fallback).toBeDefined();
    const shown = textsOf(renderCard(fallback!)).join("\n");
    expect(shown).toMatch(/general advice/i);
    expect(shown).toMatch(/:books: <https:\/\/help\.zscaler\.com\/[^|]+\|/);
  });

  it("escapes catalog text that contains &, < or >", () => {
    const risky = entries.filter((e) => /[<>&]/.test(e.title + e.description + e.remediation.join("")));
    expect(risky.length).toBeGreaterThan(0);
    for (const entry of risky) {
      for (const text of textsOf(renderCard(entry))) {
        expect(withoutOwnMarkup(text), entry.code).not.toMatch(/[<>]/);
      }
    }
  });

  it("stays within limits when an entry's texts are far longer than any today", () => {
    const base = byCode("BRK_MT_SETUP_TIMEOUT");
    const huge: Entry = {
      ...base,
      title: "T&<".repeat(400),
      description: "Very long description with <!channel> & more. ".repeat(300),
      remediation: Array.from({ length: 60 }, (_, i) => `Step ${i} ${"do the thing & check <x>. ".repeat(20)}`),
      extraMeanings: Array.from({ length: 4 }, () => ({ title: "M".repeat(500), description: "D".repeat(5000), remediation: ["R".repeat(4000)] })),
      altTitles: Array.from({ length: 50 }, (_, i) => `alt title ${i} ${"x".repeat(100)}`),
      links: Array.from({ length: 30 }, (_, i) => ({ title: `Link ${i}`, url: `https://help.zscaler.com/zpa/${"p".repeat(300)}${i}` })),
    };
    const card = renderCard(huge, { alsoNames: entries.slice(0, 20), alsoNamesAction: "show", sharedBy: "U0TESTUSER" });
    expect(messageViolations(card)).toEqual([]);
    for (const text of textsOf(card)) expect(withoutOwnMarkup(text)).not.toMatch(/[<>]/);
  });

  it("opens as a modal within view limits for every entry", () => {
    for (const entry of entries) expect(viewViolations(renderCardModal(renderCard(entry))), entry.code).toEqual([]);
  });
});

describe("several codes", () => {
  it("compact cards for every run of three catalog codes fit a message and offer Details", () => {
    for (let i = 0; i + 3 <= entries.length; i += 3) {
      const three = entries.slice(i, i + 3);
      const message = renderCompactCards(three, ACTION.details);
      expect(messageViolations(message), three.map((e) => e.code).join()).toEqual([]);
      const ids = message.blocks.flatMap((b) => (b.type === "section" && b.accessory ? [b.accessory.action_id] : []));
      expect(ids).toEqual(three.map((e) => `${ACTION.details}:${e.code}`));
    }
  });

  it("a summary of the whole catalog fits one message and counts the codes it could not list", () => {
    const message = renderSummary(entries, ACTION.details);
    expect(messageViolations(message)).toEqual([]);
    const rows = message.blocks.filter((b) => b.type === "section" && b.accessory);
    const more = /…and (\d+) more: (\S+?),/.exec(textsOf(message).join("\n"));
    expect(more).not.toBeNull();
    expect(rows.length + Number(more![1])).toBe(entries.length);
    expect(more![2]).toBe(entries[rows.length]!.code);
  });

  it("summaries of 4 to 60 codes fit, one line with severity emoji, code and title per code", () => {
    for (const count of [4, 10, 25, 45, 60]) {
      const some = entries.slice(0, count);
      const message = renderSummary(some, ACTION.details);
      expect(messageViolations(message), String(count)).toEqual([]);
      const rows = message.blocks.filter((b) => b.type === "section" && b.accessory);
      expect(rows.length).toBeGreaterThan(Math.min(count, 40) - 1);
      const first = rows[0];
      expect(first?.type === "section" && first.text?.text).toContain(`${SEVERITY_EMOJI[some[0]!.severity]} \`${some[0]!.code}\``);
    }
  });
});

describe("escaping and the limits checker", () => {
  it("escapes &, < and > so mentions typed by users are shown, not acted on", () => {
    expect(escapeMrkdwn("<!channel> & <@U123> <!here>")).toBe("&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;!here&gt;");
  });

  it("echoes a hostile query escaped and bounded in the no-match answer", () => {
    const query = `<!channel> <@U123> <!here> ${"x".repeat(5000)}`;
    const message = renderNoMatch(query, entries.slice(0, 9), "/zpa-code");
    expect(messageViolations(message)).toEqual([]);
    const all = textsOf(message).join("\n");
    expect(all).not.toMatch(/<!channel>|<!here>|<@U123>/);
    expect(all).toContain("&lt;!channel&gt;");
    expect(all.length).toBeLessThan(3000);
    const buttons = message.blocks.flatMap((b) => (b.type === "section" && b.accessory ? [b.accessory] : []));
    expect(buttons).toHaveLength(5);
  });

  it("builds links that a label cannot break out of", () => {
    expect(mrkdwnLink("https://example.com/a?b=1&c=2", "A|B <x>")).toBe("<https://example.com/a?b=1&amp;c=2|A/B &lt;x&gt;>");
    expect(mrkdwnLink("javascript:alert(1)", "click")).toBe("click");
  });

  it("never cuts an entity or a link in half when shortening", () => {
    const text = `${"a".repeat(95)}&amp;${"b".repeat(10)}`;
    expect(clipMrkdwn(text, 98)).toBe(`${"a".repeat(95)}…`);
    const link = `${"a".repeat(90)}<https://x.example/|label> tail`;
    expect(clipMrkdwn(link, 100)).toBe(`${"a".repeat(90)}…`);
  });

  it("never cuts an emoji in half when shortening", () => {
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/;
    for (const text of ["😀".repeat(100), `a${"😀".repeat(100)}`]) {
      for (const max of [79, 80, 81]) {
        expect(clip(text, max)).not.toMatch(loneSurrogate);
        expect(clipMrkdwn(text, max)).not.toMatch(loneSurrogate);
        expect(clip(text, max).length).toBeLessThanOrEqual(max);
      }
    }
    const query = `${"😀".repeat(300)} <!channel>`;
    expect(renderNoMatch(query, [], "/zpa-code").text).not.toMatch(loneSurrogate);
  });

  it("reports oversized sections, too many blocks and too much text", () => {
    const long = section("x".repeat(10));
    (long as { text: { text: string } }).text.text = "x".repeat(LIMITS.sectionText + 1);
    expect(messageViolations({ text: "t", blocks: [long] }).join()).toMatch(/section text 3001 > 3000/);
    const many = Array.from({ length: 51 }, () => section("y"));
    expect(messageViolations({ text: "t", blocks: many }).join()).toMatch(/message blocks 51 > 50/);
    const wordy = Array.from({ length: 5 }, () => section("z".repeat(2_900)));
    expect(blockTextLength(wordy)).toBeGreaterThan(LIMITS.blockCharsPerMessage);
    expect(messageViolations({ text: "t", blocks: wordy }).join()).toMatch(/block text/);
  });
});
