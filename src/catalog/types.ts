// The catalog's shape as TypeScript types, constants and small readers, free of zod: the CLI and the bot load the
// committed catalog without validating it again (see load.ts), so run time never loads the schema.
import type { z } from "zod";
import type {
  ActorSchema,
  CatalogSchema,
  CategorySchema,
  ComponentSchema,
  EntrySchema,
  LinkSchema,
  LssSchema,
  MeaningSchema,
  SeveritySchema,
} from "./schema.js";

/** Component prefixes used by the Zscaler pages, with the names a reader knows them by. */
export const COMPONENT_NAMES = {
  AC: "App Connector",
  CA: "Central Authority",
  CLT: "Zscaler Client Connector",
  SE: "Public or Private Service Edge",
  BA: "Browser Access",
} as const;

export const COMPONENTS = ["AC", "CA", "CLT", "SE", "BA"] as const;
export const CATEGORIES = ["error", "info", "policy", "success"] as const;
export const SEVERITIES = ["error", "policy", "info", "success"] as const;
export const ACTORS = ["admin", "end user", "Zscaler Support", "nobody"] as const;

/** The layout of data/catalog.json; bump it when the schema changes, so an old file is refused, not misread. */
export const CATALOG_FORMAT = 1;

export type Component = z.infer<typeof ComponentSchema>;
export type Category = z.infer<typeof CategorySchema>;
export type Severity = z.infer<typeof SeveritySchema>;
export type Actor = z.infer<typeof ActorSchema>;
export type Link = z.infer<typeof LinkSchema>;
export type Lss = z.infer<typeof LssSchema>;
export type Meaning = z.infer<typeof MeaningSchema>;
export type Entry = z.infer<typeof EntrySchema>;
export type Catalog = z.infer<typeof CatalogSchema>;

/** An entry's LSS admin action; "NA" is the LSS file's way of saying "no admin action given". */
export function lssAdminAction(lss: Lss | null): string | undefined {
  return lss !== null && lss.adminAction.trim() !== "" && lss.adminAction !== "NA" ? lss.adminAction : undefined;
}
