// `zpa-code manifest`: the Socket Mode manifest is the committed manifest.yml; --http fills in every request URL.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { APP_FEATURES } from "../../src/slack/manifest.js";
import { readManifest, type ManifestValue } from "../support/manifest-reader.js";
import { cli } from "../support/run-cli.js";

const committed = readFileSync(new URL("../../manifest.yml", import.meta.url), "utf8");
/** No .env and no settings: what a fresh checkout prints, whatever the developer's own .env or shell holds. */
const FRESH = mkdtempSync(join(tmpdir(), "zpa-manifest-fresh-"));
const manifestCli = (args: string[], env: Record<string, string> = {}) => cli(["manifest", ...args], "", { place: { env, cwd: FRESH } });

function at(manifest: Record<string, ManifestValue>, path: string): ManifestValue | undefined {
  let value: ManifestValue | undefined = manifest;
  for (const key of path.split(".")) {
    value = value !== undefined && typeof value === "object" && !Array.isArray(value) ? value[key] : (value as ManifestValue[] | undefined)?.[Number(key)];
  }
  return value;
}

async function manifest(...args: string[]): Promise<Record<string, ManifestValue>> {
  const run = await manifestCli(args);
  expect(run.code, run.stderr).toBe(0);
  return readManifest(run.stdout);
}

describe("zpa-code manifest", () => {
  it("prints, without --http, exactly the committed Socket Mode manifest.yml", async () => {
    const run = await manifestCli([]);
    expect(run.code).toBe(0);
    expect(run.stdout === committed, "manifest.yml is stale: run `npx tsx src/cli/main.ts manifest > manifest.yml`").toBe(true);
    expect(at(readManifest(committed), "settings.socket_mode_enabled")).toBe(true);
    expect(committed).not.toMatch(/request_url|url:/);
  });

  it("with --http, points the command, events and interactivity at BASE/slack/events and turns Socket Mode off", async () => {
    const http = await manifest("--http", "https://bot.example.com");
    const url = "https://bot.example.com/slack/events";
    expect(at(http, "features.slash_commands.0.url")).toBe(url);
    expect(at(http, "settings.event_subscriptions.request_url")).toBe(url);
    expect(at(http, "settings.interactivity.request_url")).toBe(url);
    expect(at(http, "settings.socket_mode_enabled")).toBe(false);
    // Same app otherwise: same scopes, events and command.
    const socket = readManifest(committed);
    for (const path of ["oauth_config.scopes.bot", "settings.event_subscriptions.bot_events", "features.app_home", "features.slash_commands.0.command"]) {
      expect(at(http, path), path).toEqual(at(socket, path));
    }
  });

  it("keeps a path prefix, drops a trailing slash, and does not repeat /slack/events", async () => {
    for (const [base, expected] of [
      ["https://tools.example.com/zpa/", "https://tools.example.com/zpa/slack/events"],
      ["https://bot.example.com/slack/events", "https://bot.example.com/slack/events"],
      ["https://BOT.example.com:8443", "https://bot.example.com:8443/slack/events"],
    ]) {
      expect(at(await manifest("--http", base!), "settings.event_subscriptions.request_url"), base).toBe(expected);
    }
  });

  it("refuses URLs Slack would not post to, with exit 2 and the reason", async () => {
    for (const [base, reason] of [
      ["http://bot.example.com", "Slack posts only to https:// URLs"],
      ["bot.example.com", "is not a URL"],
      ["https://bot.example.com/?token=1", "without query"],
    ]) {
      const run = await manifestCli(["--http", base!]);
      expect(run.code, base).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr, base).toContain(reason);
    }
  });

  it("asks for files:read for screenshots, and leaves it out with OCR=off", async () => {
    expect(at(readManifest(committed), "oauth_config.scopes.bot")).toContain("files:read");
    const withoutOcr = await manifestCli([], { OCR: "off" });
    expect(withoutOcr.code, withoutOcr.stderr).toBe(0);
    const scopes = at(readManifest(withoutOcr.stdout), "oauth_config.scopes.bot");
    expect(scopes).not.toContain("files:read");
    expect(scopes).toContain("chat:write");
    const bad = await manifestCli([], { OCR: "sometimes" });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("OCR must be on or off");
  });

  it("asks for usergroups:read only when RUNBOOK_EDITORS names a user group, from the environment or .env", async () => {
    const scopes = async (place: { env: Record<string, string>; cwd?: string }) => {
      const run = await cli(["manifest"], "", { place });
      expect(run.code, run.stderr).toBe(0);
      return at(readManifest(run.stdout), "oauth_config.scopes.bot") as string[];
    };
    const dir = mkdtempSync(join(tmpdir(), "zpa-manifest-"));
    try {
      // The committed manifest.yml is the default: no group, so no usergroups:read.
      expect(at(readManifest(committed), "oauth_config.scopes.bot")).not.toContain("usergroups:read");
      expect(await scopes({ env: { RUNBOOK_EDITORS: "U0ALICE1,W0BOB2" }, cwd: dir })).not.toContain("usergroups:read");
      const withGroup = await scopes({ env: { RUNBOOK_EDITORS: "U0ALICE1, S0NETOPS" }, cwd: dir });
      expect(withGroup).toContain("usergroups:read");
      expect(withGroup).toEqual(expect.arrayContaining(at(readManifest(committed), "oauth_config.scopes.bot") as string[]));
      const run = await cli(["manifest", "--http", "https://bot.example.com"], "", { place: { env: { RUNBOOK_EDITORS: "S0NETOPS" }, cwd: dir } });
      expect(run.stdout).toContain("- usergroups:read # team-note editors named by user group (reading the group's members); only when RUNBOOK_EDITORS names a user group");

      // Read from .env as npm start reads it; the environment wins over the file.
      writeFileSync(join(dir, ".env"), "RUNBOOK_EDITORS=S0NETOPS\nOCR=off\n");
      const fromDotenv = await scopes({ env: {}, cwd: dir });
      expect(fromDotenv).toContain("usergroups:read");
      expect(fromDotenv).not.toContain("files:read");
      expect(await scopes({ env: { RUNBOOK_EDITORS: "U0ALICE1" }, cwd: dir })).not.toContain("usergroups:read");
      expect(await scopes({ env: { DOTENV_CONFIG_PATH: join(dir, "missing.env") }, cwd: dir })).not.toContain("usergroups:read");

      const bad = await cli(["manifest"], "", { place: { env: { RUNBOOK_EDITORS: "@netops" }, cwd: dir } });
      expect(bad.code).toBe(2);
      expect(bad.stdout).toBe("");
      expect(bad.stderr).toContain("RUNBOOK_EDITORS must be comma-separated user IDs");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names beside each scope and event the feature that needs it", () => {
    const listed = committed.split("\n").filter((line) => /^ {6}- /.test(line));
    expect(listed.length).toBeGreaterThan(0);
    for (const line of listed) expect(line, line).toMatch(/^ {6}- [a-z_.:]+ # \S/);
    // Every scope and event in the feature table reaches the manifest (OCR is on by default), except
    // those asked for only when a setting calls for them.
    for (const row of APP_FEATURES.filter((feature) => feature.onlyWhen === undefined)) {
      for (const item of [...row.scopes, ...row.events]) expect(committed).toContain(`- ${item} # ${row.feature}`);
    }
  });

  it("is explained in docs/usage.md: every scope, optional ones included, beside its feature", () => {
    const usage = readFileSync(new URL("../../docs/usage.md", import.meta.url), "utf8");
    for (const row of APP_FEATURES) {
      for (const scope of row.scopes) expect(usage, scope).toMatch(new RegExp(`^\\|[^\\n]*\`${scope}\`[^\\n]*\\| \\S`, "m"));
    }
  });

  it("opens a writable Messages tab in either mode, since the bot hears DMs (message.im, im:history)", async () => {
    for (const app of [readManifest(committed), await manifest("--http", "https://bot.example.com")]) {
      expect(at(app, "features.app_home.messages_tab_enabled")).toBe(true);
      expect(at(app, "features.app_home.messages_tab_read_only_enabled")).toBe(false);
      expect(at(app, "settings.event_subscriptions.bot_events")).toContain("message.im");
      expect(at(app, "oauth_config.scopes.bot")).toContain("im:history");
    }
  });
});
