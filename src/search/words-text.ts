// Turns titles, descriptions, codes and free-text queries into comparable terms. Index and query go
// through the same steps, so "timed out" meets TIMEOUT and "broker" meets "Service Edge".
import { expansionsOf, loadVocabulary, type Expansions } from "./vocabulary.js";

const STOPWORDS = new Set(
  ("a an and are as at be because been being by can could do does due during for from get getting got has have how " +
    "i if in into is it its me my of on or our out ran s should so some than that the their there this to too us " +
    "was we were what when which while why would " +
    "will with you your mean means meaning code session please help zpa zscaler").split(" "),
);

/**
 * Words a question is built from ("what does this error mean", "status code") that name a thing once a content
 * word qualifies them: "socket error", "internal error", "proxy connection status". Kept only right after a word
 * that has terms, in queries and catalog texts alike.
 */
const QUALIFIED_WORDS = new Set(["error", "errors", "status"]);

/** Domain words (data/vocabulary.json), read on first use so a code lookup never needs the file. */
let domain: Expansions | undefined;
function vocabulary(): Expansions {
  domain ??= expansionsOf(loadVocabulary());
  return domain;
}

/** A word of an expansion, itself spelled out once ("app connector": "app" is "application" too). */
function spelledOut(word: string): string[] {
  const further = vocabulary().expansions.get(word);
  return further && !further.includes(word) ? further : [word];
}

/** Longest first; "ss" is no plural (access, process). */
const ENDINGS = ["ations", "ation", "ions", "ion", "ures", "ure", "ies", "ied", "ing", "ed", "es", "s", "y", "e"];

/** Trims common English endings so "expired", "expires" and "expiry" share a stem. */
export function stem(term: string): string {
  if (term.length <= 4 || /^\d+$/.test(term)) return term;
  for (const ending of ENDINGS) {
    if (term.endsWith(ending) && term.length - ending.length >= 3 && !(ending === "s" && term.endsWith("ss"))) {
      return term.slice(0, term.length - ending.length);
    }
  }
  return term;
}

/** "can't", "isn't", "won't": one word, so the negation survives the split (the vocabulary reads it as "not"). */
const CONTRACTED_NOT = /([a-z])n['\u2019]t\b/gi;

/** Lower-case words of `text`, with the vocabulary's phrases read as the words they mean. */
function wordsOf(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const { phrases, phrasePattern } = vocabulary();
  if (!phrasePattern || words.length < 2) return words;
  return words.join(" ").replace(phrasePattern, (phrase) => phrases.get(phrase)!).split(" ");
}

/** Raw words: camelCase split ("DoubleEncrypt" also gives "double", "encrypt"), lower case, letters and digits. */
export function splitWords(raw: string): string[] {
  const text = raw.replace(CONTRACTED_NOT, "$1nt");
  const spaced = text.replace(/([a-z])([A-Z])/g, "$1 $2");
  const words = wordsOf(spaced);
  if (spaced !== text) words.push(...wordsOf(text));
  return words;
}

/** Words repeat across the catalog ("connection", "service"); each is worked out once. */
const termsByWord = new Map<string, readonly string[]>();
const CACHE_LIMIT = 20_000;

/** One raw word to its index terms; none for a stopword. */
export function termsOfWord(word: string): readonly string[] {
  let terms = termsByWord.get(word);
  if (terms) return terms;
  const { expansions, ignored } = vocabulary();
  if (word.length < 2 || STOPWORDS.has(word) || ignored.has(word)) terms = [];
  else terms = [...new Set((expansions.get(word) ?? [word]).flatMap(spelledOut).map(stem))];
  if (termsByWord.size < CACHE_LIMIT) termsByWord.set(word, terms); // queries bring new words: stay bounded
  return terms;
}

/** Each word with its terms, in order; a qualified word ("socket error") keeps its terms after a content word. */
export function termsOfWords(words: readonly string[]): Array<[string, readonly string[]]> {
  const out: Array<[string, readonly string[]]> = [];
  let previous: readonly string[] = [];
  for (const word of words) {
    let terms = termsOfWord(word);
    if (!terms.length && previous.length && QUALIFIED_WORDS.has(word)) terms = qualifiedTerms(word);
    out.push([word, terms]);
    previous = terms;
  }
  return out;
}

function qualifiedTerms(word: string): readonly string[] {
  return [...new Set((vocabulary().expansions.get(word) ?? [word]).map(stem))];
}

export function termsOf(text: string): string[] {
  return termsOfWords(splitWords(text)).flatMap(([, terms]) => terms);
}

/** A code read as words: BRK_MT_AUTH_SAML_FAILURE -> broker microtunnel authentication saml failure. */
export function codeAsText(code: string): string {
  return code.toLowerCase().split("_").join(" ");
}

let symptoms: Map<string, number> | undefined;
/**
 * Each index term of the vocabulary's failure-mode words (`symptoms`) and the mode it names: "expir" and "time"
 * one mode, "larg" and "exceed" another.
 */
export function symptomModes(): ReadonlyMap<string, number> {
  if (symptoms) return symptoms;
  const modes = vocabulary().symptomModes;
  // "exhausted" reads as "ephemeral source port exhausted": only the terms that are themselves symptom words count.
  const own = new Set(modes.flat().map(stem));
  const termsOfSymptom = (word: string): readonly string[] => {
    const terms = termsOfWord(word);
    return terms.length === 1 ? terms : terms.filter((term) => own.has(term));
  };
  symptoms = new Map(modes.flatMap((words, mode) => words.flatMap(termsOfSymptom).map((term) => [term, mode] as const)));
  return symptoms;
}

/** How many words of `text` say something about a problem (stopwords and question words left out). */
export function contentWords(text: string): number {
  return termsOfWords(splitWords(text)).filter(([, terms]) => terms.length).length;
}
