// What Slack adds to a typed message before an app sees it, reproduced for the preview: the @mention
// of the bot (Slack's app_mention) and the message's ts.

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
