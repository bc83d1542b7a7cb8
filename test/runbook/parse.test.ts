// The runbook file format on the real catalog: every selector, errors naming file, entry and field, and most-specific-first order.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadCatalog } from "../../src/catalog/load.js";
import { notesFor } from "../../src/runbook/notes.js";
import { codeLookup } from "../../src/runbook/open.js";
import { parseRunbook, RunbookError } from "../../src/runbook/parse.js";
import { createSearch } from "../../src/search/index.js";

const search = createSearch(loadCatalog());
const lookup = codeLookup(search);
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/runbook/${name}`, import.meta.url)), "utf8");
const entry = (code: string) => search.byCode(code)!;

function errorOf(text: string): string {
  try {
    parseRunbook(text, "runbook.yml", lookup);
  } catch (error) {
    expect(error).toBeInstanceOf(RunbookError);
    return (error as Error).message;
  }
  throw new Error("expected the runbook to be refused");
}

describe("runbook file", () => {
  it("reads the committed example: every selector kind, links and owner", () => {
    expect(fixture("valid.yml")).toBe(readFileSync(fileURLToPath(new URL("../../runbook.example.yml", import.meta.url)), "utf8"));
    const runbook = parseRunbook(fixture("valid.yml"), "runbook.yml", lookup);
    expect(runbook.notes.map((n) => n.scope.kind)).toEqual(["codes", "component", "severity"]);
    expect(runbook.notes[0]!.links).toEqual([{ title: "KB 4711: connector health", url: "https://kb.example.com/4711" }]);
    expect(runbook.notes[0]!.owner).toBe("Network team");
  });

  it("names the file, the entry and the field of an unknown code", () => {
    expect(errorOf(fixture("unknown-code.yml"))).toBe('runbook.yml: entry 2 (notes[1]), field codes[1]: unknown ZPA code "BRK_MT_SETUP_TIMOUT"');
  });

  it("names the field of a bad link, a missing text, an unknown key and a second selector", () => {
    expect(errorOf('notes:\n  - component: AC\n    text: x\n    links: [{ title: KB, url: "ftp://kb" }]\n')).toMatch(
      /^runbook\.yml: entry 1 \(notes\[0\]\), field links\[0\]\.url: /,
    );
    expect(errorOf("notes:\n  - component: AC\n  - component: SE\n")).toMatch(/^runbook\.yml: entry 1 \(notes\[0\]\), field text: /);
    expect(errorOf("notes:\n  - component: AC\n    text: x\n    colour: red\n")).toMatch(/^runbook\.yml: entry 1 \(notes\[0\]\): .*colour/);
    expect(errorOf("notes:\n  - component: AC\n    severity: error\n    text: x\n")).toBe(
      "runbook.yml: entry 1 (notes[0]): has component and severity; use only one of code, codes, component, category, severity (or codes: \"*\")",
    );
    expect(errorOf("notes:\n  - component: XX\n    text: x\n")).toMatch(/field component: /);
  });

  it("says where broken YAML is", () => {
    expect(errorOf("notes:\n  - code: [unclosed\n")).toMatch(/^runbook\.yml: not valid YAML at line \d+/);
  });

  it("accepts codes in any case and by alias, stored as the catalog spells them", () => {
    const runbook = parseRunbook("notes:\n  - code: brk_mt_setup_timeout\n    text: x\n", "runbook.yml", lookup);
    expect(runbook.notes[0]!.scope).toEqual({ kind: "codes", codes: ["BRK_MT_SETUP_TIMEOUT"] });
  });

  it("orders the notes for a code most specific first: the code, its set, component, severity, every code", () => {
    const text = [
      "notes:",
      '  - codes: "*"',
      "    text: every",
      "  - severity: error",
      "    text: severity",
      "  - component: SE",
      "    text: component",
      "  - codes: [BRK_MT_SETUP_TIMEOUT, AST_MT_SETUP_TIMEOUT_CANNOT_CONN_TO_BROKER]",
      "    text: set",
      "  - code: BRK_MT_SETUP_TIMEOUT",
      "    text: code",
      "  - component: AC",
      "    text: other component",
    ].join("\n");
    const runbook = parseRunbook(text, "runbook.yml", lookup);
    expect(notesFor(runbook, entry("BRK_MT_SETUP_TIMEOUT")).map((n) => n.text)).toEqual(["code", "set", "component", "severity", "every"]);
    expect(notesFor(runbook, entry("AST_MT_SETUP_TIMEOUT_CANNOT_CONN_TO_BROKER")).map((n) => n.text)).toEqual([
      "set",
      "other component",
      "severity",
      "every",
    ]);
  });

  it("treats an empty file as a runbook with no notes", () => {
    expect(parseRunbook("", "runbook.yml", lookup).notes).toEqual([]);
  });
});
