// The domain vocabulary (data/vocabulary.json): which words a helpdesk person uses for which catalog words.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Entry } from "../catalog/types.js";
import { splitComponentPrefix } from "./normalize.js";

export const VOCABULARY_PATH = fileURLToPath(new URL("../../data/vocabulary.json", import.meta.url));

/** One line `npm run vocabulary` writes from the catalog: these words mean `means`, as `from` shows. */
export interface DerivedLine {
  words: string[];
  means: string;
  from: string;
}
/** Synonyms and abbreviations no catalog text spells out, each with why. */
export interface CuratedLine {
  words: string[];
  means: string;
  reason: string;
}
export interface ReasonedWords {
  words: string[];
  reason: string;
}
export interface PhraseLine {
  phrases: string[];
  means: string;
  reason: string;
}
export interface Vocabulary {
  about: string;
  /** Written by `npm run vocabulary` from the catalog; a test checks they still follow from it. */
  derived: DerivedLine[];
  /** Title and code prefixes the derivation must skip, each with why. */
  notComponents: ReasonedWords[];
  /** Synonyms and abbreviations no catalog text spells out, each with why. */
  curated: CuratedLine[];
  /**
   * General IT English whose meaning is the phrase, not its words ("switched off" is "disabled", "idles out" an
   * idle timeout), each group with why. Read before the words are split, in queries and catalog texts alike.
   */
  phrases: PhraseLine[];
  /** Words of a helpdesk question that say nothing about the problem, each group with why. */
  ignore: ReasonedWords[];
  /**
   * Failure-mode words ("expired", "too large", "disabled"): what went wrong, as against the object it went wrong
   * with ("saml assertion"). A family of codes shares its object words; the symptom tells them apart.
   */
  symptoms: ReasonedWords[];
}

/**
 * The committed file as it is: its zod schema (vocabulary-schema.ts) runs in tests and in `npm run vocabulary`,
 * not here, so a plain code lookup never loads zod.
 */
export function loadVocabulary(path: string = VOCABULARY_PATH): Vocabulary {
  return JSON.parse(readFileSync(path, "utf8")) as Vocabulary;
}

/** A code prefix names a component when this many entries carry it, all of that one component. */
const MIN_PREFIX_ENTRIES = 3;

/**
 * Lines that follow from the catalog itself: each page-title prefix ("AC:", "SE:") and each code prefix that
 * only one component uses (AST_ is always the App Connector) means that component's name.
 */
export function deriveVocabulary(entries: readonly Entry[], notComponents: ReadonlySet<string>): DerivedLine[] {
  const lines: DerivedLine[] = [];
  const titlePrefixes = new Map<string, { name: string; count: number }>();
  for (const entry of entries) {
    const { component } = splitComponentPrefix(entry.title);
    if (!component || component !== entry.component || notComponents.has(component.toLowerCase())) continue;
    const seen = titlePrefixes.get(component) ?? { name: entry.componentName, count: 0 };
    seen.count++;
    titlePrefixes.set(component, seen);
  }
  for (const [prefix, { name, count }] of [...titlePrefixes].sort()) {
    lines.push({ words: [prefix.toLowerCase()], means: plainName(name), from: `title prefix "${prefix}:" on ${count} entries of the ${name}` });
  }
  const codePrefixes = new Map<string, Entry[]>();
  for (const entry of entries) {
    const prefix = entry.code.split("_")[0]!;
    codePrefixes.set(prefix, [...(codePrefixes.get(prefix) ?? []), entry]);
  }
  for (const [prefix, carriers] of [...codePrefixes].sort()) {
    const names = new Set(carriers.map((entry) => entry.componentName));
    if (carriers.length < MIN_PREFIX_ENTRIES || names.size !== 1 || notComponents.has(prefix.toLowerCase())) continue;
    if (titlePrefixes.has(prefix)) continue; // "CLT" is already a title prefix
    const name = carriers[0]!.componentName;
    lines.push({ words: [prefix.toLowerCase()], means: plainName(name), from: `code prefix ${prefix}_ on ${carriers.length} entries, all of the ${name}` });
  }
  return lines;
}

/** "Public or Private Service Edge" -> "service edge"; "Zscaler Client Connector" -> "client connector". */
function plainName(componentName: string): string {
  return componentName
    .toLowerCase()
    .replace(/^public or private /, "")
    .replace(/^zscaler /, "");
}

export interface Expansions {
  expansions: Map<string, string[]>;
  ignored: Set<string>;
  /** Phrase -> the words it stands for; `phrasePattern` finds them, longest first, on whole words. */
  phrases: Map<string, string>;
  phrasePattern: RegExp | null;
  /** The failure-mode words (`symptoms`), one list per mode, as written. */
  symptomModes: string[][];
}

/** Word -> the words it stands for, from the derived and curated lines; the phrases; and the words to ignore. */
export function expansionsOf(vocabulary: Vocabulary): Expansions {
  const expansions = new Map<string, string[]>();
  for (const line of [...vocabulary.derived, ...vocabulary.curated]) {
    for (const word of line.words) expansions.set(word, line.means.split(" "));
  }
  const ignored = new Set(vocabulary.ignore.flatMap((line) => line.words));
  const phrases = new Map(vocabulary.phrases.flatMap((line) => line.phrases.map((phrase) => [phrase, line.means] as const)));
  const longestFirst = [...phrases.keys()].sort((a, b) => b.length - a.length);
  const phrasePattern = longestFirst.length ? new RegExp(`\\b(?:${longestFirst.join("|")})\\b`, "g") : null;
  const symptomModes = vocabulary.symptoms.map((line) => line.words);
  return { expansions, ignored, phrases, phrasePattern, symptomModes };
}
