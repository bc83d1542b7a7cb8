// Run modes end to end over loopback: HTTP mode, Socket Mode, and the real entry point as a process.
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/load.js";
import { createBot } from "../../src/bot/bot.js";
import { openInProcessState } from "../../src/state/open.js";
import { createRedactingLogger } from "../../src/slack/logger.js";
import { SlackStartError, startSlackApp } from "../../src/slack/start.js";
import {
  startHttpTestApp,
  startSocketTestApp,
  TEST_APP_TOKEN,
  TEST_BOT_TOKEN,
  type HttpTestApp,
  type SocketTestApp,
} from "../support/app.js";
import { startFakeSlackApi, type FakeSlackApi } from "../support/fake-slack-api.js";
import { appMention, channelMessage } from "../support/payloads.js";
import { postEvent, postSlashCommand } from "../support/sign.js";
import { spawnMain } from "../support/spawn-main.js";

const catalogSize = loadCatalog().entries.length;

/** Every handler the app started has finished, so "no call" means none was made rather than none yet. */
async function settled(app: HttpTestApp): Promise<void> {
  expect(await app.running.inFlight.drained(5_000)).toBe(true);
}

describe("HTTP mode", () => {
  let slack: HttpTestApp;
  beforeAll(async () => {
    slack = await startHttpTestApp();
  });
  afterAll(async () => {
    await slack?.close();
  });

  it("answers /healthz with the catalog size", async () => {
    const response = await fetch(`${slack.baseUrl}/healthz`, { signal: AbortSignal.timeout(5_000) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toMatchObject({ status: "ok", mode: "http", catalogEntries: catalogSize });
  });

  it("honours LOG_LEVEL (warn here): the start-up info line is not logged", () => {
    expect(slack.logLines.filter((line) => / (INFO|DEBUG) /.test(line))).toEqual([]);
  });

  it("accepts a correctly signed slash command", async () => {
    const response = await postSlashCommand(slack.baseUrl, slack.signingSecret, {
      text: "BRK_MT_SETUP_TIMEOUT",
      response_url: slack.api.responseUrl(),
    });
    expect(response.status).toBe(200);
  });

  it("rejects a bad signature with 401 and makes no Slack call", async () => {
    await settled(slack);
    slack.api.clearCalls();
    const wrongSecret = await postSlashCommand(slack.baseUrl, "not-the-signing-secret", {
      text: "BRK_MT_SETUP_TIMEOUT",
      response_url: slack.api.responseUrl(),
    });
    const tampered = await postEvent(slack.baseUrl, slack.signingSecret, appMention("BRK_MT_SETUP_TIMEOUT"), {
      signature: "v0=0000000000000000000000000000000000000000000000000000000000000000",
    });
    expect([wrongSecret.status, tampered.status]).toEqual([401, 401]);
    await settled(slack);
    expect(slack.api.calls.map((c) => c.method)).toEqual([]);
  });

  it("rejects a replayed request (timestamp over 5 minutes old) with 401 and makes no Slack call", async () => {
    await settled(slack);
    slack.api.clearCalls();
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const response = await postEvent(slack.baseUrl, slack.signingSecret, appMention("BRK_MT_SETUP_TIMEOUT"), {
      timestamp: sixMinutesAgo,
    });
    expect(response.status).toBe(401);
    await settled(slack);
    expect(slack.api.calls.map((c) => c.method)).toEqual([]);
  });

  it("refuses an oversized body instead of buffering it", async () => {
    const response = await postSlashCommand(slack.baseUrl, slack.signingSecret, { text: "A".repeat(2 * 1024 * 1024) });
    expect(response.status).toBe(413);
  });
});

describe("Socket Mode", () => {
  let slack: SocketTestApp;
  beforeAll(async () => {
    slack = await startSocketTestApp();
  });
  afterAll(async () => {
    await slack?.close();
  });

  it("connects through apps.connections.open with the app token", async () => {
    const [open] = slack.api.callsTo("apps.connections.open");
    expect(open?.headers.authorization).toBe(`Bearer ${slack.config.appToken}`);
    expect(slack.socket.connectionCount).toBe(1);
  });

  it("acknowledges an envelope", async () => {
    const envelopeId = slack.socket.sendEvent(channelMessage("is the VPN down for anyone else?"));
    const ack = await slack.socket.waitForAck(envelopeId);
    expect(ack.envelope_id).toBe(envelopeId);
  });

  it("answers /healthz on its own port with the catalog size", async () => {
    const response = await fetch(`${slack.baseUrl}/healthz`, { signal: AbortSignal.timeout(5_000) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", mode: "socket", catalogEntries: catalogSize });
  });

  it("answers a request target that is not a URL with 404 and keeps serving /healthz", async () => {
    const statusLine = await rawRequest(slack.baseUrl, "GET http://[/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    expect(statusLine).toBe("HTTP/1.1 404 Not Found");
    const response = await fetch(`${slack.baseUrl}/healthz`, { signal: AbortSignal.timeout(5_000) });
    expect(response.status).toBe(200);
  });
});

/** Sends bytes fetch() would refuse to send; resolves with the response's status line. */
function rawRequest(baseUrl: string, request: string): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    let reply = "";
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.write(request));
    socket.setTimeout(5_000, () => socket.destroy(new Error("no reply within 5 s")));
    socket.on("data", (chunk: Buffer) => (reply += chunk.toString()));
    socket.once("error", reject);
    socket.once("close", () => resolve(reply.split("\r\n")[0] ?? ""));
  });
}

describe("Socket Mode with an app token Slack rejects", () => {
  it("fails to start with an error naming SLACK_APP_TOKEN, without logging the token", async () => {
    const api = await startFakeSlackApi();
    api.answer("apps.connections.open", () => ({ ok: false, error: "invalid_auth" }));
    const lines: string[] = [];
    const logger = createRedactingLogger({
      level: "debug",
      secrets: [TEST_BOT_TOKEN, TEST_APP_TOKEN],
      write: (line) => lines.push(line),
    });
    const autoReply = { enabled: true, channels: null, dedupeHours: 24 };
    try {
      const starting = startSlackApp(
        {
          mode: "socket",
          botToken: TEST_BOT_TOKEN,
          appToken: TEST_APP_TOKEN,
          slackApiUrl: api.apiUrl,
          port: 0,
          logLevel: "debug",
          autoReply,
        },
        createBot({ autoReply }, openInProcessState()),
        { host: "127.0.0.1", logger },
      );
      const error = await starting.then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(SlackStartError);
      expect((error as SlackStartError).message).toBe("Slack rejected SLACK_APP_TOKEN (invalid_auth)");
      expect(lines.join("\n")).not.toContain(TEST_APP_TOKEN);
    } finally {
      await api.close();
    }
  });
});

describe("entry point (npm start)", () => {
  const BOT = "xoxb-9999-8888-SPAWNEDbotTOKEN";
  const APP = "xapp-1-A0SPAWN-7777-SPAWNEDappTOKEN";
  const SIGNING = "5pawnedSigningSecret0123456789ab";

  // Without Slack variables it serves the local preview: test/start-preview.test.ts.

  it.concurrent.each([
    ["SLACK_BOT_TOKEN", { SLACK_SIGNING_SECRET: SIGNING }],
    ["SLACK_APP_TOKEN", { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: "app-token-SPAWNEDwrongPrefix" }],
    ["PORT", { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, PORT: "abc" }],
    ["AUTO_REPLY_DEDUPE_HOURS", { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, AUTO_REPLY_DEDUPE_HOURS: "-1" }],
  ])("stops on a bad %s with one line naming it and exit code 78", async (variable, env) => {
    const main = spawnMain(env);
    const { code } = await main.exited();
    expect(code).toBe(78);
    const lines = main.output().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(variable);
    for (const value of Object.values(env)) expect(main.output()).not.toContain(value);
  });

  describe("against the fake Slack API", () => {
    let api: FakeSlackApi;
    beforeAll(async () => {
      api = await startFakeSlackApi();
    });
    afterAll(async () => {
      await api?.close();
    });

    it("reports a bot token Slack rejects without printing it", async () => {
      api.answer("auth.test", () => ({ ok: false, error: "invalid_auth" }));
      try {
        const main = spawnMain({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: api.apiUrl, LOG_LEVEL: "debug" });
        const { code } = await main.exited();
        expect(code).toBe(78);
        expect(main.output()).toMatch(/^Configuration error: .*SLACK_BOT_TOKEN.*invalid_auth/m);
        for (const secret of [BOT, APP]) expect(main.output()).not.toContain(secret);
      } finally {
        api.answer("auth.test", () => ({ user_id: "U0TESTBOT", bot_id: "B0TESTBOT", team_id: "T0TESTTEAM" }));
      }
    });

    it("on SIGTERM finishes the reply in flight, exits 0, and never logs a secret", async () => {
      const replyMethods = ["chat.postMessage", "chat.postEphemeral", "response_url"];
      for (const method of replyMethods) api.holdAnswers(method, 1_500);
      const main = spawnMain({
        SLACK_BOT_TOKEN: BOT,
        SLACK_SIGNING_SECRET: SIGNING,
        SLACK_API_URL: api.apiUrl,
        PORT: "0",
        LOG_LEVEL: "debug",
      });
      try {
        const [, port] = await main.waitForOutput(/listening on port (\d+)/);
        const baseUrl = `http://127.0.0.1:${port}`;
        const accepted = await postEvent(baseUrl, SIGNING, appMention("what is BRK_MT_SETUP_TIMEOUT?"));
        expect(accepted.status).toBe(200);
        // The event was acknowledged at once; the reply is now held by the fake API, i.e. in flight.
        const [reply] = await Promise.any(replyMethods.map((method) => api.waitForCalls(method, 1, 5_000)));
        main.child.kill("SIGTERM");
        const { code, at } = await main.exited();
        expect(code).toBe(0);
        expect(reply!.answeredAt).toBeDefined();
        expect(at).toBeGreaterThanOrEqual(reply!.answeredAt!);
        for (const secret of [BOT, SIGNING]) expect(main.output()).not.toContain(secret);
      } finally {
        main.child.kill("SIGKILL");
      }
    });
  });
});
