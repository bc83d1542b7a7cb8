// The preview's Block Kit -> HTML renderer: what a reviewer sees for each block and mrkdwn form,
// and that nothing inside a payload can become markup, a script or a dangerous link.
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/load.js";
import { blocksToHtml, jsonToggleHtml, messageToHtml, modalToHtml } from "../../src/preview/blockkit-html.js";
import { mrkdwnToHtml, plainTextToHtml } from "../../src/preview/mrkdwn-html.js";
import { renderCard } from "../../src/render/card.js";

const catalog = loadCatalog();

const ALLOWED_TAGS = new Set(
  "a article blockquote br button code details div em footer h2 h3 header hr input label li ol optgroup option pre s section select span strong summary textarea ul".split(" "),
);
const ALLOWED_ATTRIBUTES = new Set(
  "class href target rel value selected disabled type title role label placeholder maxlength aria-label aria-hidden aria-modal data-block-id data-action-id data-value data-ts data-callback-id data-private-metadata data-modal-submit data-modal-close data-copy-json".split(" "),
);
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:="[^"<>]*")?)*)\s*>/g;
const ATTRIBUTE = /([a-zA-Z-]+)(?:="([^"]*)")?/g;

/** Fails unless every tag and attribute is one the renderer means to emit and every href is http(s)/mailto. */
function expectSafeHtml(html: string): void {
  for (const [, tag, attributes] of html.matchAll(TAG)) {
    expect(ALLOWED_TAGS, `tag <${tag}>`).toContain(tag!.toLowerCase());
    for (const [, name, value] of attributes!.matchAll(ATTRIBUTE)) {
      expect(ALLOWED_ATTRIBUTES, `attribute ${name} on <${tag}>`).toContain(name!.toLowerCase());
      if (name === "href") expect(decodeHtml(value ?? "")).toMatch(/^(https?:\/\/|mailto:)/i);
    }
  }
  // With every real tag removed, a "<" left over would be markup the browser might still parse.
  expect(html.replace(TAG, "")).not.toMatch(/[<>]/);
}

function decodeHtml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Roughly what a reader sees: tags dropped (line breaks kept as spaces), entities decoded. */
function visibleText(html: string): string {
  return decodeHtml(html.replace(/<br>/g, "\n").replace(TAG, " ")).replace(/[ \t]+/g, " ").trim();
}

const mrkdwn = (text: string) => ({ type: "mrkdwn", text });
const plain = (text: string) => ({ type: "plain_text", text, emoji: true });

describe("mrkdwn formatting", () => {
  it("renders bold, italic, strike, inline code and code blocks", () => {
    const html = mrkdwnToHtml("*Severity* _maybe_ ~old~ `code` and\n```line 1\nline 2```");
    expect(html).toContain("<strong>Severity</strong>");
    expect(html).toContain("<em>maybe</em>");
    expect(html).toContain("<s>old</s>");
    expect(html).toContain('<code class="mk-code">code</code>');
    expect(html).toContain('<pre class="mk-pre">line 1\nline 2</pre>');
  });

  it("leaves the underscores of every real catalog code alone (no italics inside a word)", () => {
    for (const entry of catalog.entries) {
      const html = mrkdwnToHtml(`Code ${entry.code} seen`);
      expect(html).not.toContain("<em>");
      expect(visibleText(html)).toBe(`Code ${entry.code} seen`);
    }
  });

  it("nests formatting and keeps markers that are not formatting as text", () => {
    expect(mrkdwnToHtml("*bold _and italic_*")).toBe("<strong>bold <em>and italic</em></strong>");
    expect(visibleText(mrkdwnToHtml("2 * 3 * 4 and snake_case_name"))).toBe("2 * 3 * 4 and snake_case_name");
  });

  it("shows code and code blocks verbatim, without formatting or emoji", () => {
    expect(mrkdwnToHtml("`*not bold* :warning:`")).toBe('<code class="mk-code">*not bold* :warning:</code>');
    expect(visibleText(mrkdwnToHtml("```*x* &lt;y&gt;```"))).toBe("*x* <y>");
  });

  it("turns http, https and mailto links into anchors that open safely", () => {
    const html = mrkdwnToHtml("<https://help.zscaler.com/zpa|ZPA help> <http://example.com/a?b=1&amp;c=2> <mailto:help@example.com|mail us>");
    expect(html).toContain('<a class="mk-link" href="https://help.zscaler.com/zpa" target="_blank" rel="noopener noreferrer">ZPA help</a>');
    expect(html).toContain('href="http://example.com/a?b=1&amp;c=2"');
    expect(visibleText(html)).toContain("http://example.com/a?b=1&c=2");
    expect(html).toContain('href="mailto:help@example.com"');
    expectSafeHtml(html);
  });

  it("shows javascript:, data: and relative links as text, never as links", () => {
    for (const link of ["<javascript:alert(1)|click me>", "<JaVaScRiPt:alert(1)>", "<data:text/html,hi|x>", "</etc/passwd|x>", "< javascript:alert(1)|x>"]) {
      const html = mrkdwnToHtml(link);
      expect(html).not.toContain("<a ");
      expect(visibleText(html)).toContain(link.slice(1, -1).trim());
      expectSafeHtml(html);
    }
  });

  it("shows Slack-escaped <!channel> literally and flags a real broadcast", () => {
    const escaped = mrkdwnToHtml("You typed &lt;!channel&gt; and &lt;@U123&gt;");
    expect(visibleText(escaped)).toBe("You typed <!channel> and <@U123>");
    expect(escaped).not.toContain("mk-broadcast");
    expect(escaped).not.toContain("mk-mention");

    const real = mrkdwnToHtml("<!channel> hey <!here|here>");
    expect(real).toContain('<span class="mk-mention mk-broadcast" title="This would notify everyone">@channel</span>');
    expect(real).toContain("@here</span>");
  });

  it("shows mentions and channel links by their label", () => {
    const html = mrkdwnToHtml("shared by <@U0ABCDEF> in <#C0123|helpdesk>");
    expect(visibleText(html)).toBe("shared by @U0ABCDEF in #helpdesk");
  });

  it("decodes the three entities Slack sends exactly once", () => {
    expect(visibleText(mrkdwnToHtml("A &amp; B &lt;3 &gt; 2, &amp;lt; stays"))).toBe("A & B <3 > 2, &lt; stays");
    expect(visibleText(mrkdwnToHtml("&quot;kept&quot;"))).toBe("&quot;kept&quot;");
  });

  it("renders numbered lines as an ordered list with their numbers, and bullets as a list", () => {
    const html = mrkdwnToHtml("*What to do*\n1. Check the connector\n2. Retry\n• <https://a.example|Docs>\n- Other");
    expect(html).toBe(
      "<strong>What to do</strong>" +
        '<ol class="mk-list"><li value="1">Check the connector</li><li value="2">Retry</li></ol>' +
        '<ul class="mk-list"><li><a class="mk-link" href="https://a.example/" target="_blank" rel="noopener noreferrer">Docs</a></li><li>Other</li></ul>',
    );
  });

  it("keeps line breaks and quotes", () => {
    expect(mrkdwnToHtml("one\ntwo\n\nthree")).toBe("one<br>two<br><br>three");
    expect(mrkdwnToHtml("&gt; quoted\n&gt; more")).toBe('<blockquote class="mk-quote">quoted<br>more</blockquote>');
  });

  it("maps known emoji shortcodes to Unicode and leaves unknown ones as text", () => {
    const html = mrkdwnToHtml(":red_circle: :no_entry: :information_source: :white_check_mark: :warning: :mag: :bulb: :not_an_emoji_x:");
    expect(visibleText(html)).toBe("🔴 ⛔ ℹ️ ✅ ⚠️ 🔍 💡 :not_an_emoji_x:");
    expect(visibleText(mrkdwnToHtml("at 10:30:00"))).toBe("at 10:30:00");
  });

  it("plain_text shows text as sent, with emoji only when allowed", () => {
    expect(plainTextToHtml("*not bold* <b> :warning:")).toBe("*not bold* &lt;b&gt; ⚠️");
    expect(plainTextToHtml(":warning:", false)).toBe(":warning:");
  });
});

describe("blocks", () => {
  it("renders header, section text, fields and a button accessory with its ids", () => {
    const html = blocksToHtml([
      { type: "header", text: plain("BRK_MT_SETUP_TIMEOUT") },
      {
        type: "section",
        block_id: "summary",
        text: mrkdwn("*SE: Connection request timed out*"),
        fields: [mrkdwn("*Severity*\n:red_circle: Error"), mrkdwn("*Who acts*\nYour ZPA admin")],
        accessory: { type: "button", text: plain("Share"), action_id: "zpa_share:X", value: "X", style: "primary" },
      },
    ]);
    expect(html).toContain('<h3 class="bk-header-text">BRK_MT_SETUP_TIMEOUT</h3>');
    expect(html).toContain('<div class="bk-fields"><div class="bk-field"><strong>Severity</strong><br>🔴 Error</div>');
    expect(html).toContain(
      '<button type="button" class="bk-button bk-primary" data-action-id="zpa_share:X" data-block-id="summary" data-value="X">Share</button>',
    );
    expectSafeHtml(html);
  });

  it("renders context text and images (as a local placeholder), dividers and actions", () => {
    const html = blocksToHtml([
      { type: "context", elements: [mrkdwn("Source: _page_"), plain("plain"), { type: "image", image_url: "https://x.example/a.png", alt_text: "logo" }] },
      { type: "divider" },
      {
        type: "actions",
        block_id: "nav",
        elements: [
          { type: "button", text: plain("Delete"), action_id: "del", value: "1", style: "danger" },
          {
            type: "static_select",
            action_id: "pick",
            placeholder: plain("Component"),
            options: [{ text: plain("App Connector"), value: "AC" }, { text: plain("Service Edge"), value: "SE" }],
            initial_option: { text: plain("Service Edge"), value: "SE" },
          },
        ],
      },
    ]);
    expect(html).toContain('<span class="bk-context-item">Source: <em>page</em></span>');
    expect(html).toContain('aria-label="logo"');
    expect(html).not.toContain("x.example");
    expect(html).toContain('<hr class="bk-divider">');
    expect(html).toContain('class="bk-button bk-danger" data-action-id="del" data-block-id="nav" data-value="1"');
    expect(html).toContain('<select class="bk-select" data-action-id="pick" data-block-id="nav" aria-label="Component">');
    expect(html).toContain('<option value="SE" selected>Service Edge</option>');
    expectSafeHtml(html);
  });

  it("renders a modal with its input blocks and wired Close/Submit buttons", () => {
    const html = modalToHtml({
      type: "modal",
      callback_id: "search_modal",
      title: plain("Search codes"),
      close: plain("Cancel"),
      submit: plain("Search"),
      blocks: [
        {
          type: "input",
          block_id: "q",
          label: plain("Code or words"),
          element: { type: "plain_text_input", action_id: "q_input", placeholder: plain("e.g. timeout"), max_length: 200 },
        },
      ],
    });
    expect(html).toContain('data-callback-id="search_modal"');
    expect(html).toContain('<input type="text" class="bk-text-input" data-action-id="q_input" data-block-id="q" placeholder="e.g. timeout" maxlength="200" value="">');
    expect(visibleText(html)).toMatch(/Search codes.*Code or words.*Cancel.*Search/s);
    expect(html).toContain("data-modal-submit");
    expectSafeHtml(html);
  });

  it("says which block or element it cannot show instead of dropping it", () => {
    const html = blocksToHtml([{ type: "rich_text" }, { type: "actions", elements: [{ type: "datepicker", action_id: "d" }] }, "junk"]);
    expect(visibleText(html)).toContain("Unsupported block: rich_text");
    expect(visibleText(html)).toContain("Unsupported element: datepicker");
    expect(visibleText(html)).toContain("Unsupported block: missing type");
  });

  it("shows a message's text when it has no blocks, as Slack does", () => {
    expect(visibleText(messageToHtml({ text: "*Hi* :wave:" }))).toBe("Hi 👋");
  });

  it("puts the exact payload, escaped, behind the JSON toggle", () => {
    const payload = { text: "</pre><script>alert(1)</script>", blocks: [] };
    const html = jsonToggleHtml(payload);
    expect(html).toContain("<summary>Show Block Kit JSON</summary>");
    expect(JSON.parse(decodeHtml(/<pre class="bk-json-code">([\s\S]*)<\/pre>/.exec(html)![1]!))).toEqual(payload);
    expectSafeHtml(html);
  });
});

describe("hostile payloads stay text", () => {
  const probes = [
    "<img src=x onerror=alert(1)>",
    '"><script>alert(1)</script>',
    "'><svg onload=alert(1)>",
    "<javascript:alert(document.cookie)|click>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "*<img src=x onerror=alert(1)>*",
    "`</code><script>x</script>`",
    '<https://ok.example/"onmouseover="alert(1)|x>',
  ];

  it.each(probes)("%s in every text position", (probe) => {
    const html = blocksToHtml([
      { type: "header", text: plain(probe) },
      { type: "section", block_id: probe, text: mrkdwn(probe), fields: [mrkdwn(probe), plain(probe)] },
      { type: "context", elements: [mrkdwn(probe), { type: "image", image_url: probe, alt_text: probe }] },
      {
        type: "actions",
        block_id: probe,
        elements: [
          { type: "button", text: plain(probe), action_id: probe, value: probe, url: probe },
          { type: "static_select", action_id: probe, placeholder: plain(probe), options: [{ text: plain(probe), value: probe }] },
        ],
      },
      { type: "input", block_id: probe, label: plain(probe), element: { type: "plain_text_input", action_id: probe, initial_value: probe, multiline: true } },
      { type: probe },
    ]);
    expectSafeHtml(html);
    expectSafeHtml(modalToHtml({ type: "modal", callback_id: probe, title: plain(probe), blocks: [] }));
    expectSafeHtml(jsonToggleHtml({ probe }));
  });
});

describe("real cards", () => {
  it("renders the card of every catalog code with its code, severity and numbered steps", () => {
    for (const entry of catalog.entries) {
      const html = messageToHtml(renderCard(entry));
      expectSafeHtml(html);
      const text = visibleText(html);
      expect(text).not.toContain("Unsupported");
      expect(text).toContain(entry.code);
      expect(text.toLowerCase()).toContain(entry.severity === "success" ? "success" : entry.severity);
      expect(html).toMatch(/<ol class="mk-list"><li value="1">/);
      expect(text).not.toMatch(/:[a-z_]+:/); // every shortcode the cards use is known to the preview
    }
  });
});
