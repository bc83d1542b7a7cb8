// The real entry point in HTTP mode, fed correctly signed requests that are not Slack payloads: each gets a
// 4xx, timestamps off by more than 5 minutes either way get 401, and the same process then still answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeSlackApi, type FakeSlackApi } from "../support/fake-slack-api.js";
import { postSigned, postSlashCommand } from "../support/sign.js";
import { spawnMain, type MainProcess } from "../support/spawn-main.js";

const BOT = "xoxb-4444-5555-HOSTILEbotTOKEN";
const SIGNING = "h0stileSigningSecret0123456789ab";
const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

let api: FakeSlackApi;
let main: MainProcess;
let baseUrl: string;

beforeAll(async () => {
  api = await startFakeSlackApi();
  main = spawnMain({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, SLACK_API_URL: api.apiUrl, PORT: "0", LOG_LEVEL: "info" });
  const [, port] = await main.waitForOutput(/listening on port (\d+)/);
  baseUrl = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  main?.child.kill("SIGKILL");
  await api?.close();
});

async function stillServing(): Promise<void> {
  expect(main.child.exitCode, main.output()).toBeNull();
  const health = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(5_000) });
  expect(health.status).toBe(200);
  // A lookup is answered in the acknowledgement itself.
  const ack = await postSlashCommand(baseUrl, SIGNING, { text: "BRK_MT_SETUP_TIMEOUT" });
  expect(ack.status).toBe(200);
  expect(await ack.text()).toContain("BRK_MT_SETUP_TIMEOUT");
}

describe("HTTP mode with signed requests that are not Slack payloads", () => {
  it.each([
    ["JSON null", "null", JSON_TYPE],
    ["a JSON array", "[1,2]", JSON_TYPE],
    ["a JSON string", '"ssl_check"', JSON_TYPE],
    ["a JSON number", "42", JSON_TYPE],
    ["payload=null", "payload=null", FORM],
    ["payload=[]", "payload=%5B%5D", FORM],
    ["payload=7", "payload=7", FORM],
    ["unparsable JSON", "{not json", JSON_TYPE],
  ])("%s gets a 4xx and the process keeps serving", async (_name, body, contentType) => {
    const response = await postSigned(baseUrl, SIGNING, body, contentType);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    await stillServing();
  });

  it("an unsigned `null` gets 401, like any unsigned request", async () => {
    const response = await postSigned(baseUrl, SIGNING, "null", JSON_TYPE, { signature: "v0=00" });
    expect(response.status).toBe(401);
    await stillServing();
  });

  it.each([
    ["6 minutes in the future", 6 * 60],
    ["6 minutes in the past", -6 * 60],
  ])("a request signed with a timestamp %s gets 401", async (_name, offsetSeconds) => {
    const response = await postSlashCommand(baseUrl, SIGNING, { text: "BRK_MT_SETUP_TIMEOUT" }, { timestamp: Math.floor(Date.now() / 1000) + offsetSeconds });
    expect(response.status).toBe(401);
    expect(await response.text()).toBe("");
    await stillServing();
  });

  it("a timestamp 4 minutes in the future is still accepted (clocks drift a little)", async () => {
    const response = await postSlashCommand(baseUrl, SIGNING, { text: "BRK_MT_SETUP_TIMEOUT" }, { timestamp: Math.floor(Date.now() / 1000) + 4 * 60 });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("BRK_MT_SETUP_TIMEOUT");
  });

  it("logged why, without the tokens", () => {
    expect(main.output()).toContain("Malformed request body");
    expect(main.output()).toMatch(/timestamp is \d+ s away/);
    expect(main.output()).not.toContain(BOT);
    expect(main.output()).not.toContain(SIGNING);
  });
});
