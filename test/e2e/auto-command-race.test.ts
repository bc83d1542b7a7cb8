// Many people switching one channel's auto-replies at once, across two replicas on one Redis: one real
// change, one channel note; everyone else is told it already was so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { State } from "../../src/state/open.js";
import { startHttpTestApp, type HttpTestApp } from "../support/app.js";
import { TEST_CHANNEL_ID } from "../support/payloads.js";
import { startRedisServer, type RedisServer } from "../support/redis-server.js";
import { postSlashCommand } from "../support/sign.js";
import { newKeyPrefix, openTestState } from "../support/state.js";

const RACERS = 8;

let redis: RedisServer;
const states: State[] = [];
const apps: HttpTestApp[] = [];
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await Promise.all(states.map((state) => state.store.close()));
  await redis?.stop();
});

async function replica(keyPrefix: string): Promise<HttpTestApp> {
  const state = await openTestState("Redis", { redisUrl: redis.url, keyPrefix });
  states.push(state);
  const app = await startHttpTestApp({ state });
  apps.push(app);
  return app;
}

/** `/zpa-code <text>` from `user` through `app`; resolves with the private answer's text. */
async function command(app: HttpTestApp, text: string, user: string): Promise<string> {
  const id = `race-${user}-${text.replace(/\W/g, "")}`;
  await postSlashCommand(app.baseUrl, app.signingSecret, { text, user_id: user, response_url: app.api.responseUrl(id) });
  return JSON.stringify((await app.api.waitForResponsePost(id)).body);
}

describe("concurrent `/zpa-code auto off|on` on one channel, two replicas on one Redis", () => {
  it("posts exactly one channel note per real change; the others hear it was already so", async () => {
    const keyPrefix = newKeyPrefix();
    const replicas = [await replica(keyPrefix), await replica(keyPrefix)];
    const notes = (): unknown[] => replicas.flatMap((app) => app.api.callsTo("chat.postMessage"));

    for (const change of ["off", "on"] as const) {
      const before = notes().length;
      const answers = await Promise.all(
        Array.from({ length: RACERS }, (_, i) => command(replicas[i % 2]!, `auto ${change}`, `U0RACER${change.toUpperCase()}${i}`)),
      );
      for (const app of replicas) expect(await app.running.inFlight.drained(5_000)).toBe(true);

      const posted = notes().slice(before) as Array<{ body: { channel: string; text: string } }>;
      expect(posted).toHaveLength(1);
      expect(posted[0]!.body.channel).toBe(TEST_CHANNEL_ID);
      expect(posted[0]!.body.text).toContain(`turned auto-replies *${change}*`);
      const told = answers.filter((answer) => answer.includes(`are already *${change}* in this channel`));
      expect(told, answers.join("\n")).toHaveLength(RACERS - 1);
    }
  });
});
