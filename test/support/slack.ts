// Shared helpers for the end-to-end Slack tests (not a test file itself).
import type { RecordedCall } from "./fake-slack-api.js";
import { TEST_TEAM_ID, TEST_USER_ID, nextTs } from "./payloads.js";

/** A mention Slack would act on, if any outgoing payload carried it unescaped. */
export const LIVE_MENTION = /<!(?:channel|here|everyone)[|>]|<@U123[|>]/;

export function headersOf(blocks: unknown): string[] {
  if (!Array.isArray(blocks)) return [];
  return blocks.flatMap((b: { type?: string; text?: { text?: string } }) => (b.type === "header" && b.text?.text ? [b.text.text] : []));
}

export interface SentButton {
  action_id: string;
  value?: string;
  text: { text: string };
}

export function buttonsOf(blocks: unknown): SentButton[] {
  if (!Array.isArray(blocks)) return [];
  return blocks.flatMap((b: { type?: string; elements?: Array<{ type: string }>; accessory?: { type: string } }) => {
    const elements = b.type === "actions" ? (b.elements ?? []) : b.accessory ? [b.accessory] : [];
    return elements.filter((e) => e.type === "button") as unknown as SentButton[];
  });
}

/** A view_submission of one of the bot's modals; `values` maps block_id -> action_id -> typed text (null: left empty). */
export function viewSubmission(
  callbackId: string,
  values: Record<string, Record<string, string | null>>,
  privateMetadata: string,
  userId = TEST_USER_ID,
): Record<string, unknown> {
  const state = Object.fromEntries(
    Object.entries(values).map(([block, fields]) => [
      block,
      Object.fromEntries(Object.entries(fields).map(([action, value]) => [action, { type: "plain_text_input", value }])),
    ]),
  );
  return {
    type: "view_submission",
    team: { id: TEST_TEAM_ID, domain: "test-team" },
    user: { id: userId, username: "alice", name: "alice", team_id: TEST_TEAM_ID },
    api_app_id: "A0TESTAPP",
    token: "legacy-verification-token",
    trigger_id: `trigger.${nextTs()}`,
    view: { id: "V0MODAL", team_id: TEST_TEAM_ID, type: "modal", callback_id: callbackId, private_metadata: privateMetadata, state: { values: state }, hash: "1.abc" },
  };
}

/** A view_submission of the App Home search modal. */
export function searchSubmission(query: string, privateMetadata: string): Record<string, unknown> {
  return viewSubmission("zpa_home_search_modal", { zpa_query: { zpa_query_input: query } }, privateMetadata);
}

/** Block actions from the App Home tab: no channel, no response URL, the view's metadata. */
export function homeContainer(privateMetadata: string): Record<string, unknown> {
  return {
    container: { type: "view", view_id: "V0HOME" },
    view: { id: "V0HOME", type: "home", private_metadata: privateMetadata, blocks: [] },
    channel: undefined,
    response_url: undefined,
  };
}

export function callsJson(calls: readonly RecordedCall[]): string {
  return JSON.stringify(calls.map((c) => ({ method: c.method, body: c.body })));
}
