// The catalog's zod schema, checked when the catalog is built (npm run catalog) and in tests.
import { z } from "zod";
import { ACTORS, CATALOG_FORMAT, CATEGORIES, COMPONENTS, SEVERITIES, type Catalog } from "./types.js";

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
  format: z.literal(CATALOG_FORMAT),
  /** The day the codes or sources last changed (YYYY-MM-DD); a rebuild that changes nothing keeps it. */
  updated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** sha256 of each source file, so a rebuild can tell what changed upstream. */
  sources: z.record(z.string(), z.string()),
  entries: z.array(EntrySchema),
});

/** Validates a parsed catalog; a broken entry fails fast, naming its code. */
export function parseCatalog(raw: unknown): Catalog {
  const result = CatalogSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const [, index] = issue.path;
  const entries = (raw as { entries?: Array<{ code?: unknown }> } | null)?.entries;
  const code = typeof index === "number" ? entries?.[index]?.code : undefined;
  const where = code !== undefined ? `entry ${String(code)}` : issue.path.join(".") || "catalog";
  throw new Error(`Invalid catalog: ${where}: ${issue.path.slice(2).join(".") || "value"}: ${issue.message}`);
}
