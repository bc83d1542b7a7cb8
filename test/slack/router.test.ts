// The listener router: each request reaches exactly the one listener that can take it, and anything none
// of ours takes goes on to Bolt (where an app's own listeners would see it).
import { App, type Receiver } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { createListenerRouter } from "../../src/slack/router.js";
import { createRedactingLogger } from "../../src/slack/logger.js";

function appWithRouter() {
  const logger = createRedactingLogger({ level: "error", secrets: [], write: () => undefined });
  const receiver = { init: () => undefined, start: async () => undefined, stop: async () => undefined } as unknown as Receiver;
  const app = new App({ receiver, token: "xoxb-1-2-router", botId: "B1", botUserId: "U1", logger, deferInitialization: true, tokenVerificationEnabled: false, convoStore: false });
  const seen: string[] = [];
  const router = createListenerRouter(app);
  router.command("/zpa-code", async ({ ack }) => void (seen.push("command"), await ack()));
  router.event("message", async () => void seen.push("message"));
  router.event("app_mention", async () => void seen.push("app_mention"));
  router.action(/^zpa_/, async ({ ack, action }) => void (seen.push(`action:${action.action_id}`), await ack()));
  router.view("zpa_search", async ({ ack }) => void (seen.push("view"), await ack()));
  // What Bolt would run after the router, for requests the router passes on.
  app.use(async ({ next }) => {
    seen.push("passed on");
    await next();
  });
  return { app, seen };
}

async function deliver(app: App, body: Record<string, unknown>): Promise<void> {
  await app.init();
  await app.processEvent({ body, ack: async () => undefined } as never);
}

const event = (type: string) => ({ type: "event_callback", team_id: "T1", event: { type, channel: "C1", ts: "1.1", user: "U2", text: "x" } });

describe("the listener router", () => {
  it("sends each kind of request to its one listener", async () => {
    const { app, seen } = appWithRouter();
    await deliver(app, { command: "/zpa-code", text: "x", team_id: "T1", user_id: "U2", channel_id: "C1" });
    await deliver(app, event("message"));
    await deliver(app, event("app_mention"));
    await deliver(app, { type: "block_actions", team: { id: "T1" }, user: { id: "U2" }, actions: [{ action_id: "zpa_share:X", type: "button" }] });
    await deliver(app, { type: "view_submission", team: { id: "T1" }, user: { id: "U2" }, view: { callback_id: "zpa_search", type: "modal" } });
    expect(seen).toEqual(["command", "message", "app_mention", "action:zpa_share:X", "view"]);
  });

  it("passes on what none of ours takes: another command, another event, another app's button", async () => {
    const { app, seen } = appWithRouter();
    await deliver(app, { command: "/other", text: "x", team_id: "T1", user_id: "U2", channel_id: "C1" });
    await deliver(app, event("reaction_added"));
    await deliver(app, { type: "block_actions", team: { id: "T1" }, user: { id: "U2" }, actions: [{ action_id: "theirs", type: "button" }] });
    expect(seen).toEqual(["passed on", "passed on", "passed on"]);
  });
});
