// OCR settings from the environment: OCR=off turns image reading off; the rest bound its cost.
import { ConfigError, readVariable, type Env } from "../config.js";
import type { OcrLimits } from "./reader.js";

export interface OcrSettings extends OcrLimits {
  enabled: boolean;
  /** Largest image file downloaded or read (OCR_MAX_BYTES). */
  maxBytes: number;
}

export const DEFAULT_OCR_SETTINGS: OcrSettings = {
  enabled: true,
  concurrency: 1,
  queueLimit: 20,
  timeoutMs: 30_000,
  idleMs: 300_000,
  maxBytes: 10 * 1024 * 1024,
};

function readWhole(env: Env, name: string, fallback: number, min: number, max: number, unit: string): number {
  const raw = readVariable(env, name);
  if (raw === undefined) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) throw new ConfigError(name, `must be a whole number of ${unit} from ${min} to ${max}`);
  return value;
}

export function readOcrSettings(env: Env): OcrSettings {
  const switchValue = readVariable(env, "OCR")?.toLowerCase() ?? "on";
  if (switchValue !== "on" && switchValue !== "off") throw new ConfigError("OCR", "must be on or off");
  const d = DEFAULT_OCR_SETTINGS;
  return {
    enabled: switchValue === "on",
    concurrency: readWhole(env, "OCR_CONCURRENCY", d.concurrency, 1, 8, "workers"),
    queueLimit: readWhole(env, "OCR_QUEUE", d.queueLimit, 0, 1000, "images"),
    timeoutMs: readWhole(env, "OCR_TIMEOUT_MS", d.timeoutMs, 1000, 600_000, "milliseconds"),
    idleMs: readWhole(env, "OCR_IDLE_MS", d.idleMs, 1000, 86_400_000, "milliseconds"),
    maxBytes: readWhole(env, "OCR_MAX_BYTES", d.maxBytes, 1024, 50 * 1024 * 1024, "bytes"),
  };
}
