// Turns the bot's Outgoing descriptions into Slack calls.
import type { RespondFn, webApi } from "@slack/bolt";
import type { Outgoing } from "../../bot/outgoing.js";

export interface Senders {
  client: webApi.WebClient;
  /** Present for slash commands and message buttons (their response_url). */
  respond?: RespondFn;
}

async function sendOne({ client, respond }: Senders, out: Outgoing): Promise<void> {
  switch (out.kind) {
    case "respond":
      if (!respond) throw new Error("This interaction has no response URL to answer on");
      await respond({
        response_type: out.visibility,
        replace_original: out.replaceOriginal,
        text: out.message.text,
        blocks: out.message.blocks,
      });
      return;
    case "postMessage":
      await client.chat.postMessage({
        channel: out.channel,
        ...(out.threadTs ? { thread_ts: out.threadTs } : {}),
        text: out.message.text,
        blocks: out.message.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
      return;
    case "postEphemeral":
      await client.chat.postEphemeral({
        channel: out.channel,
        user: out.user,
        ...(out.threadTs ? { thread_ts: out.threadTs } : {}),
        text: out.message.text,
        blocks: out.message.blocks,
      });
      return;
    case "publishHome":
      await client.views.publish({ user_id: out.userId, view: out.view });
      return;
    case "openModal":
      await client.views.open({ trigger_id: out.triggerId, view: out.view });
      return;
  }
}

/** Sends in order; a failure stops the rest and propagates (Bolt logs it). */
export async function send(senders: Senders, outgoing: readonly Outgoing[]): Promise<void> {
  for (const out of outgoing) await sendOne(senders, out);
}
