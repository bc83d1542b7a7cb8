// Where the runbook comes from (RUNBOOK_FILE or ./runbook.yml) and how it reloads: SIGHUP, a file replaced on disk, a bad edit kept out.
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config.js";
import { loadCatalog } from "../../src/catalog/load.js";
import { codeLookup, openRunbook } from "../../src/runbook/open.js";
import { runbookPath } from "../../src/runbook/path.js";
import { watchRunbook, type RunbookSource } from "../../src/runbook/source.js";
import { createSearch } from "../../src/search/index.js";

const search = createSearch(loadCatalog());
const dirs: string[] = [];
const sources: RunbookSource[] = [];
afterEach(() => {
  for (const source of sources.splice(0)) source.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "zpa-runbook-"));
  dirs.push(dir);
  return dir;
}

const note = (text: string) => `notes:\n  - component: AC\n    text: "${text}"\n`;

/** Resolves when the log receives a line matching `pattern` (the watcher's own report of a reload). */
function logWaiter(): { log: (line: string) => void; next(pattern: RegExp): Promise<string> } {
  const lines: string[] = [];
  const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  return {
    log(line) {
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.pattern.test(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    },
    next(pattern) {
      return new Promise((resolve) => waiters.push({ pattern, resolve }));
    },
  };
}

describe("where the runbook comes from", () => {
  it("uses RUNBOOK_FILE, else runbook.yml in the working directory when it exists, else none", () => {
    const dir = tempDir();
    expect(runbookPath({}, dir)).toBeUndefined();
    writeFileSync(join(dir, "runbook.yml"), note("here"));
    expect(runbookPath({}, dir)).toBe(join(dir, "runbook.yml"));
    writeFileSync(join(dir, "team.yml"), note("there"));
    expect(runbookPath({ RUNBOOK_FILE: "team.yml" }, dir)).toBe(join(dir, "team.yml"));
    expect(() => runbookPath({ RUNBOOK_FILE: "missing.yml" }, dir)).toThrow(ConfigError);
  });

  it("refuses a bad file at start with a ConfigError naming RUNBOOK_FILE, the file, entry and field", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "runbook.yml"), "notes:\n  - code: NOT_A_ZPA_CODE\n    text: x\n");
    expect(() => openRunbook({}, search, { log: () => undefined, cwd: dir })).toThrow(
      'RUNBOOK_FILE is invalid: runbook.yml: entry 1 (notes[0]), field code: unknown ZPA code "NOT_A_ZPA_CODE"',
    );
  });
});

describe("reloading", () => {
  it("picks up an edit on SIGHUP, and keeps the last good version (saying why) when an edit is bad", () => {
    const dir = tempDir();
    const path = join(dir, "runbook.yml");
    writeFileSync(path, note("first"));
    const lines: string[] = [];
    const source = watchRunbook(path, codeLookup(search), { log: (line) => lines.push(line), sighup: true });
    sources.push(source);
    writeFileSync(path, note("second"));
    process.emit("SIGHUP", "SIGHUP");
    expect(source.current().notes[0]!.text).toBe("second");

    writeFileSync(path, "notes:\n  - component: ZZ\n    text: broken\n");
    process.emit("SIGHUP", "SIGHUP");
    expect(source.current().notes[0]!.text).toBe("second");
    expect(lines.at(-1)).toMatch(/^Runbook: kept the last good version; runbook\.yml: entry 1 \(notes\[0\]\), field component: /);
  });

  it("re-reads the file when it changes on disk, also when an editor replaces it", async () => {
    const dir = tempDir();
    const path = join(dir, "runbook.yml");
    writeFileSync(path, note("first"));
    const waiter = logWaiter();
    const source = watchRunbook(path, codeLookup(search), { log: waiter.log });
    sources.push(source);
    const reloaded = waiter.next(/reloaded/);
    writeFileSync(join(dir, "runbook.yml.tmp"), note("replaced"));
    renameSync(join(dir, "runbook.yml.tmp"), path);
    await reloaded;
    expect(source.current().notes[0]!.text).toBe("replaced");
  });
});
