// Rewrites the derived lines of data/vocabulary.json from data/catalog.json; curated lines are kept as they are.
import { writeFileSync } from "node:fs";
import { loadCatalog } from "../src/catalog/load.js";
import { VOCABULARY_PATH, deriveVocabulary } from "../src/search/vocabulary.js";
import { loadCheckedVocabulary } from "../src/search/vocabulary-schema.js";

const vocabulary = loadCheckedVocabulary();
const skip = new Set(vocabulary.notComponents.flatMap((line) => line.words));
vocabulary.derived = deriveVocabulary(loadCatalog().entries, skip);
writeFileSync(VOCABULARY_PATH, JSON.stringify(vocabulary, null, 2) + "\n");
console.log(`data/vocabulary.json: ${vocabulary.derived.length} derived lines, ${vocabulary.curated.length} curated`);
