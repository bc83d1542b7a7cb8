// HTML output helpers: every piece of text that reaches the page goes through escapeHtml,
// so nothing inside a Block Kit payload can become markup.

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for use in element content and in double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/** ` name="value"`, or "" when the value is missing, so optional data-attributes stay optional. */
export function attr(name: string, value: string | undefined): string {
  return value === undefined ? "" : ` ${name}="${escapeHtml(value)}"`;
}

/** Link targets the preview will follow; anything else (javascript:, data:, relative) is shown as text. */
export function safeHref(raw: string): string | undefined {
  const candidate = raw.trim();
  if (!/^(https?:\/\/|mailto:)/i.test(candidate)) return undefined;
  try {
    const url = new URL(candidate);
    return ["http:", "https:", "mailto:"].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
