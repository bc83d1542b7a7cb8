// The help card for an empty `/zpa-code` or `/zpa-code help`.
import { context, header, section } from "./blocks.js";
import { escapeMrkdwn } from "./escape.js";
import type { Message } from "./types.js";

export interface UsageExample {
  /** What to type after the command. */
  query: string;
  /** What kind of query it shows. */
  what: string;
}

export function renderUsage(command: string, examples: readonly UsageExample[]): Message {
  const lines = examples.map((e) => `• \`${escapeMrkdwn(`${command} ${e.query}`)}\`  ${escapeMrkdwn(e.what)}`);
  return {
    text: escapeMrkdwn(`Usage: ${command} CODE, title or words. Example: ${command} ${examples[0]?.query ?? ""}`),
    blocks: [
      header("ZPA session status codes"),
      section(
        "I explain Zscaler Private Access session status codes: what a code means, how serious it is, " +
          "which component reports it, who has to act and what to do.",
      ),
      section(`*Try*\n${lines.join("\n")}`),
      section(
        "*In channels:* invite me and paste a log line; I answer in its thread, once per code. " +
          "*Home tab:* browse and search every code.",
      ),
      context(`Answers to ${escapeMrkdwn(command)} are only visible to you; *Share in channel* shows one to everyone.`),
    ],
  };
}
