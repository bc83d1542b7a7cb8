// Team notes and the support-ticket section end to end over HTTP: signed requests into the real Bolt
// app with a runbook file and RUNBOOK_EDITORS, Web API calls recorded by the fake Slack API.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { State } from "../../src/state/open.js";
import { loadCatalog } from "../../src/catalog/load.js";
import { ACTION, NOTE_MODAL } from "../../src/render/action-ids.js";
import { messageViolations, viewViolations } from "../../src/render/limits.js";
import { TEAM_HEADING } from "../../src/render/team-notes.js";
import { ticketPlacement } from "../../src/render/ticket.js";
import type { Message } from "../../src/render/types.js";
import { exportRunbook } from "../../src/runbook/export.js";
import { notesFor } from "../../src/runbook/notes.js";
import { codeLookup } from "../../src/runbook/open.js";
import { parseRunbook } from "../../src/runbook/parse.js";
import { fixedRunbook } from "../../src/runbook/source.js";
import { createSearch } from "../../src/search/index.js";
import { startHttpTestApp, type HttpTestApp } from "../support/app.js";
import { blockActions, nextTs, TEST_TEAM_ID, TEST_USER_ID } from "../support/payloads.js";
import { postInteraction, postSlashCommand } from "../support/sign.js";
import { openTestState } from "../support/state.js";
import { buttonsOf, viewSubmission } from "../support/slack.js";

const EDITOR = "U0EDITOR1";
const GROUP_MEMBER = "U0GROUPIE";
const GROUP = "S0RUNBOOK";
const catalog = loadCatalog();
const search = createSearch(catalog);
const exampleText = readFileSync(fileURLToPath(new URL("../../runbook.example.yml", import.meta.url)), "utf8");
const runbook = parseRunbook(exampleText, "runbook.yml", codeLookup(search));

let t: HttpTestApp;
let state: State;

beforeAll(async () => {
  state = await openTestState("in-process");
  t = await startHttpTestApp({
    state,
    bot: { runbook: fixedRunbook(runbook), editors: { users: new Set([EDITOR]), groups: new Set([GROUP]) } },
  });
  t.api.answer("usergroups.users.list", (body) => ({ users: body.usergroup === GROUP ? [GROUP_MEMBER] : [] }));
});
afterAll(async () => {
  await t.close();
  await state.store.close();
});
beforeEach(() => {
  t.api.clearCalls();
});

const asMessage = (body: Record<string, any>): Message => ({ text: body.text, blocks: body.blocks });
const textOf = (blocks: unknown): string => JSON.stringify(blocks);

/** A lookup is answered in the acknowledgement's body. */
async function command(text: string, user = TEST_USER_ID): Promise<Record<string, any>> {
  const res = await postSlashCommand(t.baseUrl, t.signingSecret, { text, user_id: user, response_url: t.api.responseUrl(`cmd-${nextTs()}`) });
  return (await res.json()) as Record<string, any>;
}

function noteSubmission(user: string, code: string, values: { text: string; links?: string; owner?: string }): Record<string, unknown> {
  const fields = {
    [NOTE_MODAL.text.blockId]: { [NOTE_MODAL.text.actionId]: values.text },
    [NOTE_MODAL.links.blockId]: { [NOTE_MODAL.links.actionId]: values.links ?? null },
    [NOTE_MODAL.owner.blockId]: { [NOTE_MODAL.owner.actionId]: values.owner ?? null },
  };
  return viewSubmission(NOTE_MODAL.callbackId, fields, code, user);
}

describe("team notes from the runbook file", () => {
  it("puts 'Your team' after Zscaler's steps, most specific note first, with the file's live channel link", async () => {
    const card = await command("BRK_MT_SETUP_TIMEOUT");
    const texts: string[] = card.blocks.map((b: any) => b.text?.text ?? "");
    const steps = texts.findIndex((text) => text.startsWith("*What to do*"));
    const team = texts.indexOf(TEAM_HEADING);
    expect(steps).toBeGreaterThan(0);
    expect(team).toBeGreaterThan(steps);
    expect(texts[team + 1]).toContain("Check connector group *DC-East* first; escalate in <#C0123ABCD>.");
    expect(texts[team + 1]).toContain("<https://kb.example.com/4711|KB 4711: connector health>");
    expect(texts[team + 1]).toContain("*Owner:* Network team");
    expect(textOf(card.blocks)).not.toContain("VMware cluster"); // an AC note: BRK_MT_SETUP_TIMEOUT is SE
    expect(messageViolations(asMessage(card))).toEqual([]);
  });

  it("shows a component note on every code of that component, and none on others", async () => {
    const ac = await command("AST_MT_SETUP_ERR_OPEN_SERVER_CONN");
    expect(textOf(ac.blocks)).toContain("App Connector hosts are in the VMware cluster `zpa-ac`.");
    const policy = catalog.entries.find((e) => e.severity === "policy" && e.component !== "AC")!;
    const card = await command(policy.code);
    expect(textOf(card.blocks)).toContain("Policy blocks are expected behaviour");
    expect(textOf(card.blocks)).not.toContain("VMware cluster");
  });
});

describe("For a support ticket", () => {
  it("is inline where the steps end with Zscaler Support, with the fields and the time window", async () => {
    const code = catalog.entries.find((e) => ticketPlacement(e) === "inline" && e.component === "AC")!.code;
    const card = await command(code);
    const ticket = card.blocks.find((b: any) => b.text?.text?.startsWith("*:memo: For a support ticket*"));
    expect(ticket.text.text).toContain("`SessionID`");
    expect(ticket.text.text).toContain("`ConnectorGroup`");
    expect(ticket.text.text).toContain("journalctl -u zpa-connector");
    expect(ticket.text.text).toContain("5 minutes before the first failure");
    expect(buttonsOf(card.blocks).map((b) => b.text.text)).not.toContain("For a support ticket");
  });

  it("is a button on other error cards that shows the same section privately", async () => {
    const entry = catalog.entries.find((e) => ticketPlacement(e) === "button")!;
    const card = await command(entry.code);
    expect(textOf(card.blocks)).not.toContain("For a support ticket*");
    const ticketButton = buttonsOf(card.blocks).find((b) => b.text.text === "For a support ticket")!;
    expect(ticketButton.value).toBe(entry.code);
    const id = `ticket-${nextTs()}`;
    await postInteraction(
      t.baseUrl,
      t.signingSecret,
      blockActions([{ action_id: ticketButton.action_id, value: entry.code }], { response_url: t.api.responseUrl(id) }),
    );
    const answer = (await t.api.waitForResponsePost(id)).body;
    expect(answer.response_type).toBe("ephemeral");
    expect(answer.replace_original).toBe(false);
    expect(answer.blocks[0].text.text).toMatch(/^\*:memo: For a support ticket\*/);
  });

  it("is neither on policy, info or success cards", async () => {
    const policy = catalog.entries.find((e) => e.severity === "policy")!;
    const card = await command(policy.code);
    expect(textOf(card.blocks)).not.toContain("For a support ticket");
  });
});

describe("editing a team note from Slack", () => {
  it("shows 'Edit team note' to editors (by user id or user group) and never to anyone else", async () => {
    const label = (body: Record<string, any>) => buttonsOf(body.blocks).map((b) => b.text.text);
    expect(label(await command("BRK_MT_SETUP_TIMEOUT", EDITOR))).toContain("Edit team note");
    expect(label(await command("BRK_MT_SETUP_TIMEOUT", GROUP_MEMBER))).toContain("Edit team note");
    expect(label(await command("BRK_MT_SETUP_TIMEOUT", TEST_USER_ID))).not.toContain("Edit team note");
    expect(label(await command("saml assertion too large", TEST_USER_ID))).not.toContain("Edit team note");
  });

  it("opens the modal with the current note, saves with author and time, and the card says who edited it", async () => {
    const click = blockActions([{ action_id: `${ACTION.editNote}:BRK_MT_SETUP_TIMEOUT`, value: "BRK_MT_SETUP_TIMEOUT" }], {
      user: { id: EDITOR, username: "ed", name: "ed", team_id: TEST_TEAM_ID },
      container: { type: "message", message_ts: nextTs(), channel_id: "C0TESTCHAN", is_ephemeral: true },
    });
    await postInteraction(t.baseUrl, t.signingSecret, click);
    const [opened] = await t.api.waitForCalls("views.open", 1);
    const view = opened!.body.view;
    expect(view.callback_id).toBe(NOTE_MODAL.callbackId);
    expect(view.private_metadata).toBe("BRK_MT_SETUP_TIMEOUT");
    expect(textOf(view.blocks)).toContain("Check connector group *DC-East* first");
    expect(textOf(view.blocks)).toContain("KB 4711: connector health | https://kb.example.com/4711");
    expect(viewViolations(view)).toEqual([]);

    const res = await postInteraction(
      t.baseUrl,
      t.signingSecret,
      noteSubmission(EDITOR, "BRK_MT_SETUP_TIMEOUT", {
        text: "Page <!subteam^S0NETOPS> if DC-West is also down.",
        links: "Runbook 12 | https://kb.example.com/12",
        owner: "NetOps on-call",
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    const history = await state.store.editedNoteHistory("BRK_MT_SETUP_TIMEOUT");
    expect(history[0]).toMatchObject({ text: "Page <!subteam^S0NETOPS> if DC-West is also down.", owner: "NetOps on-call", editedBy: EDITOR });

    const card = await command("BRK_MT_SETUP_TIMEOUT");
    const shown = textOf(card.blocks);
    expect(shown).toContain("Page <!subteam^S0NETOPS> if DC-West is also down.");
    expect(shown).toMatch(new RegExp(`Edited in Slack by <@${EDITOR}>, \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC`));
    // The Slack edit takes precedence over the file's notes naming this code; broader notes stay.
    expect(shown).not.toContain("DC-East");
  });

  it("refuses a forged click and a forged submission from a non-editor, saving nothing", async () => {
    const before = await state.store.editedNoteHistory("AST_MT_SETUP_ERR_OPEN_SERVER_CONN");
    const id = `forged-${nextTs()}`;
    await postInteraction(
      t.baseUrl,
      t.signingSecret,
      blockActions([{ action_id: `${ACTION.editNote}:AST_MT_SETUP_ERR_OPEN_SERVER_CONN`, value: "AST_MT_SETUP_ERR_OPEN_SERVER_CONN" }], {
        response_url: t.api.responseUrl(id),
      }),
    );
    const refusal = (await t.api.waitForResponsePost(id)).body;
    expect(refusal.text).toContain("RUNBOOK_EDITORS");
    expect(t.api.callsTo("views.open")).toHaveLength(0);

    const res = await postInteraction(t.baseUrl, t.signingSecret, noteSubmission(TEST_USER_ID, "AST_MT_SETUP_ERR_OPEN_SERVER_CONN", { text: "pwned <!channel>" }));
    const answer = (await res.json()) as { response_action: string; errors: Record<string, string> };
    expect(answer.response_action).toBe("errors");
    expect(answer.errors[NOTE_MODAL.text.blockId]).toContain("RUNBOOK_EDITORS");
    expect(await state.store.editedNoteHistory("AST_MT_SETUP_ERR_OPEN_SERVER_CONN")).toEqual(before);
  });

  it("keeps the modal open with the field's error for a bad link", async () => {
    const res = await postInteraction(
      t.baseUrl,
      t.signingSecret,
      noteSubmission(EDITOR, "AST_MT_SETUP_ERR_OPEN_SERVER_CONN", { text: "ok", links: "KB | ftp://kb.example.com" }),
    );
    const answer = (await res.json()) as { response_action: string; errors: Record<string, string> };
    expect(answer.errors[NOTE_MODAL.links.blockId]).toMatch(/Line 1/);
  });

  it("exports the file merged with the Slack edits as runbook YAML that reads back the same notes", async () => {
    const yaml = exportRunbook(runbook, await state.store.editedNotes());
    expect(yaml).toContain(`# Edited in Slack by ${EDITOR}`);
    const back = parseRunbook(yaml, "exported.yml", codeLookup(search));
    const timeout = search.byCode("BRK_MT_SETUP_TIMEOUT")!;
    expect(notesFor(back, timeout).map((n) => n.text)[0]).toBe("Page <!subteam^S0NETOPS> if DC-West is also down.");
    // The file's note for the other code of its set survives the merge.
    const other = search.byCode("AST_MT_SETUP_TIMEOUT_CANNOT_CONN_TO_BROKER")!;
    expect(notesFor(back, other).map((n) => n.text)).toEqual(notesFor(runbook, other).map((n) => n.text));
  });
});
