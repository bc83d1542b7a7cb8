// resolve() and scan() on generated and megabyte inputs: they answer, never throw or hang.
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/load.js";
import type { Entry } from "../../src/catalog/types.js";
import { MAX_QUERY_CHARS, createSearch } from "../../src/search/index.js";
import type { Resolution } from "../../src/search/types.js";

// Random and hostile input for resolve() and scan(): nothing may throw, every call returns, and what comes
// back has the promised shape. Seeded, so a failure names a case that can be replayed.
const SEED = 0x5eed_2024;
const CASES = 10_000;

const catalog = loadCatalog();
const search = createSearch(catalog);
const entries = new Set<Entry>(catalog.entries);
const codes = catalog.entries.map((entry) => entry.code);
const HOWS = new Set(["code", "alias", "title", "fragment", "typo", "reordered", "words", "none"]);

/** mulberry32: small, fast, good enough to spread test cases. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(SEED);
const int = (below: number): number => Math.floor(random() * below);
const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;

const ALPHABETS = [
  "ABCDEFGHIJKLMNOPQRSTUVWXYZ_",
  "abcdefghijklmnopqrstuvwxyz _-",
  "0123456789_",
  "`'\"*~<>|&;:.,!?()[]{}\\/@#%^=+",
  "\u00e9\u00fc\u00df\u0301\u200b\u200e\u202e\ufeff\u0000\n\r\t",
  "\u4e2d\u6587\u0440\u0443\u0441\u0639\u0631\u0628\u05e2\u05d1",
];

function randomText(length: number): string {
  const alphabet = pick(ALPHABETS) + pick(ALPHABETS);
  let text = "";
  for (let i = 0; i < length; i++) text += alphabet[int(alphabet.length)];
  return text;
}

function codePoints(length: number): string {
  let text = "";
  for (let i = 0; i < length; i++) {
    const roll = random();
    if (roll < 0.1) text += String.fromCharCode(0xd800 + int(0x800)); // lone surrogate
    else if (roll < 0.2) text += String.fromCodePoint(0x1f300 + int(0x300)); // emoji
    else text += String.fromCodePoint(int(0x3000));
  }
  return text;
}

function mutated(code: string): string {
  let text = code;
  for (let edits = 1 + int(3); edits > 0; edits--) {
    const at = int(text.length + 1);
    const roll = random();
    if (roll < 0.25) text = text.slice(0, at) + pick([..."AEIOU_XZ9"]) + text.slice(at);
    else if (roll < 0.5) text = text.slice(0, at) + text.slice(at + 1);
    else if (roll < 0.65) text = text.slice(0, at) + (text[at + 1] ?? "") + (text[at] ?? "") + text.slice(at + 2);
    else if (roll < 0.8) text = text.toLowerCase().replace(/_/g, pick(["-", " ", "", "__"]));
    else text = pick(["`", '"', "_", "*", "InternalReason: ", "&lt;"]) + text + pick(["`", '",', "_", "*", ".", "&gt;"]);
  }
  return text;
}

function generate(index: number): string {
  switch (index % 10) {
    case 0:
      return randomText(int(80));
    case 1:
      return codePoints(1 + int(60));
    case 2:
      return mutated(pick(codes));
    case 3:
      return "_".repeat(int(5_000)) + pick(["", pick(codes), "x"]) + "_".repeat(int(5_000));
    case 4:
      return Array.from({ length: int(2_000) }, () => pick(["A", "B_", "_", "1", pick(codes), "x"])).join(pick([" ", "", "_", "\n"]));
    case 5:
      return JSON.stringify({ InternalReason: pick([pick(codes), mutated(pick(codes)), randomText(20)]), n: random() }).slice(0, int(120));
    case 6:
      return `<${int(200)}>${randomText(20)} ${pick(codes)}${pick(["", "S", "_X", "x"])} ${codePoints(5)}`;
    case 7:
      return pick(codes).slice(int(10), 10 + int(40));
    case 8:
      return String(random() * 1e21) + pick(["", " ", "_", "e+"]) + int(1e9);
    default:
      return `${pick(["<!channel>", "<@U123>", "@here", "<!subteam^S1>"])} ${randomText(40)} ${mutated(pick(codes))}`;
  }
}

/** What is wrong with a resolution, if anything (plain checks: 10,000 cases of expect() would be slow). */
function resolutionProblems(query: string, result: Resolution): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string): void => {
    if (!ok) problems.push(problem);
  };
  check(typeof result.query === "string", "query is not a string");
  check(result.query.length <= Math.min(query.length, MAX_QUERY_CHARS), "query not bounded");
  check(HOWS.has(result.how), `unknown how ${result.how}`);
  check((result.match === null) === (result.how === "none"), "match and how disagree");
  check((result.match === null) === (result.confidence === null), "match and confidence disagree");
  check(result.match === null || entries.has(result.match), "match is not a catalog entry");
  check(result.alternatives.length <= 5, "more than five alternatives");
  check(new Set(result.alternatives).size === result.alternatives.length, "an alternative twice");
  check(result.alternatives.every((entry) => entries.has(entry)), "an alternative is not a catalog entry");
  check(!result.alternatives.includes(result.match!), "the match is among the alternatives");
  return problems;
}

/** Precision: every entry the scanner reports is spelled out in the text, once. */
function scanProblems(text: string, found: Entry[]): string[] {
  const upper = text.toUpperCase();
  const problems: string[] = [];
  if (new Set(found).size !== found.length) problems.push("an entry twice");
  for (const entry of found) {
    if (!entries.has(entry)) problems.push("not a catalog entry");
    if (![entry.code, ...entry.aliases].some((spelling) => upper.includes(spelling))) problems.push(`${entry.code} is not in the text`);
  }
  return problems;
}

function problemsWith(text: string): string[] {
  return [...resolutionProblems(text, search.resolve(text)), ...scanProblems(text, search.scan(text))];
}

describe("fuzzing resolve() and scan()", () => {
  it(`survives ${CASES} generated strings (seed ${SEED})`, () => {
    const failures: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const text = generate(i);
      const problems = problemsWith(text);
      if (problems.length) failures.push(`case ${i} ${JSON.stringify(text.slice(0, 120))}: ${problems.join("; ")}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it("survives megabyte inputs", () => {
    const huge = [
      "_".repeat(1_000_000),
      "A".repeat(1_000_000),
      "BRK_MT_SETUP_TIMEOUT ".repeat(50_000),
      "A_".repeat(500_000),
      "\ud800".repeat(1_000_000),
      codePoints(200_000),
      "a ".repeat(500_000),
      "\\".repeat(1_000_000),
    ];
    for (const text of huge) expect(problemsWith(text), JSON.stringify(text.slice(0, 40))).toEqual([]);
    expect(search.scan(huge[2]!).map((entry) => entry.code)).toEqual(["BRK_MT_SETUP_TIMEOUT"]);
  });
});
