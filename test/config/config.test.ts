// Reading the environment: which mode runs, the defaults, and errors that name the variable.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, type Env } from "../../src/config.js";
import { configErrorFrom } from "../support/config-error.js";

const BOT = "xoxb-1234-5678-abcdefSECRETbot";
const APP = "xapp-1-A0TEST-9999-abcdefSECRETapp";
const SIGNING = "0123456789abcdefSECRETsigning00";

const configError = (env: Env): ConfigError => configErrorFrom(() => loadConfig(env));

describe("run mode", () => {
  it("runs without Slack when no Slack variable is set, with documented defaults", () => {
    const config = loadConfig({});
    expect(config).toEqual({
      mode: "none",
      port: 3000,
      host: undefined,
      logLevel: "info",
      logFormat: "text",
      autoReply: { enabled: true, channels: null, dedupeHours: 24 },
      ocr: { enabled: true, concurrency: 1, queueLimit: 20, timeoutMs: 30_000, idleMs: 300_000, maxBytes: 10 * 1024 * 1024 },
    });
  });

  it("uses Socket Mode when an app token is set", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP });
    expect(config).toMatchObject({ mode: "socket", botToken: BOT, appToken: APP, slackApiUrl: undefined });
  });

  it("uses HTTP mode when a signing secret is set", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, PORT: "8080" });
    expect(config).toMatchObject({ mode: "http", signingSecret: SIGNING, port: 8080 });
  });

  it("prefers Socket Mode when both an app token and a signing secret are set", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: SIGNING });
    expect(config.mode).toBe("socket");
  });

  it("treats blank values (as left in a .env template) as unset", () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: "", SLACK_APP_TOKEN: "  ", PORT: "" }).mode).toBe("none");
  });
});

describe("settings", () => {
  const slack = { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING };

  it("gives SLACK_API_URL the trailing slash the Web API client needs", () => {
    expect(loadConfig({ ...slack, SLACK_API_URL: "https://slack-gov.com/api" })).toMatchObject({
      slackApiUrl: "https://slack-gov.com/api/",
    });
    expect(loadConfig({ ...slack, SLACK_API_URL: "http://127.0.0.1:9000/api/" })).toMatchObject({
      slackApiUrl: "http://127.0.0.1:9000/api/",
    });
  });

  it("reads the auto-reply switches", () => {
    const config = loadConfig({
      ...slack,
      AUTO_REPLY: "OFF",
      AUTO_REPLY_CHANNELS: " C0123ABCD, G0456EFGH ,",
      AUTO_REPLY_DEDUPE_HOURS: "36",
      LOG_LEVEL: "debug",
    });
    expect(config.autoReply.enabled).toBe(false);
    expect([...(config.autoReply.channels ?? [])]).toEqual(["C0123ABCD", "G0456EFGH"]);
    expect(config.autoReply.dedupeHours).toBe(36);
    expect(config.logLevel).toBe("debug");
  });

  it("reads SLACK_API_TIMEOUT_MS, 10 s by default", () => {
    expect(loadConfig(slack)).toMatchObject({ slackApiTimeoutMs: 10_000 });
    expect(loadConfig({ ...slack, SLACK_API_TIMEOUT_MS: "2500" })).toMatchObject({ slackApiTimeoutMs: 2_500 });
  });

  it("still runs the preview without Slack variables outside production", () => {
    expect(loadConfig({ NODE_ENV: "development" }).mode).toBe("none");
  });

  it("accepts port 0 (any free port), which tests rely on", () => {
    expect(loadConfig({ PORT: "0" }).port).toBe(0);
  });
});

describe("configuration errors name the variable and never echo its value", () => {
  const cases: Array<[string, Env, string]> = [
    ["bot token missing in HTTP mode", { SLACK_SIGNING_SECRET: SIGNING }, "SLACK_BOT_TOKEN"],
    ["bot token missing in Socket Mode", { SLACK_APP_TOKEN: APP }, "SLACK_BOT_TOKEN"],
    ["bot token that is a user token", { SLACK_BOT_TOKEN: "xoxp-1-SECRETuser", SLACK_APP_TOKEN: APP }, "SLACK_BOT_TOKEN"],
    ["bot token without a mode", { SLACK_BOT_TOKEN: BOT }, "SLACK_APP_TOKEN"],
    ["app token with the wrong prefix", { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: "xoxb-SECRETwrong" }, "SLACK_APP_TOKEN"],
    ["signing secret with spaces", { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: "SECRET with spaces" }, "SLACK_SIGNING_SECRET"],
    ["signing secret with a newline inside", { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: "0123SECRET\n4567" }, "SLACK_SIGNING_SECRET"],
    ["bot token with a newline inside", { SLACK_BOT_TOKEN: "xoxb-1234-SECRET\n5678", SLACK_SIGNING_SECRET: SIGNING }, "SLACK_BOT_TOKEN"],
    ["bot token with a space inside", { SLACK_BOT_TOKEN: "xoxb-1234 SECRET5678", SLACK_SIGNING_SECRET: SIGNING }, "SLACK_BOT_TOKEN"],
    ["bot token with a tab inside", { SLACK_BOT_TOKEN: "xoxb-1234\tSECRET5678", SLACK_SIGNING_SECRET: SIGNING }, "SLACK_BOT_TOKEN"],
    ["bot token with a zero-width space", { SLACK_BOT_TOKEN: "xoxb-1234\u200bSECRET5678", SLACK_SIGNING_SECRET: SIGNING }, "SLACK_BOT_TOKEN"],
    ["app token with a newline inside", { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: "xapp-1-A0\nSECRET-9999" }, "SLACK_APP_TOKEN"],
    ["no Slack variables with NODE_ENV=production", { NODE_ENV: "production" }, "SLACK_BOT_TOKEN"],
    ["hexadecimal dedupe window", { AUTO_REPLY_DEDUPE_HOURS: "0x10" }, "AUTO_REPLY_DEDUPE_HOURS"],
    ["dedupe window in exponent notation", { AUTO_REPLY_DEDUPE_HOURS: "1e1" }, "AUTO_REPLY_DEDUPE_HOURS"],
    ["fractional dedupe window", { AUTO_REPLY_DEDUPE_HOURS: "1.5" }, "AUTO_REPLY_DEDUPE_HOURS"],
    ["signed dedupe window", { AUTO_REPLY_DEDUPE_HOURS: "+8" }, "AUTO_REPLY_DEDUPE_HOURS"],
    ["hexadecimal API timeout", { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, SLACK_API_TIMEOUT_MS: "0x2710" }, "SLACK_API_TIMEOUT_MS"],
    ["API timeout of zero", { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, SLACK_API_TIMEOUT_MS: "5" }, "SLACK_API_TIMEOUT_MS"],
    ["non-numeric port", { PORT: "abc" }, "PORT"],
    ["port out of range", { PORT: "70000" }, "PORT"],
    ["negative dedupe window", { AUTO_REPLY_DEDUPE_HOURS: "-1" }, "AUTO_REPLY_DEDUPE_HOURS"],
    ["zero dedupe window", { AUTO_REPLY_DEDUPE_HOURS: "0" }, "AUTO_REPLY_DEDUPE_HOURS"],
    ["dedupe window beyond a year", { AUTO_REPLY_DEDUPE_HOURS: "8761" }, "AUTO_REPLY_DEDUPE_HOURS"],
    ["auto-reply switch not on/off", { AUTO_REPLY: "sometimes" }, "AUTO_REPLY"],
    ["channel names instead of IDs", { AUTO_REPLY_CHANNELS: "C0123ABCD,#helpdesk" }, "AUTO_REPLY_CHANNELS"],
    ["unknown log level", { LOG_LEVEL: "verbose" }, "LOG_LEVEL"],
    ["API URL that is not a URL", { SLACK_API_URL: "slack-gov/SECRET" }, "SLACK_API_URL"],
  ];

  it.each(cases)("%s", (_name, env, variable) => {
    const error = configError(env);
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable} `)).toBe(true);
    expect(error.message).not.toContain("\n");
    // Values of one or two characters ("0") may appear in the allowed range; they are no secrets.
    for (const value of Object.values(env)) if (value !== undefined && value.length > 2) expect(error.message).not.toContain(value);
  });
});
