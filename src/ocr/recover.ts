// Recovers ZPA codes from OCR output: tolerant of the slips tesseract makes, strict about what a code is.
import type { Entry } from "../catalog/types.js";
import type { CodeIndex, Spelling } from "../search/code-index.js";

/** One word as tesseract reads it, with its box in image pixels. */
export interface OcrWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrLine {
  words: OcrWord[];
}

export interface RecoveredCodes {
  /** Codes the image shows, as sure as a pasted one: answered with a card. */
  codes: Entry[];
  /** Codes it probably shows (a slip too many to be sure): offered as "looks like" buttons. */
  likely: Entry[];
}

/** What stood between two pieces of letters and digits: an underscore, a space, other punctuation, a line wrap. */
type Separator = "_" | " " | "." | "\n" | "";

interface Segment {
  text: string;
  before: Separator;
  /** Index of the word it came from in its sequence's word list. */
  word: number;
}

interface Candidate {
  spelling: Spelling;
  confusions: number;
  sure: boolean;
}

/** Characters tesseract mixes up in code-like text: each character read maps to those it may stand for. */
const CONFUSABLE: Record<string, string> = {
  O: "0",
  "0": "O",
  I: "1LT",
  L: "1I",
  "1": "IL",
  T: "I",
  S: "5",
  "5": "S",
  M: "N",
  N: "M",
  B: "8",
  "8": "B0",
  "6": "0",
};

/** Lower-case letters tesseract writes for upper-case ones (l for I, o for O ...): not evidence of prose. */
const OCR_LOWER = new Set([..."loisc"]);
/** Characters that end a run outright: table borders and brackets are never inside a code. */
const HARD_STOP = /[|[\](){}<>]/;
/** A code never spans more pieces than this (its parts plus a few split words). */
const MAX_SEGMENTS = 14;

/**
 * The recovery pass, built once per code index. A candidate is a run of whole pieces of OCR text; it is a
 * code when its letters equal a code's letters (ignoring separators) up to a bounded number of look-alike
 * swaps (O/0, I/l/1, S/5) and its separators sit where the code's underscores are (a space or a dropped
 * underscore is a slip; an underscore where the code has none, or a letter too many or too few, is a
 * different string). A run touching more code-like text through an underscore is not a whole code, so a
 * near-miss such as BRK_MT_SETUP_TIMEOUTS or a bare prefix never becomes one.
 */
export function buildOcrRecovery(index: CodeIndex): (lines: readonly OcrLine[]) => RecoveredCodes {
  const byLength = new Map<number, { spelling: Spelling; underscores: Set<number> }[]>();
  for (const spelling of index.spellings) {
    const underscores = new Set<number>();
    let letters = 0;
    for (const char of spelling.text) {
      if (char === "_") underscores.add(letters);
      else letters++;
    }
    const list = byLength.get(spelling.compact.length) ?? [];
    list.push({ spelling, underscores });
    byLength.set(spelling.compact.length, list);
  }
  const maxLetters = Math.max(0, ...byLength.keys());

  /** The best code for one run of segments, or undefined. */
  const match = (segments: readonly Segment[], from: number, to: number): Candidate[] => {
    let letters = "";
    const boundaries = new Map<number, Separator>();
    let lowerProse = 0;
    let lower = 0;
    let upper = 0;
    for (let k = from; k <= to; k++) {
      const segment = segments[k]!;
      if (k > from) boundaries.set(letters.length, segment.before);
      for (const char of segment.text) {
        if (char >= "a" && char <= "z") {
          lower++;
          if (!OCR_LOWER.has(char)) lowerProse++;
        } else if (char >= "A" && char <= "Z") upper++;
      }
      letters += segment.text;
    }
    const allLower = upper === 0 && lower > 0;
    // Mixed case reads as prose ("App not available"); a fully lower-case code must have its underscores.
    // Tesseract's dictionary sometimes lowers one word of a code ("... AST LOCAL owner"): a little of that
    // is tolerated, but such a read is never sure.
    if (!allLower && lower > upper / 3) return [];
    const key = letters.toUpperCase();
    const found: Candidate[] = [];
    const compare = (code: string, shift: number): number => {
      let confusions = shift;
      for (let k = 0; k < key.length && confusions <= 2; k++) {
        const a = key[k]!;
        const b = code[k + shift]!;
        if (a !== b) confusions += CONFUSABLE[a]?.includes(b) ? 1 : 3;
      }
      return confusions;
    };
    // Each code of the same length, and each one letter longer with its first letter lost (clipped by a cell
    // edge or eaten by the text before it): that loss counts as one slip and is never sure.
    const sameLength = (byLength.get(key.length) ?? []).map((code) => ({ ...code, shift: 0 }));
    const clipped = key.length >= 12 ? (byLength.get(key.length + 1) ?? []).map((code) => ({ ...code, shift: 1 })) : [];
    for (const { spelling, underscores: codeUnderscores, shift } of [...sameLength, ...clipped]) {
      const confusions = compare(spelling.compact, shift);
      if (confusions > 2 || confusions > Math.floor(key.length / 8)) continue;
      const underscores = shift === 0 ? codeUnderscores : new Set([...codeUnderscores].map((at) => at - 1));
      let underscoresSeen = 0;
      let slips = 0;
      let wrong = false;
      for (const [at, separator] of boundaries) {
        if (underscores.has(at)) {
          if (separator === "_") underscoresSeen++;
          else if (separator !== "\n") slips++;
        } else if (separator === "_" || separator === ".") wrong = true;
        else if (separator === " ") slips++;
      }
      for (const at of underscores) if (!boundaries.has(at)) slips++;
      if (wrong) continue;
      if (allLower && (slips > 0 || confusions > 0)) continue;
      // Sure: the letters are right (or one swap in a long code) and at least one underscore was read as one,
      // or every underscore of a code of three parts or more was read as a space (monospace terminals do that).
      const spacedOut = underscoresSeen === 0 && underscores.size >= 2 && boundaries.size === underscores.size && slips === underscores.size;
      const evidence = underscoresSeen > 0 || underscores.size === 0 || spacedOut;
      const sure =
        shift === 0 && lowerProse === 0 && evidence && (confusions === 0 || (confusions === 1 && key.length >= 12 && slips <= 1));
      found.push({ spelling, confusions, sure });
    }
    if (found.length === 0) return [];
    const best = Math.min(...found.map((c) => c.confusions));
    const ties = found.filter((c) => c.confusions === best);
    // Two codes equally close: neither is sure.
    return new Set(ties.map((c) => c.spelling.entry)).size === 1 ? ties : ties.map((c) => ({ ...c, sure: false }));
  };

  /** Matches in one sequence, longest first from each start; `mustCross` keeps only runs across a wrap. */
  const scanSequence = (segments: readonly Segment[], mustCross: boolean): { candidates: Candidate[]; words: number[] }[] => {
    const results: { candidates: Candidate[]; words: number[] }[] = [];
    for (let from = 0; from < segments.length; from++) {
      if (segments[from]!.before === "_") continue; // glued to what precedes: not the start of a whole code
      let letters = 0;
      let last = from;
      while (last + 1 < segments.length && last - from + 1 < MAX_SEGMENTS && segments[last + 1]!.before !== "") {
        last++;
      }
      for (let to = last; to >= from; to--) {
        if (to + 1 < segments.length && segments[to + 1]!.before === "_") continue; // continues: a longer string
        letters = 0;
        let crosses = false;
        for (let k = from; k <= to; k++) {
          letters += segments[k]!.text.length;
          if (k > from && segments[k]!.before === "\n") crosses = true;
        }
        if (letters > maxLetters || (mustCross && !crosses)) continue;
        const candidates = match(segments, from, to);
        if (candidates.length === 0) continue;
        const words = new Set<number>();
        for (let k = from; k <= to; k++) words.add(segments[k]!.word);
        results.push({ candidates, words: [...words] });
        from = to;
        break;
      }
    }
    return results;
  };

  return (lines) => {
    const sure = new Set<Entry>();
    const likely = new Set<Entry>();
    const consumed = new Set<OcrWord>();
    const take = (words: readonly OcrWord[], found: { candidates: Candidate[]; words: number[] }[]): void => {
      for (const { candidates, words: used } of found) {
        if (used.some((w) => consumed.has(words[w]!))) continue;
        for (const w of used) consumed.add(words[w]!);
        for (const candidate of candidates) (candidate.sure ? sure : likely).add(candidate.spelling.entry);
      }
    };
    // Codes wrapped across a table cell's lines first, so the first line alone (maybe a shorter code) is not read.
    for (const words of wrappedRuns(lines)) take(words, scanSequence(segmentsOf(words, true), true));
    for (const line of lines) take(line.words, scanSequence(segmentsOf(line.words, false), false));
    return { codes: [...sure], likely: [...likely].filter((entry) => !sure.has(entry)) };
  };
}

/**
 * Splits words into pieces of letters and digits, noting what separated each from the one before. In a
 * wrapped run (`wrapped`), a word whose top is below the previous word's middle starts a new line.
 */
function segmentsOf(words: readonly OcrWord[], wrapped: boolean): Segment[] {
  const segments: Segment[] = [];
  let pending: Separator = "";
  let hard = false;
  words.forEach((word, index) => {
    if (index > 0) {
      const previous = words[index - 1]!;
      pending = wrapped && word.y0 > (previous.y0 + previous.y1) / 2 ? "\n" : strongest(pending, " ");
    }
    for (const piece of word.text.split(/([A-Za-z0-9]+)/)) {
      if (piece === "") continue;
      if (/^[A-Za-z0-9]+$/.test(piece)) {
        segments.push({ text: piece, before: hard ? "" : pending, word: index });
        pending = "";
        hard = false;
        continue;
      }
      if (HARD_STOP.test(piece)) hard = true;
      pending = strongest(pending, piece.includes("_") ? "_" : /\s/.test(piece) ? " " : ".");
    }
  });
  return segments.map((segment, k) => (k === 0 ? { ...segment, before: "" } : segment));
}

/** Which of two separators describes a gap: a wrap beats an underscore, which beats a space or punctuation. */
function strongest(a: Separator, b: Separator): Separator {
  const rank: Record<Separator, number> = { "": 0, ".": 1, " ": 2, _: 3, "\n": 4 };
  return rank[a] >= rank[b] ? a : b;
}

/**
 * Word runs for codes wrapped inside a table cell: the end of one line (up to three words) followed by the
 * word starting the next line at the same left edge, and again for a third line. Lines are matched by
 * the word boxes: the next line starts within a line's height below and within a line's height of the
 * same left edge.
 */
function wrappedRuns(lines: readonly OcrLine[]): OcrWord[][] {
  const all = lines.flatMap((line) => line.words);
  const below = (word: OcrWord, left: number): OcrWord | undefined => {
    const height = word.y1 - word.y0;
    return all.find(
      (other) =>
        other !== word &&
        other.y0 > (word.y0 + word.y1) / 2 &&
        other.y0 - word.y1 <= height &&
        Math.abs(other.x0 - left) <= height,
    );
  };
  const runs: OcrWord[][] = [];
  for (const line of lines) {
    line.words.forEach((word, index) => {
      for (let back = 0; back <= 2 && back <= index; back++) {
        const head = line.words.slice(index - back, index + 1);
        const next = below(word, head[0]!.x0);
        if (!next) continue;
        const run = [...head, next];
        const third = below(next, next.x0);
        if (third) run.push(third);
        runs.push(run);
        break;
      }
    });
  }
  return runs;
}
