// Examples for the help card, checked against the live catalog so help never suggests a dead query.
import type { Search } from "../search/types.js";
import type { UsageExample } from "../render/usage.js";

const CANDIDATES: readonly UsageExample[] = [
  { query: "brk_mt_setup_timeout", what: "a code, any case" },
  { query: "OPEN_SERVER_CONN", what: "a unique part of a code" },
  { query: "saml fingerprint", what: "a few words" },
  { query: "SE: Connection request timed out", what: "a title as the portal shows it" },
  { query: "<paste a log line>", what: "every code in it" },
];

export function usageExamples(search: Search): UsageExample[] {
  return CANDIDATES.filter((example) => example.query.startsWith("<") || search.resolve(example.query).match !== null);
}
