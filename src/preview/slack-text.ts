// What Slack does to typed text before an app sees it, reproduced so the preview feeds the bot
// the same strings Slack would.

/** Slack delivers message and command text with &, < and > escaped as entities. */
export function asSlackDelivers(typed: string): string {
  return typed.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** "@zpa-code …", "@zpa-codes …" or "@ZPA Codes …" at the start of a message: typed stand-ins for an @mention of the bot. */
const BOT_MENTION = /^\s*@zpa[-_ ]codes?\b[:,]?\s*/i;

/** Splits off a typed @mention of the bot; `rest` is what follows it (the whole text when there is none). */
export function splitBotMention(typed: string): { mentionsBot: boolean; rest: string } {
  const mention = BOT_MENTION.exec(typed);
  return mention ? { mentionsBot: true, rest: typed.slice(mention[0].length) } : { mentionsBot: false, rest: typed };
}

let sequence = 0;

/** A message timestamp in Slack's "seconds.sequence" shape, unique within this process. */
export function nextMessageTs(now = Date.now()): string {
  sequence = (sequence + 1) % 1_000_000;
  return `${Math.floor(now / 1000)}.${String(sequence).padStart(6, "0")}`;
}
