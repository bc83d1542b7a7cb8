// Parses a saved Zscaler help page: heading, source URL, link paths and its status-code tables.
import { normaliseWhitespace } from "./text.js";

/** One row of a status-code table on a Zscaler help page, as written there. */
export interface PageRow {
  table: PageTable;
  title: string;
  code: string;
  description: string;
  resolution: string;
}

/** The table a row stands in; the same names as the catalog categories. */
export type PageTable = "error" | "info" | "policy";

export interface Page {
  /** The H1 heading, e.g. "Understanding Session Status Codes". */
  heading: string;
  /** The "Source:" URL at the top of the file. */
  url: string;
  /** Bare help-page paths that survive as "[](/unified/...)" fragments, in order of appearance. */
  linkPaths: string[];
  rows: PageRow[];
}

const TABLE_BY_HEADING: Record<string, PageTable> = {
  error: "error",
  info: "info",
  "policy block": "policy",
};

/** The "# heading" and "Source: URL" lines every saved help page starts with. */
export function parsePageHeader(text: string, fileName: string): { heading: string; url: string } {
  const lines = text.split(/\r?\n/);
  const heading = lines.find((line) => line.startsWith("# "))?.slice(2).trim();
  const url = lines.find((line) => line.startsWith("Source: "))?.slice("Source: ".length).trim();
  if (heading === undefined || url === undefined) {
    throw new Error(`${fileName}: missing "# heading" or "Source: URL" line`);
  }
  return { heading, url };
}

/** Parses a status-code page saved as text: heading, source URL, bare link paths and the code tables. */
export function parsePage(text: string, fileName: string): Page {
  const { heading, url } = parsePageHeader(text, fileName);
  const lines = text.split(/\r?\n/);
  const linkPaths = [...new Set([...text.matchAll(/\]\((\/(?:unified|zpa)\/[^)\s#]+)\)/g)].map((m) => m[1]!))];
  const rows: PageRow[] = [];
  let table: PageTable | undefined;
  lines.forEach((line, index) => {
    const tableName = /list of (.+?) status codes/i.exec(line)?.[1]?.toLowerCase();
    if (tableName !== undefined) {
      table = TABLE_BY_HEADING[tableName];
      if (table === undefined) throw new Error(`${fileName}:${index + 1}: unknown table "${tableName}"`);
      return;
    }
    if (!line.startsWith("|") || /^\|\s*(Session Status|-+)\s*\|/.test(line)) return;
    const cells = line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|");
    if (cells.length !== 4 || table === undefined) {
      throw new Error(`${fileName}:${index + 1}: expected a 4-column row inside a status table`);
    }
    const [title, code, description, resolution] = cells.map((cell) => cell.trim()) as [string, string, string, string];
    rows.push({ table, title: normaliseWhitespace(title), code, description, resolution });
  });
  return { heading, url, linkPaths, rows };
}
