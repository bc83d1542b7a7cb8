// Fetches screenshots posted in Slack (url_private_download, with the bot token) and reads their codes.
// Only Slack's file hosts (or the host SLACK_API_URL points to) ever see the token, and only images
// within OCR_MAX_BYTES are downloaded.
import type { ImageFile, ImageReading } from "../bot/image-reply.js";
import type { OcrSettings } from "../config.js";
import { ImageRejected, imageTypeOf } from "../ocr/image-type.js";
import type { OcrReader, OcrReaderOptions } from "../ocr/reader.js";
import { createFileReading } from "../ocr/scan-image.js";
import type { Search } from "../search/types.js";

/** Hosts Slack serves url_private_download from. */
export const SLACK_FILE_HOSTS: ReadonlySet<string> = new Set(["files.slack.com", "files-edge.slack.com", "files-origin.slack.com"]);
/** A download that takes longer than this is given up (the file is then skipped). */
export const DOWNLOAD_TIMEOUT_MS = 20_000;
const MAX_REDIRECTS = 3;

export class DownloadRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DownloadRefused";
  }
}

/**
 * Whether the bot token may be sent to `url`: https on one of Slack's file hosts, or the same origin as
 * SLACK_API_URL (a Slack-compatible API such as the tests' fake one).
 */
export function isSlackFileUrl(url: URL, slackApiUrl: string | undefined): boolean {
  if (slackApiUrl !== undefined && url.origin === new URL(slackApiUrl).origin) return true;
  return url.protocol === "https:" && SLACK_FILE_HOSTS.has(url.hostname) && url.port === "";
}

export interface DownloadOptions {
  token: string;
  slackApiUrl: string | undefined;
  maxBytes: number;
  /** The app's Slack fetch (through HTTPS_PROXY when set); global fetch by default. */
  fetch?: typeof globalThis.fetch;
}

/** The file's bytes, or DownloadRefused: wrong host, not an image, too big, or an error answer. */
export async function downloadSlackFile(address: string, options: DownloadOptions): Promise<Uint8Array> {
  const fetchFile = options.fetch ?? globalThis.fetch;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new DownloadRefused("the file URL is not a URL");
  }
  for (let hop = 0; ; hop++) {
    if (!isSlackFileUrl(url, options.slackApiUrl)) throw new DownloadRefused(`${url.host} is not a Slack file host`);
    const response = await fetchFile(url, {
      headers: { authorization: `Bearer ${options.token}` },
      redirect: "manual",
      signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
    });
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location && hop < MAX_REDIRECTS) {
      await response.body?.cancel();
      url = new URL(location, url);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new DownloadRefused(`the file host answered ${response.status}`);
    }
    const type = response.headers.get("content-type") ?? "";
    // Without files:read Slack answers 200 with its sign-in page: say what is probably wrong.
    if (!type.startsWith("image/")) {
      await response.body?.cancel();
      throw new DownloadRefused(`the file host sent ${type.split(";")[0] || "no type"}, not an image (is the files:read scope granted?)`);
    }
    const declared = Number(response.headers.get("content-length") ?? "0");
    if (declared > options.maxBytes) {
      await response.body?.cancel();
      throw new DownloadRefused(`the file is over OCR_MAX_BYTES (${options.maxBytes} bytes)`);
    }
    return readBounded(response, options.maxBytes);
  }
}

async function readBounded(response: Response, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes) throw new DownloadRefused(`the file is over OCR_MAX_BYTES (${maxBytes} bytes)`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export interface SlackImageReading extends ImageReading {
  reader: OcrReader;
}

/** Download with the bot token, check the bytes are an image, read it with OCR. */
export function slackImageReading(
  search: Search,
  settings: OcrSettings,
  slack: Omit<DownloadOptions, "maxBytes">,
  readerOptions: OcrReaderOptions = {},
): SlackImageReading {
  return createFileReading(
    search,
    settings,
    async (file: ImageFile) => {
      if (file.url === undefined) throw new DownloadRefused("the file has no download URL");
      const bytes = await downloadSlackFile(file.url, { ...slack, maxBytes: settings.maxBytes });
      if (imageTypeOf(bytes) === null) throw new ImageRejected("the file is not a PNG, JPEG, GIF or WebP image");
      return bytes;
    },
    readerOptions,
  );
}
