// The help pages behind the catalog's source names ("file#table"), for the card's link line.

interface SourcePage {
  title: string;
  url: string;
  /** What the part after "#" names on that page. */
  part: "table" | "log type" | "field";
}

const HELP = "https://help.zscaler.com";

const SOURCE_PAGES: Record<string, SourcePage> = {
  "private-applications-session-status-codes.md": {
    title: "Understanding Session Status Codes",
    url: `${HELP}/unified/understanding-session-status-codes`,
    part: "table",
  },
  "zpa-session-status-codes.md": {
    title: "Understanding ZPA Session Status Codes",
    url: `${HELP}/zpa/understanding-zpa-session-status-codes`,
    part: "table",
  },
  "lss-status-codes.json": {
    title: "LSS status codes API",
    url: `${HELP}/zpa/managing-log-streaming-service-configurations-using-api`,
    part: "log type",
  },
  "log-fields/browser-access.md": {
    title: "Browser Access Log Fields",
    url: `${HELP}/zpa/understanding-browser-access-log-fields`,
    part: "field",
  },
  "log-fields/connector-status.md": {
    title: "App Connector Status Log Fields",
    url: `${HELP}/zpa/understanding-connector-status-log-fields`,
    part: "field",
  },
  "log-fields/private-service-edge-status.md": {
    title: "Private Service Edge Status Log Fields",
    url: `${HELP}/zpa/understanding-private-service-edge-status-log-fields`,
    part: "field",
  },
  "log-fields/user-activity.md": {
    title: "User Activity Log Fields",
    url: `${HELP}/zpa/understanding-user-activity-log-fields`,
    part: "field",
  },
  "log-fields/user-status.md": {
    title: "User Status Log Fields",
    url: `${HELP}/zpa/understanding-user-status-log-fields`,
    part: "field",
  },
};

/** Distinct source pages of an entry, in the catalog's order (primary first), with what part of each the entry came from. */
export function sourcePages(sources: readonly string[]): Array<{ url: string; title: string }> {
  const partsByFile = new Map<string, string[]>();
  for (const source of sources) {
    const [file = source, part] = source.split("#");
    const parts = partsByFile.get(file) ?? [];
    if (part) parts.push(part);
    partsByFile.set(file, parts);
  }
  return [...partsByFile].map(([file, parts]) => {
    const page = SOURCE_PAGES[file];
    if (!page) return { url: "", title: file };
    const detail = parts.length > 0 ? ` (${parts.join(", ")} ${page.part})` : "";
    return { url: page.url, title: page.title + detail };
  });
}
