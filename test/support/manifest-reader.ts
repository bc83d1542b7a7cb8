// Reads the small YAML subset manifest.yml is written in (block maps, "- " lists, plain or
// double-quoted scalars, comments) and rejects anything else, so the test sees what Slack sees.

export type ManifestValue = string | number | boolean | ManifestValue[] | { [key: string]: ManifestValue };

interface Line {
  indent: number;
  text: string;
  number: number;
}

export function readManifest(source: string): Record<string, ManifestValue> {
  const lines: Line[] = [];
  source.split("\n").forEach((raw, index) => {
    const withoutComment = stripComment(raw).trimEnd();
    if (withoutComment.trim() === "") return;
    if (/\t/.test(withoutComment.match(/^\s*/)![0])) throw new Error(`line ${index + 1}: tab indentation`);
    lines.push({ indent: withoutComment.length - withoutComment.trimStart().length, text: withoutComment.trim(), number: index + 1 });
  });
  const cursor = { at: 0 };
  const result = readBlock(lines, cursor, 0);
  if (cursor.at !== lines.length) throw new Error(`line ${lines[cursor.at]!.number}: unexpected indentation`);
  if (Array.isArray(result) || typeof result !== "object") throw new Error("manifest is not a mapping");
  return result;
}

function readBlock(lines: Line[], cursor: { at: number }, indent: number): ManifestValue {
  const first = lines[cursor.at];
  if (!first || first.indent !== indent) throw new Error(`line ${first?.number ?? "end"}: expected indentation ${indent}`);
  return first.text.startsWith("- ") ? readList(lines, cursor, indent) : readMap(lines, cursor, indent);
}

function readMap(lines: Line[], cursor: { at: number }, indent: number): Record<string, ManifestValue> {
  const map: Record<string, ManifestValue> = {};
  while (cursor.at < lines.length && lines[cursor.at]!.indent === indent && !lines[cursor.at]!.text.startsWith("- ")) {
    const line = lines[cursor.at]!;
    const match = /^([A-Za-z_][A-Za-z0-9_]*):(?:\s+(.*))?$/.exec(line.text);
    if (!match) throw new Error(`line ${line.number}: not a "key: value" line`);
    const key = match[1]!;
    if (key in map) throw new Error(`line ${line.number}: duplicate key ${key}`);
    cursor.at += 1;
    if (match[2] !== undefined) {
      map[key] = scalar(match[2], line.number);
    } else {
      const next = lines[cursor.at];
      if (!next || next.indent <= indent) throw new Error(`line ${line.number}: ${key} has no value`);
      map[key] = readBlock(lines, cursor, next.indent);
    }
  }
  return map;
}

function readList(lines: Line[], cursor: { at: number }, indent: number): ManifestValue[] {
  const list: ManifestValue[] = [];
  while (cursor.at < lines.length && lines[cursor.at]!.indent === indent && lines[cursor.at]!.text.startsWith("- ")) {
    const line = lines[cursor.at]!;
    const item = line.text.slice(2);
    if (/^[A-Za-z_][A-Za-z0-9_]*:(\s|$)/.test(item)) {
      // "- key: value" starts a mapping whose other keys sit two columns further in.
      lines[cursor.at] = { indent: indent + 2, text: item, number: line.number };
      list.push(readMap(lines, cursor, indent + 2));
    } else {
      list.push(scalar(item, line.number));
      cursor.at += 1;
    }
  }
  return list;
}

function scalar(text: string, lineNumber: number): ManifestValue {
  if (text.startsWith('"')) {
    if (!/^"(?:[^"\\]|\\.)*"$/.test(text)) throw new Error(`line ${lineNumber}: unterminated string`);
    return JSON.parse(text) as string;
  }
  if (/^[[{&*!|>'%@`]/.test(text)) throw new Error(`line ${lineNumber}: outside the supported YAML subset`);
  if (text === "true" || text === "false") return text === "true";
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (char === '"' && line[i - 1] !== "\\") inString = !inString;
    if (char === "#" && !inString && (i === 0 || /\s/.test(line[i - 1]!))) return line.slice(0, i);
  }
  return line;
}
