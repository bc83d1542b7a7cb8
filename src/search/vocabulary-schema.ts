// The zod schema of data/vocabulary.json, checked by `npm run vocabulary` and in tests (never at run time).
import { z } from "zod";
import { loadVocabulary, type Vocabulary } from "./vocabulary.js";

const Word = z.string().regex(/^[a-z0-9]+$/, "lower-case letters and digits, one word");
const DerivedLine = z.object({ words: z.array(Word).min(1), means: z.string().min(1), from: z.string().min(1) });
const CuratedLine = z.object({ words: z.array(Word).min(1), means: z.string().min(1), reason: z.string().min(10) });
const ReasonedWords = z.object({ words: z.array(Word).min(1), reason: z.string().min(10) });
const Phrase = z.string().regex(/^[a-z0-9]+(?: [a-z0-9]+)+$/, "two or more lower-case words");
const PhraseLine = z.object({ phrases: z.array(Phrase).min(1), means: z.string().min(1), reason: z.string().min(10) });

/** What each field means is said on the Vocabulary type (vocabulary.ts). */
export const VocabularySchema = z.object({
  about: z.string(),
  derived: z.array(DerivedLine),
  notComponents: z.array(ReasonedWords),
  curated: z.array(CuratedLine),
  phrases: z.array(PhraseLine),
  ignore: z.array(ReasonedWords),
  symptoms: z.array(ReasonedWords),
});

/** The file at `path`, checked against the schema; an error names the line and field. */
export function loadCheckedVocabulary(path?: string): Vocabulary {
  return VocabularySchema.parse(loadVocabulary(path)) satisfies Vocabulary;
}

