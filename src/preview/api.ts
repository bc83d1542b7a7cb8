// The preview's JSON API: validates what the page sends, hands it to the PreviewBot as the Slack
// listeners would (text as typed), and returns the answers rendered to HTML alongside their raw payloads.
import { z } from "zod";
import type { PreviewBot, PreviewUser } from "./payloads.js";
import { HttpError } from "./http-body.js";
import { nextMessageTs, splitBotMention } from "./slack-text.js";
import { homeHtml, renderReply, type RenderedReply } from "./surfaces-html.js";

/** The person typing in the preview, and the channel they type in (Slack-shaped ids). */
export const PREVIEW_USER: PreviewUser = { id: "U0PREVIEW", name: "you" };
export const PREVIEW_CHANNEL_ID = "C0PREVIEW";

/** Slack's own limit for a message; a pasted log longer than this would not reach the bot either. */
export const MAX_TEXT_CHARS = 40_000;
const MAX_ID_CHARS = 255;
const MAX_VALUE_CHARS = 2_000;

const id = z.string().min(1).max(MAX_ID_CHARS);
const TextRequest = z.object({ text: z.string().max(MAX_TEXT_CHARS) });
const ActionRequest = z.object({
  actionId: id,
  blockId: id.optional(),
  value: z.string().max(MAX_VALUE_CHARS).optional(),
  selectedValue: z.string().max(MAX_VALUE_CHARS).optional(),
  container: z.enum(["message", "home", "modal"]),
  messageTs: id.optional(),
  messageEphemeral: z.boolean().optional(),
  threadTs: id.optional(),
  privateMetadata: z.string().max(3_000).optional(),
});
const HomeRequest = z.object({ privateMetadata: z.string().max(3_000).optional() });
/** Largest pasted image the page may send (the bot's own OCR_MAX_BYTES default), and its base64 length. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_IMAGE_BODY_BYTES = Math.ceil(MAX_IMAGE_BYTES / 3) * 4 + 4 * 1024;
const ImageRequest = z.object({
  image: z.string().max(MAX_IMAGE_BODY_BYTES).regex(/^[A-Za-z0-9+/]*={0,2}$/, "must be base64"),
  name: z.string().max(MAX_ID_CHARS).optional(),
});
const SubmitRequest = z.object({
  callbackId: id.optional(),
  privateMetadata: z.string().max(3_000).optional(),
  values: z.record(id, z.record(id, z.string().max(MAX_TEXT_CHARS))),
});

export interface RepliesResponse {
  replies: RenderedReply[];
}

export interface MessageResponse extends RepliesResponse {
  /** ts given to the posted message; thread replies belong to it. */
  ts: string;
}

export interface HomeResponse {
  html: string;
  payload: unknown;
}

export type ApiRoute = "command" | "message" | "image" | "action" | "submit" | "home";
export const API_ROUTES: readonly ApiRoute[] = ["command", "message", "image", "action", "submit", "home"];

export async function handleApi(route: ApiRoute, body: unknown, bot: PreviewBot): Promise<object> {
  const context = { user: PREVIEW_USER, channelId: PREVIEW_CHANNEL_ID };
  switch (route) {
    case "command": {
      const { text } = parse(TextRequest, body);
      const replies = await bot.command({ ...context, text: text.trim() });
      return { replies: replies.map((r) => renderReply(r, nextMessageTs)) } satisfies RepliesResponse;
    }
    case "message": {
      const { text } = parse(TextRequest, body);
      if (text.trim() === "") throw new HttpError(400, "text: type a message first.");
      const ts = nextMessageTs();
      const { mentionsBot, rest } = splitBotMention(text);
      const replies = await bot.message({ ...context, text: rest, ts, mentionsBot });
      return { ts, replies: replies.map((r) => renderReply(r, nextMessageTs)) } satisfies MessageResponse;
    }
    case "image": {
      const { image, name } = parse(ImageRequest, body);
      if (!bot.image) throw new HttpError(404, "This preview does not read images.");
      const bytes = Buffer.from(image, "base64");
      if (bytes.length === 0) throw new HttpError(400, "image: paste or drop an image first.");
      if (bytes.length > MAX_IMAGE_BYTES) throw new HttpError(413, `image: larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`);
      const ts = nextMessageTs();
      const replies = await bot.image({ ...context, bytes, name: name ?? "screenshot", ts });
      return { ts, replies: replies.map((r) => renderReply(r, nextMessageTs)) } satisfies MessageResponse;
    }
    case "action": {
      const action = parse(ActionRequest, body);
      const replies = await bot.action({ ...context, ...action });
      // A "replace" answer takes the clicked message's place and keeps its "Only visible to you" mark.
      const target = action.messageTs === undefined ? undefined : { ts: action.messageTs, ephemeral: action.messageEphemeral ?? false };
      return { replies: replies.map((r) => renderReply(r, nextMessageTs, target)) } satisfies RepliesResponse;
    }
    case "submit": {
      const request = parse(SubmitRequest, body);
      // Input values arrive in view_submission as typed (no entities), unlike message text.
      const values = Object.fromEntries(
        Object.entries(request.values).map(([blockId, byAction]) => [
          blockId,
          Object.fromEntries(
            Object.entries(byAction).map(([actionId, value]) => [actionId, { type: "plain_text_input", value }]),
          ),
        ]),
      );
      const replies = await bot.submit({ user: PREVIEW_USER, callbackId: request.callbackId, privateMetadata: request.privateMetadata, values });
      return { replies: replies.map((r) => renderReply(r, nextMessageTs)) } satisfies RepliesResponse;
    }
    case "home": {
      const { privateMetadata } = parse(HomeRequest, body);
      const view = await bot.home({ user: PREVIEW_USER, ...(privateMetadata === undefined ? {} : { privateMetadata }) });
      return { html: homeHtml(view), payload: view } satisfies HomeResponse;
    }
  }
}

/** Validates a request body; the message names the field and says what was wrong with it. */
function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join(".") || "body";
  throw new HttpError(400, `${field}: ${issue.message}`);
}
