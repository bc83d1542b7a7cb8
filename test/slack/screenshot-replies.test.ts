// Screenshots posted in Slack, end to end over HTTP: the real Bolt app downloads the file from the fake
// Web API with its bot token, reads it with OCR, and answers in the thread; retries and other hosts,
// sizes and types are handled as the issue says; slash commands answer while images wait for OCR (held in its
// queue by a closed gate, so "still waiting" is certain, not a matter of timing).
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_OCR_SETTINGS } from "../../src/config.js";
import { COULD_NOT_READ, READ_FROM_SCREENSHOT } from "../../src/render/image-reply.js";
import { closedOcrGate, handlersSettled, PATIENT_OCR, startHttpTestApp, TEST_BOT_TOKEN, type HttpTestApp } from "../support/app.js";
import { appMention, channelMessage, nextTs, TEST_CHANNEL_ID } from "../support/payloads.js";
import { postEvent, postSlashCommand } from "../support/sign.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ocr/${name}`, import.meta.url));
const JOURNAL = fixture("terminal-journal.png");
const NEAR_MISSES = fixture("negative-near-misses.png");

/** The app under test: each describe block starts its own and closes it, so one OCR worker runs at a time. */
let t: HttpTestApp;
let fileCounter = 0;

beforeEach(() => {
  t.api.clearCalls();
});

const settled = (): Promise<void> => handlersSettled(t);

/** A file object as Slack puts it on a file_share message. */
function slackFile(bytes: Buffer, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  fileCounter += 1;
  const name = `Screenshot ${fileCounter}.png`;
  return {
    id: `F0TEST${fileCounter}`,
    name,
    mimetype: "image/png",
    filetype: "png",
    size: bytes.length,
    url_private_download: t.api.serveFile(name, bytes),
    ...overrides,
  };
}

function imageMessage(text: string, files: Record<string, unknown>[], overrides: Record<string, unknown> = {}) {
  return channelMessage(text, { subtype: "file_share", files, ...overrides });
}

const textOf = (blocks: any[]): string => JSON.stringify(blocks);

describe("screenshots in Slack", () => {
  beforeAll(async () => {
    t = await startHttpTestApp({ ocr: PATIENT_OCR });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("downloads with the bot token and answers the codes in the thread, under a read-from-screenshot line", async () => {
    const event = imageMessage("connector logs, any idea?", [slackFile(JOURNAL)]);
    await postEvent(t.baseUrl, t.signingSecret, event);
    const [reply] = await t.api.waitForCalls("chat.postMessage", 1, 120_000);
    await settled();
    const [download] = t.api.callsTo("files.download");
    expect(download!.headers.authorization).toBe(`Bearer ${TEST_BOT_TOKEN}`);
    expect(reply!.body.thread_ts).toBe(event.ts);
    expect(reply!.body.blocks[0].elements[0].text).toContain(READ_FROM_SCREENSHOT);
    expect(textOf(reply!.body.blocks)).toContain("FOHH_CLOSE_REASON_SOCKET_ERR");
    expect(textOf(reply!.body.blocks)).toContain("FOHH_CLOSE_REASON_REDIRECT");
    expect(t.api.callsTo("chat.postMessage")).toHaveLength(1);
  }, 180_000);

  it("reads a file once across Slack's retries and answers a code once per thread", async () => {
    const file = slackFile(JOURNAL);
    const event = imageMessage("", [file]);
    await postEvent(t.baseUrl, t.signingSecret, event);
    await t.api.waitForCalls("chat.postMessage", 1, 120_000);
    await postEvent(t.baseUrl, t.signingSecret, event, { retryNum: 1, retryReason: "http_timeout" });
    // The same screenshot again in the same thread, as a new file: read, but its codes were answered.
    await postEvent(t.baseUrl, t.signingSecret, imageMessage("", [slackFile(JOURNAL)], { thread_ts: event.ts, ts: nextTs() }));
    await settled();
    expect(t.api.callsTo("files.download")).toHaveLength(2);
    expect(t.api.callsTo("chat.postMessage")).toHaveLength(1);
  }, 180_000);

  it("stays quiet on an image without codes, except to an @mention, which hears it could not read one", async () => {
    await postEvent(t.baseUrl, t.signingSecret, imageMessage("see", [slackFile(NEAR_MISSES)]));
    await settled();
    expect(t.api.callsTo("files.download")).toHaveLength(1);
    expect(t.api.callsTo("chat.postMessage")).toHaveLength(0);

    const mention = appMention("what is this?", { files: [slackFile(NEAR_MISSES)] });
    await postEvent(t.baseUrl, t.signingSecret, mention);
    const [hint] = await t.api.waitForCalls("chat.postMessage", 1, 120_000);
    await settled();
    expect(hint!.body.text).toContain(COULD_NOT_READ);
    expect(hint!.body.thread_ts).toBe(mention.ts);
    expect(t.api.callsTo("chat.postMessage")).toHaveLength(1);
  }, 180_000);

  it("never fetches from other hosts, files over OCR_MAX_BYTES, or files that are not images", async () => {
    const foreign = slackFile(JOURNAL, { url_private_download: "http://127.0.0.2:9/files-pri/T/F/shot.png" });
    const plainHttpSlack = slackFile(JOURNAL, { url_private_download: "http://files.slack.com/files-pri/T/F/shot.png" });
    const huge = slackFile(JOURNAL, { size: DEFAULT_OCR_SETTINGS.maxBytes + 1 });
    const pdf = slackFile(JOURNAL, { mimetype: "application/pdf", filetype: "pdf" });
    // Declared a PNG but served as HTML (Slack's sign-in page, when files:read is missing).
    const html = slackFile(JOURNAL, { url_private_download: t.api.serveFile("page.png", Buffer.from("<html>"), "text/html") });
    await postEvent(t.baseUrl, t.signingSecret, imageMessage("", [foreign, plainHttpSlack, huge, pdf]));
    await postEvent(t.baseUrl, t.signingSecret, imageMessage("", [html]));
    await settled();
    expect(t.api.callsTo("files.download")).toHaveLength(1);
    expect(t.api.callsTo("chat.postMessage")).toHaveLength(0);
    const notRead = t.logLines.filter((line) => line.includes("not read"));
    expect(notRead.join("\n")).toMatch(/127\.0\.0\.2:9 is not a Slack file host/);
    expect(notRead.join("\n")).toMatch(/files\.slack\.com is not a Slack file host/);
    expect(notRead.join("\n")).toMatch(/text\/html, not an image \(is the files:read scope granted\?\)/);
    expect(t.logLines.join("\n")).not.toContain(TEST_BOT_TOKEN);
  }, 60_000);
});

describe("screenshots waiting for OCR", () => {
  const ocr = closedOcrGate();
  beforeAll(async () => {
    t = await startHttpTestApp({ ocr: PATIENT_OCR, ocrGate: ocr.gate });
  });
  // A gate left closed (the test failed early) is fine: stopping the app refuses the images still queued.
  afterAll(async () => {
    await t?.close();
  });

  it("keeps answering slash commands while 10 images are queued, then answers each image once", async () => {
    const events = Array.from({ length: 10 }, () => imageMessage("", [slackFile(JOURNAL)], { channel: TEST_CHANNEL_ID }));
    for (const event of events) await postEvent(t.baseUrl, t.signingSecret, event);
    // Downloaded and checked, all ten wait in the OCR queue; the closed gate lets none be read.
    await ocr.untilWaiting(10);
    // A lookup is answered in the HTTP response to Slack's POST (the ack body). Had the command waited for
    // the queue, it would never be answered (Bolt answers 404 after 3 s; the bound only ends a hang).
    const response = await postSlashCommand(
      t.baseUrl,
      t.signingSecret,
      { text: "BRK_MT_SETUP_TIMEOUT", response_url: t.api.responseUrl("busy") },
      { timeoutMs: 30_000 },
    );
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { text: string };
    expect(answer.text).toContain("BRK_MT_SETUP_TIMEOUT");
    // Answered with the gate still closed: the ten are still queued, no screenshot answered.
    expect(ocr.waiting).toBe(10);
    expect(t.api.callsTo("chat.postMessage")).toHaveLength(0);

    ocr.open();
    await t.api.waitForCalls("chat.postMessage", 10, 300_000);
    await settled();
    const replies = t.api.callsTo("chat.postMessage");
    expect(replies.map((reply) => reply.body.thread_ts).sort()).toEqual(events.map((event) => event.ts).sort());
    for (const reply of replies) expect(textOf(reply.body.blocks)).toContain("FOHH_CLOSE_REASON_SOCKET_ERR");
  }, 400_000);
});
