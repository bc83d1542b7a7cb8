// RUNBOOK_EDITORS naming a user group on an app installed without usergroups:read: the real Bolt app over
// HTTP asks Slack (the fake Web API) for the members, gets missing_scope, warns once and refuses the edit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/load.js";
import { ACTION } from "../../src/render/action-ids.js";
import { fixedRunbook } from "../../src/runbook/source.js";
import { loggedLine, startHttpTestApp, type HttpTestApp } from "../support/app.js";
import { blockActions, nextTs, TEST_TEAM_ID } from "../support/payloads.js";
import { postInteraction, postSlashCommand } from "../support/sign.js";
import { buttonsOf } from "../support/slack.js";

const GROUP = "S0NETOPS";
const GROUP_MEMBER = "U0GROUPIE";
const catalog = loadCatalog();

let t: HttpTestApp;

beforeAll(async () => {
  t = await startHttpTestApp({
    bot: { runbook: fixedRunbook({ file: "runbook.yml", notes: [] }), editors: { users: new Set(), groups: new Set([GROUP]) } },
  });
  // What Slack answers a bot token installed without the scope.
  t.api.answer("usergroups.users.list", () => ({ ok: false, error: "missing_scope", needed: "usergroups:read", provided: "commands,chat:write" }));
});
afterAll(async () => {
  await t.close();
});

async function labels(code: string): Promise<string[]> {
  const res = await postSlashCommand(t.baseUrl, t.signingSecret, { text: code, user_id: GROUP_MEMBER, response_url: t.api.responseUrl(`cmd-${nextTs()}`) });
  const body = (await res.json()) as { blocks: unknown };
  return buttonsOf(body.blocks).map((b) => b.text.text);
}

const scopeWarnings = (): string[] => t.logLines.filter((line) => line.includes("usergroups:read"));

describe("a user group in RUNBOOK_EDITORS without the usergroups:read scope", () => {
  it("treats the group's members as non-editors and logs one warning naming the scope, not one per request", async () => {
    const codes = catalog.entries.slice(0, 4).map((entry) => entry.code);
    expect(await labels(codes[0]!)).not.toContain("Edit team note");
    const warning = await loggedLine(t, /usergroups:read/);
    expect(warning).toContain("missing_scope");
    expect(warning).toContain(GROUP);
    expect(warning).toMatch(/Add usergroups:read to the app/);

    for (const code of codes.slice(1)) expect(await labels(code), code).not.toContain("Edit team note");
    // Each request asked Slack again (a scope added later takes effect), yet the log says it once.
    await t.api.waitForAnswered("usergroups.users.list", codes.length);
    expect(scopeWarnings()).toHaveLength(1);
  });

  it("refuses a group member's click on Edit team note, with no modal and no further warning", async () => {
    const code = "BRK_MT_SETUP_TIMEOUT";
    const id = `edit-${nextTs()}`;
    await postInteraction(
      t.baseUrl,
      t.signingSecret,
      blockActions([{ action_id: `${ACTION.editNote}:${code}`, value: code }], {
        user: { id: GROUP_MEMBER, username: "groupie", name: "groupie", team_id: TEST_TEAM_ID },
        response_url: t.api.responseUrl(id),
      }),
    );
    expect((await t.api.waitForResponsePost(id)).body.text).toContain("RUNBOOK_EDITORS");
    expect(t.api.callsTo("views.open")).toHaveLength(0);
    expect(scopeWarnings()).toHaveLength(1);
  });
});
