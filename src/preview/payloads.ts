// The preview's payload types and the PreviewBot seam: the preview server only talks to a PreviewBot;
// adapter.ts supplies one that calls the same bot flows the Slack listeners call, so the preview shows
// exactly what Slack users would get. The payload types are structural and loose on purpose, so the
// bot's own Block Kit types (src/render/types.ts) fit without a cast.
import type { MetricsSource } from "../health.js";

/** A chat.postMessage / respond() body: blocks plus the plain fallback text. */
export interface BlockKitMessage {
  text: string;
  blocks?: readonly unknown[];
}

export interface BlockKitModal {
  type: "modal";
  callback_id?: string;
  private_metadata?: string;
  title: unknown;
  blocks: readonly unknown[];
}

export interface BlockKitHome {
  type: "home";
  private_metadata?: string;
  blocks: readonly unknown[];
}

/** Who is typing in the preview; shaped like Slack's ids so the bot's id checks accept it. */
export interface PreviewUser {
  id: string;
  name: string;
}

/** Text reaches the bot as typed, as the Slack listeners hand it over once they decoded Slack's entities. */
export interface CommandInput {
  /** What follows `/zpa-code`. */
  text: string;
  user: PreviewUser;
  channelId: string;
}

export interface MessageInput {
  /** The whole message as posted in the channel. */
  text: string;
  user: PreviewUser;
  channelId: string;
  /** The message's ts; thread replies use it as thread_ts. */
  ts: string;
  /** It began with an @mention of the bot (removed from `text`): Slack's app_mention, always answered. */
  mentionsBot?: boolean;
}

/** A screenshot pasted or dropped in the composer: posted in the channel as a file, like Slack's file_share. */
export interface ImageInput {
  bytes: Uint8Array;
  /** The file's name, as the browser gives it. */
  name: string;
  user: PreviewUser;
  channelId: string;
  ts: string;
}

export interface ActionInput {
  actionId: string;
  blockId?: string;
  /** A button's value. */
  value?: string;
  /** A select's chosen option value. */
  selectedValue?: string;
  /** Where the click happened. */
  container: "message" | "home" | "modal";
  /** ts of the message that holds the element (container "message"). */
  messageTs?: string;
  /** The message holding the element is ephemeral (reachable only through its response URL). */
  messageEphemeral?: boolean;
  /** The thread the message sits in, if any. */
  threadTs?: string;
  /** private_metadata of the view that holds the element (containers "home" and "modal"). */
  privateMetadata?: string;
  user: PreviewUser;
  channelId: string;
}

export interface SubmitInput {
  callbackId?: string;
  privateMetadata?: string;
  /** view.state.values as Slack sends it: block_id -> action_id -> { value }. */
  values: Record<string, Record<string, { type: string; value: string }>>;
  user: PreviewUser;
}

export interface HomeInput {
  user: PreviewUser;
  /** private_metadata of the Home view published last, as app_home_opened carries it. */
  privateMetadata?: string;
}

/** Where a bot answer goes, named after what Slack would do with it. */
export type PreviewReply =
  /** chat.postEphemeral in the channel, or a slash-command / button respond() without response_type. */
  | { surface: "ephemeral"; message: BlockKitMessage }
  /** chat.postMessage in the channel, or respond({ response_type: "in_channel" }). */
  | { surface: "channel"; message: BlockKitMessage }
  /** chat.postMessage (or chat.postEphemeral, with ephemeral: true) in the thread of the message answered. */
  | { surface: "thread"; message: BlockKitMessage; ephemeral?: boolean }
  /** respond({ replace_original: true }) / chat.update of the message that was clicked. */
  | { surface: "replace"; message: BlockKitMessage }
  /** views.open / views.update / views.push. */
  | { surface: "modal"; view: BlockKitModal }
  /** A view_submission answered with response_action "errors": messages under the inputs, by block_id. */
  | { surface: "modal-errors"; errors: Record<string, string> }
  /** views.publish of the App Home tab. */
  | { surface: "home"; view: BlockKitHome };

export interface PreviewBot {
  /** `/zpa-code <text>`. */
  command(input: CommandInput): Promise<PreviewReply[]>;
  /** A message posted in a channel the bot is in (auto-reply on pasted codes or logs). */
  message(input: MessageInput): Promise<PreviewReply[]>;
  /** A button click or select choice (block_actions). */
  action(input: ActionInput): Promise<PreviewReply[]>;
  /** A modal's submit button (view_submission). */
  submit(input: SubmitInput): Promise<PreviewReply[]>;
  /** The App Home tab was opened (app_home_opened -> views.publish). */
  home(input: HomeInput): Promise<BlockKitHome>;
  /** A screenshot posted in the channel (read with OCR, answered in its thread); absent: images are refused. */
  image?(input: ImageInput): Promise<PreviewReply[]>;
  /** Frees what the bot holds (the OCR worker); the server calls it when it closes. */
  close?(): Promise<void>;
  /** What GET /metrics reports, as in Slack modes (lookups, auto-replies, process figures). */
  metrics?: MetricsSource;
}
