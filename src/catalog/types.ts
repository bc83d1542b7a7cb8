// The catalog contract: the Entry schema (zod), components, categories, severities and actors.
import { z } from "zod";

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

export const ComponentSchema = z.enum(COMPONENTS);
export const CategorySchema = z.enum(CATEGORIES);
export const SeveritySchema = z.enum(SEVERITIES);
export const ActorSchema = z.enum(ACTORS);

export const LinkSchema = z.object({
  title: z.string().min(1),
  url: z.url(),
});

/** Zscaler's own machine-readable classification from the LSS status-code API. */
export const LssSchema = z.object({
  logTypes: z.array(z.string().min(1)).min(1),
  name: z.string(),
  status: z.string(),
  errorType: z.string(),
  adminAction: z.string(),
});

/** One row of a page table; a code with two rows (ZPN_ERR_SCIM_INACTIVE) keeps both. */
export const MeaningSchema = z.object({
  title: z.string().min(1),
  description: z.string().min(1),
  remediation: z.array(z.string().min(1)).min(1),
});

export const EntrySchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  aliases: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/)),
  title: z.string().min(1),
  altTitles: z.array(z.string().min(1)),
  component: ComponentSchema,
  componentName: z.string().min(1),
  category: CategorySchema,
  severity: SeveritySchema,
  actionBy: ActorSchema,
  /** Which documented rule (or override) produced severity and actionBy, for reviewers. */
  derivation: z.object({ severity: z.string().min(1), actionBy: z.string().min(1) }),
  description: z.string().min(1),
  remediation: z.array(z.string().min(1)).min(1),
  /** "page" when the steps are the source's words; "fallback" when the source gave none. */
  remediationSource: z.enum(["page", "lss", "fallback"]),
  /** Further meanings of a code that has more than one table row. */
  extraMeanings: z.array(MeaningSchema),
  /** Other codes whose page title is the same as this one's. */
  sharesTitleWith: z.array(z.string()),
  lss: LssSchema.nullable(),
  links: z.array(LinkSchema),
  /** Source files (and table) the entry was built from, e.g. "private-applications-session-status-codes.md#error". */
  sources: z.array(z.string().min(1)).min(1),
});

export const CatalogSchema = z.object({
  /** sha256 of each source file, so a rebuild can tell what changed upstream. */
  sources: z.record(z.string(), z.string()),
  entries: z.array(EntrySchema),
});

export type Component = z.infer<typeof ComponentSchema>;
export type Category = z.infer<typeof CategorySchema>;
export type Severity = z.infer<typeof SeveritySchema>;
export type Actor = z.infer<typeof ActorSchema>;
export type Link = z.infer<typeof LinkSchema>;
export type Lss = z.infer<typeof LssSchema>;
export type Meaning = z.infer<typeof MeaningSchema>;
export type Entry = z.infer<typeof EntrySchema>;
export type Catalog = z.infer<typeof CatalogSchema>;
