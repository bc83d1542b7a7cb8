// The README stays a user's page (short, opening with the two commands) and the docs stay navigable:
// every relative link resolves, every docs page opens with a table of contents that matches its headings.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const README = readFileSync(join(ROOT, "README.md"), "utf8");
const PACKAGE = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { license: string; engines: { node: string } };
const DOCS = readdirSync(join(ROOT, "docs"))
  .filter((name) => name.endsWith(".md"))
  .map((name) => `docs/${name}`);

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
}

function headings(markdown: string): string[] {
  const outsideCode = markdown.replace(/```[\s\S]*?```/g, "");
  return [...outsideCode.matchAll(/^#{2,3} (.+)$/gm)].map((match) => match[1]!.trim());
}

describe("README", () => {
  it("stays under 15 KB", () => {
    expect(Buffer.byteLength(README)).toBeLessThan(15_000);
  });

  it("opens with the two commands, before any prose", () => {
    const firstBlock = /^# .+\n\n```sh\n([\s\S]*?)```/.exec(README);
    expect(firstBlock).not.toBeNull();
    const commands = firstBlock![1]!.split("\n").map((line) => line.replace(/#.*$/, "").trim());
    expect(commands.slice(0, 2)).toEqual(["npm ci && npm start", "npm ci && npm test"]);
  });

  it("states the Node version package.json requires, and the license LICENSE holds", () => {
    const minimum = /^>=(\d+\.\d+)$/.exec(PACKAGE.engines.node)?.[1];
    expect(minimum).toBeDefined();
    expect(README).toContain(`Node.js ${minimum} or later`);
    expect(PACKAGE.license).toBe("MIT");
    expect(readFileSync(join(ROOT, "LICENSE"), "utf8").split("\n")[0]).toBe("MIT License");
  });
});

describe.each(["README.md", ...DOCS])("%s", (file) => {
  const text = readFileSync(join(ROOT, file), "utf8");

  it("links only to files and headings that exist", () => {
    const broken: string[] = [];
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue; // http(s), mailto: not checked offline
      const [path, anchor] = target!.split("#");
      const linked = path ? join(ROOT, dirname(file), path) : join(ROOT, file);
      if (!existsSync(linked)) broken.push(target!);
      else if (anchor && linked.endsWith(".md") && !headings(readFileSync(linked, "utf8")).map(anchorOf).includes(anchor)) {
        broken.push(target!);
      }
    }
    expect(broken).toEqual([]);
  });

});

describe.each(DOCS)("%s", (file) => {
  it("opens with a table of contents listing every section", () => {
    const text = readFileSync(join(ROOT, file), "utf8");
    expect(text.split("\n")[0]).toMatch(/^# /);
    // The contents come before the first section, directly or under a "## Contents" heading.
    const sections = [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1]!.trim()).filter((heading) => heading !== "Contents");
    const head = text.slice(0, text.indexOf(`\n## ${sections[0]}\n`));
    const toc = [...head.matchAll(/^- \[.+?\]\(#(.+?)\)$/gm)].map((match) => match[1]);
    expect(toc).toEqual(sections.map(anchorOf));
  });
});
