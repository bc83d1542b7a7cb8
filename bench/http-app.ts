// One app under test for bench/http.bench.ts, in a process of its own, so its heap and garbage collection
// cost only its own requests. Started with: <kind> <fake Slack API URL> [answer JSON for the bare apps].
import { App, HTTPReceiver, type RespondArguments } from "@slack/bolt";
import type { AddressInfo } from "node:net";
import type { HttpModeConfig } from "../src/config.js";
import { createBot } from "../src/bot/bot.js";
import { openInProcessState } from "../src/state/open.js";
import { createRedactingLogger } from "../src/slack/logger.js";
import { startSlackApp } from "../src/slack/start.js";

export const SIGNING_SECRET = "benchSigningSecret0123456789abcd";
const BOT_TOKEN = "xoxb-bench-0000-benchtoken";

/** What the parent sends, and what the app answers. */
export type AppRequest = "cpu" | "stop";
export type AppReport = { port: number } | { cpuMs: number };

async function startOurs(apiUrl: string): Promise<{ port: number; stop(): Promise<void> }> {
  const config: HttpModeConfig = {
    mode: "http",
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    slackApiUrl: apiUrl,
    port: 0,
    logLevel: "error",
    autoReply: { enabled: true, channels: null, dedupeHours: 24 },
  };
  const logger = createRedactingLogger({ level: "error", secrets: [BOT_TOKEN, SIGNING_SECRET] });
  const running = await startSlackApp(config, createBot(config, openInProcessState()), { host: "127.0.0.1", logger });
  return { port: running.port, stop: () => running.stop(1_000) };
}

/** A bare Bolt app: acks with a fixed answer (this app's card, captured by the bench). */
async function startBare(apiUrl: string, answer: RespondArguments, lean: boolean): Promise<{ port: number; stop(): Promise<void> }> {
  const logger = createRedactingLogger({ level: "error", secrets: [BOT_TOKEN, SIGNING_SECRET] });
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, logger });
  const app = new App({
    receiver,
    token: BOT_TOKEN,
    logger,
    logLevel: logger.getLevel(),
    clientOptions: { slackApiUrl: apiUrl },
    deferInitialization: true,
    // The lean variant also drops Bolt's conversation store, as zpa-codes does: a stricter baseline.
    ...(lean ? { convoStore: false as const } : {}),
  });
  app.command("/zpa-code", async ({ ack }) => {
    await ack(answer);
  });
  await app.init();
  const server = await receiver.start({ port: 0, host: "127.0.0.1" });
  return { port: (server.address() as AddressInfo).port, stop: () => receiver.stop() };
}

const [kind, apiUrl, answerJson] = process.argv.slice(2);
if (kind !== undefined && apiUrl !== undefined && process.send) {
  const app = kind === "zpa-codes" ? await startOurs(apiUrl) : await startBare(apiUrl, JSON.parse(answerJson ?? "{}") as RespondArguments, kind.endsWith("-lean"));
  const report = (message: AppReport): void => void process.send!(message);
  process.on("message", (request: AppRequest) => {
    if (request === "cpu") {
      const used = process.cpuUsage();
      report({ cpuMs: (used.user + used.system) / 1000 });
    } else if (request === "stop") {
      void app.stop().finally(() => process.exit(0));
    }
  });
  // The parent going away must not leave this process behind.
  process.on("disconnect", () => process.exit(0));
  report({ port: app.port });
}
