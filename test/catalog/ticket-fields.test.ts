// The support-ticket fields: every name exists in the LSS log-field reference it cites, and each component asks for time and an id.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LOG_FIELD_PAGES, TICKET_FIELDS } from "../../src/catalog/ticket-fields.js";
import { COMPONENTS } from "../../src/catalog/types.js";

/** The field names in a log-fields reference: the first column of its table. */
function fieldsOf(file: string): Set<string> {
  const text = readFileSync(fileURLToPath(new URL(`../../data/sources/${file}`, import.meta.url)), "utf8");
  const names = [...text.matchAll(/^\| *`?([A-Za-z]+)`? *\|/gm)].map((m) => m[1]!).filter((name) => name !== "Field");
  return new Set(names);
}

describe("what to collect for a support ticket", () => {
  it("names only fields that exist in the LSS log-field reference it cites", () => {
    for (const component of COMPONENTS) {
      for (const log of TICKET_FIELDS[component].logs) {
        const known = fieldsOf(log.page.file);
        expect(known.size, log.page.file).toBeGreaterThan(20);
        for (const field of log.fields) expect(known.has(field), `${component}: ${field} in ${log.page.file}`).toBe(true);
      }
    }
  });

  it("asks every component for the time and an identifier Support can search by", () => {
    for (const component of COMPONENTS) {
      const fields = TICKET_FIELDS[component].logs.flatMap((log) => log.fields);
      expect(fields, component).toContain("LogTimestamp");
      expect(fields.some((f) => f === "SessionID" || f === "ConnectionID"), component).toBe(true);
    }
  });

  it("cites each reference page it has", () => {
    const cited = new Set(COMPONENTS.flatMap((c) => TICKET_FIELDS[c].logs.map((log) => log.page.file)));
    expect([...cited].sort()).toEqual(Object.values(LOG_FIELD_PAGES).map((page) => page.file).sort());
  });
});
