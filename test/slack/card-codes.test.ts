// No card offers the same code twice, through the real Bolt app over HTTP: /zpa-code for every catalog
// code, exactly and mistyped, and a pasted multi-code log (one summary, one Details button per code).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/load.js";
import type { Block } from "../../src/render/types.js";
import { startHttpTestApp, type HttpTestApp } from "../support/app.js";
import { offeredCodes, typo } from "../support/offered-codes.js";
import { postSlashCommand } from "../support/sign.js";
import { buttonsOf } from "../support/slack.js";

const catalog = loadCatalog();
let t: HttpTestApp;

beforeAll(async () => {
  t = await startHttpTestApp();
});
afterAll(async () => {
  await t.close();
});

/** A lookup is answered in the acknowledgement's body. */
async function command(text: string): Promise<{ text: string; blocks: Block[] }> {
  const res = await postSlashCommand(t.baseUrl, t.signingSecret, { text, response_url: t.api.responseUrl() });
  expect(res.status).toBe(200);
  return (await res.json()) as { text: string; blocks: Block[] };
}

describe("codes on /zpa-code answers, through Bolt", () => {
  it("offers FOHH_CLOSE_REASON_CONNECT_TIMEOUT once for the typo 'brk_mt_setup_timout', as the issue reported", async () => {
    const answer = await command("brk_mt_setup_timout");
    expect(JSON.stringify(answer.blocks)).toContain("BRK_MT_SETUP_TIMEOUT");
    expect(offeredCodes(answer.blocks).filter((code) => code === "FOHH_CLOSE_REASON_CONNECT_TIMEOUT")).toHaveLength(1);
  });

  it("never offers a code twice, nor the card's own code, for any catalog code typed exactly or mistyped", async () => {
    for (const entry of catalog.entries) {
      for (const text of [entry.code, typo(entry.code)]) {
        const offered = offeredCodes((await command(text)).blocks);
        expect(new Set(offered).size, `${text}: ${offered.join(", ")}`).toBe(offered.length);
        if (text === entry.code) expect(offered, text).not.toContain(entry.code);
      }
    }
  });

  it("answers a pasted log of several codes with one summary and one Details button per code, each once", async () => {
    const codes = ["BRK_MT_SETUP_TIMEOUT", "AST_MT_SETUP_ERR_OPEN_SERVER_CONN", "ZPN_ERR_SCIM_INACTIVE"];
    const log = codes.map((code, i) => `2026-11-30T09:0${i}:00Z zpa session status=${code}`);
    const answer = await command([...log, log[0]].join("\n"));
    expect(offeredCodes(answer.blocks)).toEqual(codes);
    expect(buttonsOf(answer.blocks).filter((b) => b.text.text === "Details")).toHaveLength(codes.length);
    // A compact summary, not full cards: no card's "What to do" steps.
    expect(JSON.stringify(answer.blocks)).not.toContain("*What to do*");
  });
});
