// Zscaler's LSS status-code list: each code's classification, merged over log types.
import { z } from "zod";
import type { Lss } from "./types.js";

const LssRecordSchema = z.object({
  errorType: z.string(),
  // One record (BRK_MT_AUTH_SAML_DECODE_FAIL) has no name; kept as "" rather than invented.
  name: z.string().default(""),
  adminAction: z.string(),
  status: z.string(),
});

/** The example response of Zscaler's LSS status-code API: log type -> code -> classification. */
const LssFileSchema = z.record(z.string(), z.record(z.string(), LssRecordSchema));

/** LSS classification per code, merged over the log types that carry it (sorted, so output is stable). */
export function parseLss(text: string): Map<string, Lss> {
  const byLogType = LssFileSchema.parse(JSON.parse(text));
  const byCode = new Map<string, Lss>();
  for (const logType of Object.keys(byLogType).sort()) {
    for (const [code, record] of Object.entries(byLogType[logType]!)) {
      const known = byCode.get(code);
      if (known === undefined) {
        byCode.set(code, { logTypes: [logType], ...record });
        continue;
      }
      if (known.status !== record.status || known.errorType !== record.errorType || known.name !== record.name) {
        throw new Error(`lss-status-codes.json: ${code} is classified differently in ${known.logTypes[0]} and ${logType}`);
      }
      known.logTypes.push(logType);
    }
  }
  return byCode;
}
