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
  | { kind: "openModal"; triggerId: string; view: ModalView };
