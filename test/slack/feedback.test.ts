// "Right code? 👍 / 👎" end to end: a guessed card over HTTP through the real Bolt app, votes kept in a
// real Redis with hashed users, then `zpa-code stats --feedback` reading them as an operator would.
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { State } from "../../src/state/open.js";
import { runCli } from "../../src/cli/run.js";
import { ACTION } from "../../src/render/action-ids.js";
import { startHttpTestApp, type HttpTestApp } from "../support/app.js";
import { blockActions, nextTs, TEST_TEAM_ID, TEST_USER_ID } from "../support/payloads.js";
import { startRedisServer, type RedisServer } from "../support/redis-server.js";
import { postInteraction, postSlashCommand } from "../support/sign.js";
import { newKeyPrefix, openTestState } from "../support/state.js";
import { buttonsOf } from "../support/slack.js";
import { REDIS_SERVER, describeIfInstalled } from "../support/system-binaries.js";

// Everything below needs redis_server: skipped with one line naming it when it is missing, failed under CI.
describeIfInstalled(REDIS_SERVER)("with a real redis-server", () => {
  let redis: RedisServer;
  let state: State;
  let t: HttpTestApp;
  const prefix = newKeyPrefix();

  beforeAll(async () => {
    redis = await startRedisServer();
    state = await openTestState("Redis", { redisUrl: redis.url, keyPrefix: prefix });
    t = await startHttpTestApp({ state });
  });
  afterAll(async () => {
    await t?.close();
    await state?.store.close();
    await redis?.stop();
  });

  /** A lookup is answered in the acknowledgement's body. */
  async function command(text: string): Promise<Record<string, any>> {
    const res = await postSlashCommand(t.baseUrl, t.signingSecret, { text, response_url: t.api.responseUrl(`cmd-${nextTs()}`) });
    return (await res.json()) as Record<string, any>;
  }

  async function vote(card: Record<string, any>, which: "up" | "down", user: string): Promise<Record<string, any>> {
    const button = buttonsOf(card.blocks).find((b) => b.action_id === `${ACTION.feedback}:${which}`)!;
    const id = `vote-${nextTs()}`;
    const payload = blockActions([{ action_id: button.action_id, value: button.value }], {
      response_url: t.api.responseUrl(id),
      user: { id: user, username: user, name: user, team_id: TEST_TEAM_ID },
    });
    await postInteraction(t.baseUrl, t.signingSecret, payload);
    return (await t.api.waitForResponsePost(id)).body;
  }

  async function stats(args: string[]): Promise<{ code: number; stdout: string }> {
    const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
    let stdout = "";
    io.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    io.stdin.end("");
    const code = await runCli(["stats", ...args], io, { env: { REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix } });
    return { code, stdout };
  }

  describe("Right code?", () => {
    it("is asked on cards answered from words or a typo, not on an exact code", async () => {
      const labels = (card: Record<string, any>) => buttonsOf(card.blocks).map((b) => b.text.text);
      expect(labels(await command("saml assertion too large"))).toEqual(expect.arrayContaining(["👍 Yes", "👎 No"]));
      expect(labels(await command("brk_mt_setup_timout"))).toEqual(expect.arrayContaining(["👍 Yes", "👎 No"]));
      expect(labels(await command("BRK_MT_SETUP_TIMEOUT"))).not.toContain("👍 Yes");
    });

    it("counts votes with hashed users, and stats --feedback lists the worst-rated query first", async () => {
      const typo = await command("brk_mt_setup_timout");
      const words = await command("saml assertion too large");
      expect((await vote(typo, "down", "U0VOTER1")).text).toContain("was not the code you meant");
      await vote(typo, "down", "U0VOTER2");
      await vote(typo, "down", "U0VOTER2"); // the same person again counts once
      await vote(words, "up", TEST_USER_ID);
      await vote(words, "down", "U0VOTER3");

      const kept = await state.store.feedbackSince(0);
      expect(kept).toHaveLength(5);
      expect(JSON.stringify(kept)).not.toMatch(/U0VOTER|U0TESTUSER/);
      expect(kept.find((f) => f.query === "brk_mt_setup_timout")).toMatchObject({ code: "BRK_MT_SETUP_TIMEOUT", vote: "down" });

      const json = await stats(["--feedback", "--json"]);
      expect(json.code).toBe(0);
      const { queries } = JSON.parse(json.stdout) as { queries: Array<{ query: string; up: number; down: number; codes: string[]; alternatives: string[] }> };
      expect(queries.map((q) => [q.query, q.down, q.up])).toEqual([
        ["brk_mt_setup_timout", 2, 0],
        ["saml assertion too large", 1, 1],
      ]);
      expect(queries[0]!.codes).toEqual(["BRK_MT_SETUP_TIMEOUT"]);
      expect(queries[0]!.alternatives).toContain("FOHH_CLOSE_REASON_CONNECT_TIMEOUT");
      const text = await stats(["--feedback"]);
      expect(text.stdout.split("\n")[1]).toMatch(/^ 1\. "brk_mt_setup_timout"  👎 2  👍 0  shown: BRK_MT_SETUP_TIMEOUT/);
    });

    it("drops a forged vote for a code the bot never showed", async () => {
      const before = (await state.store.feedbackSince(0)).length;
      const forged = blockActions([{ action_id: `${ACTION.feedback}:down`, value: JSON.stringify({ q: "x", c: "NOT_A_CODE", a: [] }) }]);
      await postInteraction(t.baseUrl, t.signingSecret, forged);
      expect(await t.running.inFlight.drained(5_000)).toBe(true);
      expect((await state.store.feedbackSince(0)).length).toBe(before);
    });
  });
});
