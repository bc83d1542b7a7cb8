// Channel messages as the bot logic receives them, and the one reply the tests expect back.
import type { IncomingMessage } from "../../src/bot/auto-reply.js";
import type { Outgoing } from "../../src/bot/outgoing.js";

let tsCounter = 0;

/** A person's plain message in C0CHAN; every call gets a new ts, as Slack would give it. */
export function message(text: string, fields: Partial<IncomingMessage> = {}): IncomingMessage {
  tsCounter += 1;
  return { channel: "C0CHAN", user: "U0ALICE", text, ts: `1700000000.${String(tsCounter).padStart(6, "0")}`, isMention: false, ...fields };
}

/** The reply as a chat.postMessage, failing the test when it is anything else. */
export function posted(out: Outgoing | undefined): Extract<Outgoing, { kind: "postMessage" }> {
  if (out?.kind !== "postMessage") throw new Error(`expected a postMessage, got ${out?.kind}`);
  return out;
}
