// PREVIEW_HOST: the one setting only the preview reads (PORT comes from the shared config).
import { isIP } from "node:net";
import { ConfigError, type Env } from "../config.js";
import { DEFAULT_PREVIEW_HOST } from "./server.js";

const HOST_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/;

/** A host name or IP address (IPv6 with or without brackets); no scheme, port or path. */
export function readPreviewHost(env: Env): string {
  const raw = env.PREVIEW_HOST?.trim();
  if (raw === undefined || raw === "") return DEFAULT_PREVIEW_HOST;
  const host = raw.replace(/^\[(.*)\]$/, "$1");
  if (isIP(host) === 0 && !HOST_NAME.test(host)) {
    throw new ConfigError("PREVIEW_HOST", "must be a host name or IP address such as 127.0.0.1 or 0.0.0.0 (no scheme or port)");
  }
  return host;
}
