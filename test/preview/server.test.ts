// The preview server over real HTTP on an ephemeral loopback port: the page and its assets, the
// security headers, bounded and validated requests, and the JSON API driving the real bot logic.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/load.js";
import { ConfigError } from "../../src/config.js";
import type { PreviewBot } from "../../src/preview/payloads.js";
import { loadPreviewBot } from "../../src/preview/adapter.js";
import { MAX_BODY_BYTES } from "../../src/preview/http-body.js";
import { CONTENT_SECURITY_POLICY, startPreviewServer, type RunningPreview } from "../../src/preview/server.js";
import { readPreviewHost } from "../../src/preview/start.js";
import { startLocalPreview } from "../../src/preview/start.js";
import { SEARCH_MODAL } from "../../src/render/action-ids.js";

const catalog = loadCatalog();
let preview: RunningPreview;

beforeAll(async () => {
  preview = await startPreviewServer({ bot: loadPreviewBot(), port: 0 });
});
afterAll(async () => {
  await preview?.close();
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const response = await fetch(`${preview.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, json: await response.json() };
}

describe("serving the page", () => {
  it("listens on loopback only unless told otherwise", () => {
    expect(preview.host).toBe("127.0.0.1");
    expect((preview.server.address() as { address: string }).address).toBe("127.0.0.1");
  });

  it("answers /healthz", async () => {
    const response = await fetch(`${preview.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", mode: "preview" });
  });

  it("serves /metrics beside /healthz, counting lookups by how they matched and the resolver's confidence", async () => {
    const scrape = async (): Promise<string> => {
      const response = await fetch(`${preview.url}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
      return response.text();
    };
    // Summed over the series a pattern matches: a words lookup is counted under whichever confidence it earned.
    const count = (text: string, series: RegExp): number =>
      [...text.matchAll(new RegExp(`^zpa_codes_${series.source} (\\d+)$`, "gm"))].reduce((sum, match) => sum + Number(match[1]), 0);
    const series = [
      /lookups_total\{how="pasted",confidence="certain"\}/,
      /lookups_total\{how="words",confidence="(?:likely|possible)"\}/,
      /lookups_total\{how="none",confidence="none"\}/,
      /no_match_total/,
    ];
    const before = await scrape();
    const user = { id: "U0METRICS", name: "metrics" };
    for (const text of ["BRK_MT_SETUP_TIMEOUT", "connector cannot reach server", "qwzx blorf"]) {
      expect((await post("/api/command", { text, user, channelId: "C0PREVIEW" })).status).toBe(200);
    }
    const after = await scrape();
    expect(after).toMatch(/^zpa_codes_process_cpu_seconds_total /m);
    expect(series.map((name) => count(after, name) - count(before, name))).toEqual([1, 1, 1, 1]);
  });

  it("serves the page, its script and stylesheet locally under a CSP that allows no inline script", async () => {
    const page = await fetch(`${preview.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await page.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src="\/[^/]/); // same-origin file, no inline code
      expect(body!.trim()).toBe("");
    }
    expect(html).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//); // nothing from another host

    for (const [path, type] of [["/app.js", "text/javascript"], ["/style.css", "text/css"], ["/favicon.svg", "image/svg+xml"]] as const) {
      const asset = await fetch(`${preview.url}${path}`);
      expect(asset.status, path).toBe(200);
      expect(asset.headers.get("content-type"), path).toContain(type);
    }
  });

  it("says 404 for unknown paths and 405 for the wrong method", async () => {
    const missing = await fetch(`${preview.url}/nope`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toContain("/nope");
    expect((await fetch(`${preview.url}/api/command`)).status).toBe(405);
    expect((await fetch(`${preview.url}/healthz`, { method: "POST" })).status).toBe(405);
  });
});

describe("bad requests get a clear message", () => {
  it("rejects broken JSON, other content types, missing or oversized fields", async () => {
    expect(await post("/api/command", "{not json")).toEqual({ status: 400, json: { error: "The body is not valid JSON." } });
    expect((await post("/api/command", { text: "x" }, { "content-type": "text/plain" })).status).toBe(415);
    const missing = await post("/api/command", {});
    expect(missing.status).toBe(400);
    expect(missing.json.error).toMatch(/^text: /);
    const wrongAction = await post("/api/action", { actionId: "", container: "message" });
    expect(wrongAction.status).toBe(400);
    expect(wrongAction.json.error).toMatch(/^actionId: /);
    expect((await post("/api/message", { text: "   " })).json.error).toMatch(/^text: /);
  });

  it("bounds the body size", async () => {
    const big = await post("/api/message", { text: "x".repeat(MAX_BODY_BYTES + 1) });
    expect(big.status).toBe(413);
    expect(big.json.error).toContain("KB");
  });

  it("refuses API calls from pages of other origins", async () => {
    const response = await post("/api/command", { text: "help" }, { origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect((await post("/api/command", { text: "help" }, { origin: preview.url })).status).toBe(200);
  });

  it("reports a failing bot as a plain 500 and logs the details for the operator", async () => {
    const logged: string[] = [];
    const failing: PreviewBot = {
      command: async () => {
        throw new Error("index exploded");
      },
      message: async () => [],
      action: async () => [],
      submit: async () => [],
      home: async () => ({ type: "home", blocks: [] }),
    };
    const broken = await startPreviewServer({ bot: failing, port: 0, log: (line) => logged.push(line) });
    try {
      const response = await fetch(`${broken.url}/api/command`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "x" }),
      });
      expect(response.status).toBe(500);
      const body = await response.json();
      expect(body.error).not.toContain("index exploded");
      expect(logged.join("\n")).toContain("index exploded");
    } finally {
      await broken.close();
    }
  });
});

describe("the API in front of the real bot logic", () => {
  it("hands typed text to the bot as Slack would, so <!channel> is shown, never sent as a broadcast", async () => {
    const { status, json } = await post("/api/command", { text: "<!channel> <@U0EVIL> qwzx" });
    expect(status).toBe(200);
    const [reply] = json.replies;
    expect(reply.surface).toBe("ephemeral");
    const payloadText = JSON.stringify(reply.payload);
    expect(payloadText).not.toMatch(/<!channel>|<@U0EVIL>/);
    expect(reply.html).toContain("&lt;!channel&gt;");
    expect(reply.html).not.toContain("mk-broadcast");
  });

  it("a code in a channel message gets a thread reply tied to that message", async () => {
    const entry = catalog.entries[0]!;
    const { json } = await post("/api/message", { text: `seeing ${entry.code} since 9am` });
    expect(json.ts).toMatch(/^\d+\.\d{6}$/);
    expect(json.replies).toHaveLength(1);
    expect(json.replies[0]).toMatchObject({ surface: "thread" });
    expect(json.replies[0].html).toContain(entry.code);
  });

  it("a message starting with @zpa-code or @ZPA Codes is a direct question: always answered in the thread", async () => {
    const unaddressed = (await post("/api/message", { text: "is anyone else seeing this?" })).json;
    expect(unaddressed.replies).toEqual([]);
    const hint = (await post("/api/message", { text: "@zpa-code is anyone else seeing this?" })).json;
    expect(hint.replies).toHaveLength(1);
    expect(hint.replies[0].surface).toBe("thread");
    expect(hint.replies[0].html).toContain("found no ZPA status code");

    const entry = catalog.entries[1]!;
    const card = (await post("/api/message", { text: `@ZPA Codes what is ${entry.code.toLowerCase()}?` })).json;
    expect(card.replies).toHaveLength(1);
    expect(card.replies[0].html).toContain(entry.code);
    // The bot's own mention id never leaks into what the page shows.
    expect(JSON.stringify(card.replies[0].payload)).not.toContain("U0PREVIEWBOT");
  });

  it("/zpa-code auto off posts a note in the channel and stops unprompted replies there; auto on brings them back", async () => {
    const entry = catalog.entries[2]!;
    const off = (await post("/api/command", { text: "auto off" })).json;
    expect(off.replies.map((r: { surface: string }) => r.surface)).toEqual(["channel", "ephemeral"]);
    expect(off.replies[0].html).toContain("turned auto-replies");
    expect(off.replies[0].html).not.toContain("mk-broadcast");
    try {
      expect((await post("/api/message", { text: `seeing ${entry.code}` })).json.replies).toEqual([]);
      // A direct question is still answered.
      expect((await post("/api/message", { text: `@zpa-code ${entry.code}?` })).json.replies).toHaveLength(1);
    } finally {
      const on = (await post("/api/command", { text: "auto on" })).json;
      expect(on.replies.map((r: { surface: string }) => r.surface)).toEqual(["channel", "ephemeral"]);
    }
    expect((await post("/api/message", { text: `still seeing ${entry.code}` })).json.replies).toHaveLength(1);
  });

  it("App Home lists the codes pasted in the channel under Seen this week", async () => {
    const entry = catalog.entries.at(-2)!;
    await post("/api/message", { text: `got ${entry.code} twice today` });
    const home = (await post("/api/home", {})).json;
    expect(home.html).toContain("Seen this week");
    const seenRows = (home.payload.blocks as Array<{ block_id?: string }>).filter((b) => b.block_id?.startsWith("zpa_seen:"));
    expect(JSON.stringify(seenRows)).toContain(entry.code);
  });

  it("Share on a private card posts the card in the channel", async () => {
    const entry = catalog.entries.at(-1)!;
    const answer = (await post("/api/command", { text: entry.code })).json.replies[0];
    const share = /data-action-id="([^"]*)"[^>]*data-value="([^"]*)"[^>]*>Share in channel</.exec(answer.html);
    expect(share).not.toBeNull();
    const { json } = await post("/api/action", {
      actionId: share![1],
      value: share![2],
      container: "message",
      messageTs: answer.ts,
      messageEphemeral: true,
    });
    expect(json.replies).toHaveLength(1);
    expect(json.replies[0].surface).toBe("channel");
    expect(json.replies[0].html).toContain(entry.code);
    expect(json.replies[0].html).not.toContain("Only visible to you");
  });

  it("Home search: an empty query keeps the modal open with an error; a query narrows the Home tab", async () => {
    const home = (await post("/api/home", {})).json;
    expect(home.html).toContain("home-view");
    const metadata = home.payload.private_metadata as string;

    const empty = (await post("/api/submit", { callbackId: SEARCH_MODAL.callbackId, privateMetadata: metadata, values: { [SEARCH_MODAL.blockId]: { [SEARCH_MODAL.actionId]: "  " } } })).json;
    expect(empty.replies).toEqual([expect.objectContaining({ surface: "modal-errors", payload: { [SEARCH_MODAL.blockId]: expect.any(String) } })]);

    const entry = catalog.entries[Math.floor(catalog.entries.length / 2)]!;
    const found = (await post("/api/submit", { callbackId: SEARCH_MODAL.callbackId, privateMetadata: metadata, values: { [SEARCH_MODAL.blockId]: { [SEARCH_MODAL.actionId]: entry.code } } })).json;
    expect(found.replies).toHaveLength(1);
    expect(found.replies[0].surface).toBe("home");
    expect(found.replies[0].html).toContain(`data-value="${entry.code}"`);
  });
});

describe("PREVIEW_HOST", () => {
  it("is where the local preview listens, and its address is printed", async () => {
    const lines: string[] = [];
    const local = await startLocalPreview({ env: { PREVIEW_HOST: "127.0.0.1" }, port: 0, log: (line) => lines.push(line) });
    try {
      expect(lines.join("\n")).toContain(`${local.url}/`);
      expect((await fetch(`${local.url}/healthz`)).status).toBe(200);
    } finally {
      await local.close();
    }
    await expect(startLocalPreview({ env: { PREVIEW_HOST: "http://x" }, port: 0, log: () => {} })).rejects.toThrow(/^PREVIEW_HOST /);
  });

  it("defaults to loopback and accepts host names and addresses", () => {
    expect(readPreviewHost({})).toBe("127.0.0.1");
    expect(readPreviewHost({ PREVIEW_HOST: " 0.0.0.0 " })).toBe("0.0.0.0");
    expect(readPreviewHost({ PREVIEW_HOST: "localhost" })).toBe("localhost");
    expect(readPreviewHost({ PREVIEW_HOST: "[::1]" })).toBe("::1");
  });

  it("names the variable when the value is not a host", () => {
    for (const bad of ["http://0.0.0.0", "127.0.0.1:3000", "my host"]) {
      expect(() => readPreviewHost({ PREVIEW_HOST: bad })).toThrow(ConfigError);
      expect(() => readPreviewHost({ PREVIEW_HOST: bad })).toThrow(/^PREVIEW_HOST /);
    }
  });
});
