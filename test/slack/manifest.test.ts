// manifest.yml: the Socket Mode app, the slash command, and only the scopes the features need.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_COMMAND } from "../../src/bot/bot.js";
import { readManifest, type ManifestValue } from "../support/manifest-reader.js";

const root = new URL("../..", import.meta.url).pathname;
const manifest = readManifest(readFileSync(join(root, "manifest.yml"), "utf8"));

function at(path: string): ManifestValue | undefined {
  let value: ManifestValue | undefined = manifest;
  for (const key of path.split(".")) {
    value = value !== undefined && typeof value === "object" && !Array.isArray(value) ? value[key] : undefined;
  }
  return value;
}

/** Every TypeScript file under src/slack, to compare what the code listens for with what the manifest asks for. */
function slackSources(dir = join(root, "src/slack")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? slackSources(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [readFileSync(join(dir, entry.name), "utf8")]
        : [],
  );
}

describe("manifest.yml", () => {
  it("creates a Socket Mode app with interactivity, an App Home tab and a Messages tab people can write in", () => {
    expect(at("settings.socket_mode_enabled")).toBe(true);
    expect(at("settings.interactivity.is_enabled")).toBe(true);
    expect(at("features.app_home.home_tab_enabled")).toBe(true);
    // The bot answers DMs (message.im), so people must be able to send it one from the Messages tab.
    expect(at("features.app_home.messages_tab_enabled")).toBe(true);
    expect(at("features.app_home.messages_tab_read_only_enabled")).toBe(false);
    expect(at("features.bot_user.display_name")).toMatch(/\S/);
    expect(at("display_information.name")).toMatch(/\S/);
  });

  it("offers /zpa-code with a description and a usage hint", () => {
    const commands = at("features.slash_commands");
    expect(Array.isArray(commands)).toBe(true);
    expect(commands).toHaveLength(1);
    const [command] = commands as Array<Record<string, ManifestValue>>;
    expect(command?.command).toBe("/zpa-code");
    expect(command?.description).toMatch(/ZPA/);
    expect(String(command?.usage_hint)).toContain("BRK_MT_SETUP_TIMEOUT");
  });

  it("asks for exactly the bot scopes the bot needs, no more", () => {
    expect([...(at("oauth_config.scopes.bot") as string[])].sort()).toEqual(
      ["app_mentions:read", "channels:history", "chat:write", "commands", "files:read", "groups:history", "im:history"].sort(),
    );
    expect(at("oauth_config.scopes.user")).toBeUndefined();
  });

  it("subscribes to exactly the bot events the bot handles", () => {
    expect([...(at("settings.event_subscriptions.bot_events") as string[])].sort()).toEqual(
      ["app_home_opened", "app_mention", "message.channels", "message.groups", "message.im"].sort(),
    );
  });

  it("declares every event and command the listeners register", () => {
    const code = slackSources().join("\n");
    const events = new Set(at("settings.event_subscriptions.bot_events") as string[]);
    for (const [, event] of code.matchAll(/\.event\(\s*["']([a-z_]+)["']/g)) {
      // The one "message" listener answers channels, private channels and DMs alike.
      const needed = event === "message" ? ["message.channels", "message.groups", "message.im"] : [event!];
      for (const name of needed) expect(events.has(name), `event ${name}`).toBe(true);
    }
    // The listener registers bot.command, which defaults to DEFAULT_COMMAND.
    expect(code).toMatch(/\.command\(\s*bot\.command\b/);
    const commands = (at("features.slash_commands") as Array<Record<string, ManifestValue>>).map((c) => c.command);
    expect(commands).toContain(DEFAULT_COMMAND);
  });
});
