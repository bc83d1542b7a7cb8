// What the bot wants sent, described without Slack: a surface turns each into an API call
// (Slack) or a rendered frame (the local preview).
import type { HomeView, Message, ModalView } from "../render/types.js";

export type Outgoing =
  /** Answer through the interaction's response URL (slash command or button in a message). */
  | { kind: "respond"; visibility: "ephemeral" | "in_channel"; replaceOriginal: boolean; message: Message }
  | { kind: "postMessage"; channel: string; threadTs?: string; message: Message }
  /** Visible only to `user`, in `channel` (and thread). */
  | { kind: "postEphemeral"; channel: string; user: string; threadTs?: string; message: Message }
  | { kind: "publishHome"; userId: string; view: HomeView }
  | { kind: "openModal"; triggerId: string; view: ModalView }
  /** Keep the submitted modal open with these messages under its inputs (by block id). */
  | { kind: "inputErrors"; errors: Record<string, string> };

/**
 * What a surface lends the flows that must send before they finish: the `auto` note goes out before
 * the setting changes, and a thread reply that fails gives its claims back.
 */
export interface Delivery {
  /** Sends now; rejects with NotInChannelError when the bot may not post in that channel. */
  send(out: Outgoing): Promise<void>;
  /**
   * For sends nobody waits on (thread replies): a surface may try again after a transient failure, within a
   * bounded time, logging each retry with `what`; rejects with a one-line reason once it gives up. Default: send.
   */
  sendPatiently?(out: Outgoing, what: string): Promise<void>;
  warn(line: string): void;
  error(line: string): void;
}

/** The bot is not a member of the channel it was asked to post in. */
export class NotInChannelError extends Error {
  constructor(channel: string) {
    super(`not a member of ${channel}`);
    this.name = "NotInChannelError";
  }
}
