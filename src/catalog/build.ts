// Builds the catalog from the saved sources: pages, LSS list, log fields, aliases, rules and overrides.
import { createHash } from "node:crypto";
import { findAliases } from "./aliases.js";
import { componentOf } from "./components.js";
import { fallbackSteps, lssOnlyDescription } from "./fallback.js";
import { fieldValueMeanings } from "./log-fields.js";
import { HELP_SITE, seeAlsoLinks } from "./links.js";
import { parseCatalog } from "./schema.js";
import { parseLss } from "./lss.js";
import { parsePage, parsePageHeader, type Page, type PageRow } from "./markdown.js";
import type { Override } from "./overrides.js";
import { deriveActionBy, deriveSeverity, type RuleInput } from "./rules.js";
import { normaliseWhitespace, sameTitle, splitSentences, unglue } from "./text.js";
import { CATALOG_FORMAT, COMPONENT_NAMES, lssAdminAction, type Catalog, type Category, type Entry, type Link, type Lss } from "./types.js";

/** Source files by path relative to data/sources/. */
export type SourceFiles = Readonly<Record<string, string>>;

export const PRIMARY_PAGE = "private-applications-session-status-codes.md";
export const SECONDARY_PAGE = "zpa-session-status-codes.md";
export const LSS_FILE = "lss-status-codes.json";

/**
 * The log-fields page documenting the SessionStatus values of each LSS auth log type (Zscaler's LSS
 * log type names: zpn_auth_log = User Status, zpn_ast_auth_log = App Connector Status,
 * zpn_sys_auth_log = Private Service Edge Status).
 */
export const AUTH_LOG_PAGES: Readonly<Record<string, { file: string; logName: string }>> = {
  zpn_auth_log: { file: "log-fields/user-status.md", logName: "User Status" },
  zpn_ast_auth_log: { file: "log-fields/connector-status.md", logName: "App Connector Status" },
  zpn_sys_auth_log: { file: "log-fields/private-service-edge-status.md", logName: "Private Service Edge Status" },
};

/** lss-status-codes.json is the example response printed on this page (it carries no URL itself). */
export const LSS_PAGE: Link = {
  title: "Managing Log Streaming Service Configurations Using API",
  url: `${HELP_SITE}/zpa/managing-log-streaming-service-configurations-using-api`,
};

/** Every file the build reads; their hashes go into the catalog. */
export const SOURCE_FILE_NAMES = [
  PRIMARY_PAGE,
  SECONDARY_PAGE,
  LSS_FILE,
  ...Object.values(AUTH_LOG_PAGES).map((page) => page.file),
].sort();

const CATEGORY_OF_LSS_STATUS: Readonly<Record<string, Category>> = {
  Error: "error",
  Info: "info",
  PolicyBlock: "policy",
  reauthBlock: "policy",
  Success: "success",
};

function readSource(files: SourceFiles, name: string): string {
  const text = files[name];
  if (text === undefined) throw new Error(`missing source file data/sources/${name}`);
  return text;
}

function groupByCode(rows: readonly PageRow[]): Map<string, PageRow[]> {
  const groups = new Map<string, PageRow[]>();
  for (const row of rows) groups.set(row.code, [...(groups.get(row.code) ?? []), row]);
  return groups;
}

function uniqueTitles(main: string, candidates: readonly string[]): string[] {
  const kept: string[] = [];
  for (const candidate of candidates.map(normaliseWhitespace)) {
    if (candidate !== "" && !sameTitle(candidate, main) && !kept.some((title) => sameTitle(title, candidate))) {
      kept.push(candidate);
    }
  }
  return kept;
}

function dedupeLinks(links: readonly Link[]): Link[] {
  const seen = new Set<string>();
  return links.filter((link) => !seen.has(link.url) && seen.add(link.url) !== undefined);
}

interface Context {
  primary: Page;
  secondary: Page;
  primaryRows: Map<string, PageRow[]>;
  secondaryRows: Map<string, PageRow[]>;
  lss: Map<string, Lss>;
  aliasesOf: Map<string, string[]>;
  authMeanings: Map<string, Array<{ logType: string; logName: string; file: string; meaning: string }>>;
  authPageUrls: Map<string, Link>;
  linkPaths: string[];
  overrides: Map<string, Override>;
}

/** "A, B and C". */
function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function isOtherCodesTitle(title: string, code: string, ctx: Context): boolean {
  return [...ctx.primary.rows, ...ctx.secondary.rows].some((row) => row.code !== code && sameTitle(row.title, title));
}

function buildEntry(code: string, ctx: Context): Omit<Entry, "sharesTitleWith"> {
  const primaryRows = ctx.primaryRows.get(code) ?? [];
  const secondaryRows = ctx.secondaryRows.get(code) ?? [];
  const aliases = ctx.aliasesOf.get(code) ?? [];
  const lss = ctx.lss.get(code) ?? aliases.map((alias) => ctx.lss.get(alias)).find((record) => record !== undefined) ?? null;
  // The primary page wins; the older page only speaks for codes the primary lacks.
  const pageRows = primaryRows.length > 0 ? primaryRows : secondaryRows;
  const page = primaryRows.length > 0 ? ctx.primary : ctx.secondary;
  const pageFile = primaryRows.length > 0 ? PRIMARY_PAGE : SECONDARY_PAGE;
  const [mainRow, ...extraRows] = pageRows;
  const authMeanings = ctx.authMeanings.get(code) ?? [];

  const title = mainRow?.title ?? normaliseWhitespace(lss?.name ?? code);
  // The LSS file sometimes shifts a name onto the wrong code (AST_MT_SETUP_ERR_BRK_HASH_TBL_FULL is
  // named "SE: Failed to process SAML response", BRK_MT_AUTH_SAML_DECODE_FAIL's page title); a name
  // that is another code's page title would send readers to the wrong code, so it is no alt title.
  const lssName = lss !== null && !isOtherCodesTitle(lss.name, code, ctx) ? [lss.name] : [];
  const altTitles = uniqueTitles(title, [
    ...extraRows.map((row) => row.title),
    ...secondaryRows.map((row) => row.title),
    ...lssName,
  ]);
  const category: Category = mainRow?.table ?? CATEGORY_OF_LSS_STATUS[lss?.status ?? ""] ?? "info";
  if (mainRow === undefined && lss === null) throw new Error(`${code}: no page row and no LSS record`);

  const description =
    mainRow !== undefined
      ? unglue(mainRow.description)
      : authMeanings.length > 0
        ? `A SessionStatus value of the ${listInWords(authMeanings.map((m) => m.logName))} logs. ` +
          authMeanings.map((m) => `${m.logName}: "${m.meaning}".`).join(" ")
        : lssOnlyDescription(lss!);

  const pageSteps = mainRow !== undefined ? splitSentences(mainRow.resolution) : [];
  const adminAction = lssAdminAction(lss);
  const lssSteps = pageSteps.length === 0 && adminAction !== undefined ? splitSentences(adminAction) : [];
  const actionSteps = pageSteps.length > 0 ? pageSteps : lssSteps;

  const ruleInput: RuleInput = { category, onPage: mainRow !== undefined, title, lss, pageSteps, actionSteps };
  const severity = deriveSeverity(ruleInput);
  const actionBy = deriveActionBy(ruleInput, severity.value);
  const override = ctx.overrides.get(code);

  const remediationSource = pageSteps.length > 0 ? "page" : lssSteps.length > 0 ? "lss" : "fallback";
  const remediation =
    remediationSource === "page"
      ? pageSteps
      : fallbackSteps({ hasPageRow: mainRow !== undefined, severity: override?.severity ?? severity.value, lss, lssSteps });

  const where = `${pageFile} ${code}`;
  const links = dedupeLinks([
    ...(mainRow !== undefined ? [{ title: page.heading, url: page.url }] : []),
    ...pageRows.flatMap((row) => seeAlsoLinks(`${row.description} ${row.resolution}`, ctx.linkPaths, where)),
    ...authMeanings.map((m) => ctx.authPageUrls.get(m.file)!),
    ...(lss !== null && lss.logTypes.includes("zpn_trans_log") && mainRow === undefined ? [LSS_PAGE] : []),
  ]);

  const sources = [
    ...new Set([
      ...primaryRows.map((row) => `${PRIMARY_PAGE}#${row.table}`),
      ...secondaryRows.map((row) => `${SECONDARY_PAGE}#${row.table}`),
      ...(lss !== null ? lss.logTypes.map((logType) => `${LSS_FILE}#${logType}`) : []),
      ...authMeanings.map((m) => `${m.file}#SessionStatus`),
    ]),
  ];

  const component = componentOf(title, code);
  return {
    code,
    aliases,
    title,
    altTitles,
    component,
    componentName: COMPONENT_NAMES[component],
    category,
    severity: override?.severity ?? severity.value,
    actionBy: override?.actionBy ?? actionBy.value,
    derivation: {
      severity: override?.severity !== undefined ? "override" : severity.rule,
      actionBy: override?.actionBy !== undefined ? "override" : actionBy.rule,
    },
    description,
    remediation,
    remediationSource,
    extraMeanings: extraRows.map((row) => ({
      title: row.title,
      description: unglue(row.description),
      remediation: splitSentences(row.resolution),
    })),
    lss,
    links,
    sources,
  };
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Builds the validated catalog from the source texts; pure and deterministic (entries sorted by code). */
export function buildCatalog(files: SourceFiles, overrides: readonly Override[]): Catalog {
  const primary = parsePage(readSource(files, PRIMARY_PAGE), PRIMARY_PAGE);
  const secondary = parsePage(readSource(files, SECONDARY_PAGE), SECONDARY_PAGE);
  const lss = parseLss(readSource(files, LSS_FILE));
  const primaryRows = groupByCode(primary.rows);
  const secondaryRows = groupByCode(secondary.rows);
  const pageTitles = new Map<string, string>();
  for (const row of [...secondary.rows, ...primary.rows]) pageTitles.set(row.code, row.title);
  const aliasOf = findAliases(pageTitles, lss);
  const aliasesOf = new Map<string, string[]>();
  for (const [alias, code] of aliasOf) aliasesOf.set(code, [...(aliasesOf.get(code) ?? []), alias].sort());

  const authMeanings: Context["authMeanings"] = new Map();
  const authPageUrls = new Map<string, Link>();
  for (const [logType, { file, logName }] of Object.entries(AUTH_LOG_PAGES)) {
    const text = readSource(files, file);
    const page = parsePageHeader(text, file);
    authPageUrls.set(file, { title: page.heading, url: page.url });
    const codes = [...lss].filter(([, record]) => record.logTypes.includes(logType)).map(([code]) => code);
    const meanings = fieldValueMeanings(text, "SessionStatus", codes);
    for (const [code, meaning] of meanings) {
      authMeanings.set(code, [...(authMeanings.get(code) ?? []), { logType, logName, file, meaning }]);
    }
  }

  const knownCodes = new Set([...primaryRows.keys(), ...secondaryRows.keys(), ...lss.keys()]);
  const overridesByCode = new Map<string, Override>();
  for (const override of overrides) {
    if (!knownCodes.has(override.code) || aliasOf.has(override.code)) {
      throw new Error(`overrides: ${override.code} is not a catalog code`);
    }
    overridesByCode.set(override.code, override);
  }

  const ctx: Context = {
    primary,
    secondary,
    primaryRows,
    secondaryRows,
    lss,
    aliasesOf,
    authMeanings,
    authPageUrls,
    // Primary-page (/unified/) paths first, so they win ties over the older page's /zpa/ paths.
    linkPaths: [...new Set([...primary.linkPaths, ...secondary.linkPaths])],
    overrides: overridesByCode,
  };
  const codes = [...knownCodes].filter((code) => !aliasOf.has(code)).sort();
  const entries = codes.map((code) => buildEntry(code, ctx));
  const codesByTitle = new Map<string, string[]>();
  for (const entry of entries) codesByTitle.set(entry.title, [...(codesByTitle.get(entry.title) ?? []), entry.code]);

  // Validating here also puts every entry's keys in schema order, so the file's layout is stable.
  return parseCatalog({
    format: CATALOG_FORMAT,
    sources: Object.fromEntries(SOURCE_FILE_NAMES.map((name) => [name, sha256(readSource(files, name))])),
    entries: entries.map((entry) => ({
      ...entry,
      sharesTitleWith: (codesByTitle.get(entry.title) ?? []).filter((code) => code !== entry.code),
    })),
  });
}
