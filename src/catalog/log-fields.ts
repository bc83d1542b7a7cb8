// Meanings of log-field values (e.g. SessionStatus) read from a flattened log-fields help page.
/**
 * What a log-fields page says each listed value of a field (e.g. SessionStatus) means. The page
 * flattened its list ("...authenticated in ZPAZPN_STATUS_AUTH_FAILED: ..."), so the known values
 * are what separates the items.
 */
export function fieldValueMeanings(pageText: string, field: string, values: readonly string[]): Map<string, string> {
  const row = pageText.split(/\r?\n/).find((line) => line.startsWith(`| ${field} |`));
  if (row === undefined) throw new Error(`log-fields page has no "${field}" row`);
  const description = row.split("|")[2] ?? "";
  const starts = values
    .map((value) => ({ value, at: description.indexOf(`${value}: `) }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at);
  const meanings = new Map<string, string>();
  starts.forEach(({ value, at }, index) => {
    const end = starts[index + 1]?.at ?? description.length;
    meanings.set(value, description.slice(at + value.length + 2, end).trim());
  });
  return meanings;
}
