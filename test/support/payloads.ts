// Realistic Slack payloads with overridable fields, shared by the HTTP and Socket Mode helpers.
// IDs follow Slack's shapes so validators in the app treat them like real ones.

export const TEST_TEAM_ID = "T0TESTTEAM";
export const TEST_USER_ID = "U0TESTUSER";
export const TEST_CHANNEL_ID = "C0TESTCHAN";
export const TEST_APP_ID = "A0TESTAPP";
/** The identity the fake Web API's auth.test hands out for the bot. */
export const TEST_BOT_USER_ID = "U0TESTBOT";
export const TEST_BOT_ID = "B0TESTBOT";

let sequence = 0;
/** A fresh message timestamp ("1700000000.000123" style), unique within the run. */
export function nextTs(): string {
  sequence += 1;
  return `${Math.floor(Date.now() / 1000)}.${String(sequence).padStart(6, "0")}`;
}

/** Form fields Slack sends for a slash command (/zpa-code by default). */
export function slashCommandFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    token: "legacy-verification-token",
    team_id: TEST_TEAM_ID,
    team_domain: "test-team",
    channel_id: TEST_CHANNEL_ID,
    channel_name: "helpdesk",
    user_id: TEST_USER_ID,
    user_name: "alice",
    command: "/zpa-code",
    text: "",
    api_app_id: TEST_APP_ID,
    is_enterprise_install: "false",
    response_url: "http://127.0.0.1:9/response/unset",
    trigger_id: `trigger.${nextTs()}`,
    ...overrides,
  };
}

/** An Events API event_callback envelope around one event. */
export function eventCallback(event: Record<string, unknown>, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    token: "legacy-verification-token",
    team_id: TEST_TEAM_ID,
    api_app_id: TEST_APP_ID,
    event: { event_ts: nextTs(), ...event },
    type: "event_callback",
    event_id: `Ev${Date.now().toString(36).toUpperCase()}${++sequence}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      { enterprise_id: null, team_id: TEST_TEAM_ID, user_id: TEST_BOT_USER_ID, is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
    ...overrides,
  };
}

/** A plain user message in a channel (message.channels). */
export function channelMessage(text: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = nextTs();
  return {
    type: "message",
    channel: TEST_CHANNEL_ID,
    channel_type: "channel",
    user: TEST_USER_ID,
    text,
    ts,
    event_ts: ts,
    ...overrides,
  };
}

/** The test user's DM conversation with the bot (Slack's DM channel IDs start with D). */
export const TEST_DM_CHANNEL_ID = "D0TESTDM";

/** A message the test user sends the bot in their DM (message.im). */
export function directMessage(text: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return channelMessage(text, { channel: TEST_DM_CHANNEL_ID, channel_type: "im", ...overrides });
}

/** An @mention of the bot (app_mention). */
export function appMention(text: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = nextTs();
  return {
    type: "app_mention",
    channel: TEST_CHANNEL_ID,
    user: TEST_USER_ID,
    text: `<@${TEST_BOT_USER_ID}> ${text}`,
    ts,
    event_ts: ts,
    ...overrides,
  };
}

/** The user opened the bot's App Home tab. */
export function appHomeOpened(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: "app_home_opened", user: TEST_USER_ID, channel: TEST_DM_CHANNEL_ID, tab: "home", ...overrides };
}

/** A block_actions interaction (button click, select) with the given actions. */
export function blockActions(
  actions: Array<Record<string, unknown>>,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: "block_actions",
    user: { id: TEST_USER_ID, username: "alice", name: "alice", team_id: TEST_TEAM_ID },
    api_app_id: TEST_APP_ID,
    token: "legacy-verification-token",
    container: { type: "message", message_ts: nextTs(), channel_id: TEST_CHANNEL_ID, is_ephemeral: false },
    trigger_id: `trigger.${nextTs()}`,
    team: { id: TEST_TEAM_ID, domain: "test-team" },
    channel: { id: TEST_CHANNEL_ID, name: "helpdesk" },
    response_url: "http://127.0.0.1:9/response/unset",
    actions: actions.map((action) => ({ action_ts: nextTs(), block_id: "block", type: "button", ...action })),
    ...overrides,
  };
}
