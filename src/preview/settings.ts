// PREVIEW_HOST: the one setting only the preview reads (PORT comes from the shared config).
import { readHostVariable, type Env } from "../config.js";
import { DEFAULT_PREVIEW_HOST } from "./server.js";

/** A host name or IP address (IPv6 with or without brackets); no scheme, port or path. */
export function readPreviewHost(env: Env): string {
  return readHostVariable(env, "PREVIEW_HOST") ?? DEFAULT_PREVIEW_HOST;
}
