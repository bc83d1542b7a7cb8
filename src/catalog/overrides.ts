// Curated exceptions to the derivation rules (data/overrides.json): schema and parsing.
import { z } from "zod";
import { ActorSchema, SeveritySchema } from "./schema.js";

/** A curated exception to the derivation rules; `reason` is required so every exception is reviewable. */
export const OverrideSchema = z
  .object({
    code: z.string().min(1),
    severity: SeveritySchema.optional(),
    actionBy: ActorSchema.optional(),
    reason: z.string().min(20),
  })
  .strict()
  .refine((override) => override.severity !== undefined || override.actionBy !== undefined, {
    message: "an override must set severity or actionBy",
  });

export const OverridesFileSchema = z.object({ overrides: z.array(OverrideSchema) }).strict();

export type Override = z.infer<typeof OverrideSchema>;

export function parseOverrides(raw: unknown): Override[] {
  return OverridesFileSchema.parse(raw).overrides;
}
