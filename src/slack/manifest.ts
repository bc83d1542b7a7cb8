// The Slack app manifest, built from one table of features: every scope and event is there because a row needs it.

/** Bolt's HTTP receiver takes events, interactivity and slash commands at this one path (see receivers.ts). */
export const SLACK_EVENTS_PATH = "/slack/events";

export interface AppFeature {
  /** What a user gets; written beside each scope and event in the manifest. */
  feature: string;
  scopes: readonly string[];
  events: readonly string[];
  /** The setting that turns the feature off (OCR for OCR=off): then its scopes and events leave the manifest. */
  switchedOffBy?: string;
  /** A feature asked for only when a setting calls for it: `setting` is its key in ManifestOptions.on. */
  onlyWhen?: { setting: string; says: string };
}

/** The one place that decides what the app asks Slack for. */
export const APP_FEATURES: readonly AppFeature[] = [
  { feature: "/zpa-code", scopes: ["commands"], events: [] },
  { feature: "posting cards, thread replies and the auto on/off note", scopes: ["chat:write"], events: [] },
  { feature: "auto-replies in public channels", scopes: ["channels:history"], events: ["message.channels"] },
  { feature: "auto-replies in private channels", scopes: ["groups:history"], events: ["message.groups"] },
  { feature: "@mentions of the bot", scopes: ["app_mentions:read"], events: ["app_mention"] },
  { feature: "direct messages to the bot", scopes: ["im:history"], events: ["message.im"] },
  { feature: "the App Home tab", scopes: [], events: ["app_home_opened"] },
  { feature: "reading codes in pasted screenshots (OCR)", scopes: ["files:read"], events: [], switchedOffBy: "OCR" },
  {
    feature: "team-note editors named by user group (reading the group's members)",
    scopes: ["usergroups:read"],
    events: [],
    onlyWhen: { setting: "RUNBOOK_EDITORS_GROUP", says: "only when RUNBOOK_EDITORS names a user group" },
  },
];

export interface ManifestOptions {
  /** HTTP mode: the bot's public base URL (https://host[/prefix]); absent = Socket Mode. */
  httpBaseUrl?: string;
  /** Settings that are off (e.g. "OCR"): the features they switch off are left out. */
  off?: readonly string[];
  /** Settings that call for an optional feature (e.g. "RUNBOOK_EDITORS_GROUP"): only these are put in. */
  on?: readonly string[];
}

/** Thrown for a base URL Slack would not post to; the message says why. */
export class ManifestUrlError extends Error {}

/** https://host[/prefix] → https://host[/prefix]/slack/events (kept as is when it already ends so). */
export function requestUrlFor(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new ManifestUrlError(`"${base.slice(0, 80)}" is not a URL; give the bot's public base URL, e.g. https://bot.example.com`);
  }
  if (url.protocol !== "https:") throw new ManifestUrlError("Slack posts only to https:// URLs");
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new ManifestUrlError("give the base URL without query, fragment or credentials");
  }
  const path = url.pathname.replace(/\/+$/, "");
  return `${url.origin}${path.endsWith(SLACK_EVENTS_PATH) ? path : path + SLACK_EVENTS_PATH}`;
}


/** One "- item # why" line per scope or event, in table order. */
function listWithReasons(indent: string, rows: readonly AppFeature[], pick: (row: AppFeature) => readonly string[]): string[] {
  return rows.flatMap((row) =>
    pick(row).map(
      (item) =>
        `${indent}- ${item} # ${row.feature}${row.switchedOffBy ? `; not needed with ${row.switchedOffBy}=off` : ""}${row.onlyWhen ? `; ${row.onlyWhen.says}` : ""}`,
    ),
  );
}

/** The manifest as YAML; with no options it is byte for byte the committed manifest.yml. */
export function renderManifest(options: ManifestOptions = {}): string {
  const off = options.off ?? [];
  const on = options.on ?? [];
  const rows = APP_FEATURES.filter(
    (row) =>
      (row.switchedOffBy === undefined || !off.includes(row.switchedOffBy)) && (row.onlyWhen === undefined || on.includes(row.onlyWhen.setting)),
  );
  const url = options.httpBaseUrl === undefined ? undefined : JSON.stringify(requestUrlFor(options.httpBaseUrl));
  const mode = url === undefined ? "Socket Mode" : "HTTP mode";
  // The Messages tab is where people DM the bot: open (and writable) exactly when the bot hears DMs.
  const answersDms = rows.some((row) => row.events.includes("message.im"));
  return [
    `# Slack app manifest (${mode}), printed by \`zpa-code manifest${url === undefined ? "" : " --http <base URL>"}\`.`,
    "# Create the app at https://api.slack.com/apps > Create New App > From a manifest.",
    url === undefined
      ? "# HTTP mode: `zpa-code manifest --http https://bot.example.com` fills in the request URLs."
      : "# Socket Mode: `zpa-code manifest` (no --http).",
    "# Each scope and event names the feature that needs it.",
    "display_information:",
    "  name: ZPA Codes",
    "  description: Explains Zscaler Private Access session status codes",
    '  background_color: "#1d3f72"',
    "features:",
    "  app_home:",
    "    home_tab_enabled: true",
    `    messages_tab_enabled: ${answersDms}`,
    ...(answersDms ? ["    messages_tab_read_only_enabled: false"] : []),
    "  bot_user:",
    "    display_name: zpa-codes",
    "    always_online: true",
    "  slash_commands:",
    "    - command: /zpa-code",
    ...(url === undefined ? [] : [`      url: ${url}`]),
    "      description: Explain a ZPA session status code",
    '      usage_hint: "CODE, title or words, e.g. BRK_MT_SETUP_TIMEOUT"',
    "      should_escape: false",
    "oauth_config:",
    "  scopes:",
    "    bot:",
    ...listWithReasons("      ", rows, (row) => row.scopes),
    "settings:",
    "  event_subscriptions:",
    ...(url === undefined ? [] : [`    request_url: ${url}`]),
    "    bot_events:",
    ...listWithReasons("      ", rows, (row) => row.events),
    "  interactivity:",
    "    is_enabled: true",
    ...(url === undefined ? [] : [`    request_url: ${url}`]),
    "  org_deploy_enabled: false",
    `  socket_mode_enabled: ${url === undefined}`,
    "  token_rotation_enabled: false",
    "",
  ].join("\n");
}
