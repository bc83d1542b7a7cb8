// PREVIEW_HOST: the one setting only the preview reads (PORT comes from the shared config).
import { ConfigError, type Env } from "../config.js";
import { DEFAULT_PREVIEW_HOST } from "./server.js";

/** A hostname or IP address; no scheme, port or path. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[?[0-9A-Fa-f:.]+\]?)$/;

export function readPreviewHost(env: Env): string {
  const raw = env.PREVIEW_HOST?.trim();
  if (raw === undefined || raw === "") return DEFAULT_PREVIEW_HOST;
  if (!HOST.test(raw)) {
    throw new ConfigError("PREVIEW_HOST", "must be a host name or IP address such as 127.0.0.1 or 0.0.0.0 (no scheme or port)");
  }
  return raw.replace(/^\[(.*)\]$/, "$1");
}
