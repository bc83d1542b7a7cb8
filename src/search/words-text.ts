// Turns titles, descriptions, codes and free-text queries into comparable terms. Index and query go
// through the same steps, so "timed out" meets TIMEOUT and "broker" meets "Service Edge".

const STOPWORDS = new Set(
  ("a an and are as at be because been being by can could do does due during for from get getting got has have how " +
    "i if in into is it its me my of on or our out ran s should so some than that the their there this to too us " +
    "was we were what when which while why would " +
    "will with you your mean means meaning error code status session please help zpa zscaler").split(" "),
);

/** Abbreviations in codes and in helpdesk speech, spelled out as the page titles do. */
const EXPANSIONS: Record<string, string[]> = {
  ac: ["app", "connector"],
  ast: ["app", "connector"],
  assistant: ["app", "connector"],
  connector: ["connector"],
  brk: ["service", "edge"],
  broker: ["service", "edge"],
  se: ["service", "edge"],
  pse: ["private", "service", "edge"],
  pbrk: ["private", "service", "edge"],
  zcc: ["client", "connector"],
  clt: ["client", "connector"],
  dsp: ["central", "authority"],
  ca: ["ca"],
  exptr: ["browser", "access"],
  ba: ["browser", "access"],
  mt: ["microtunnel"],
  mtunnel: ["microtunnel"],
  err: ["error"],
  errors: ["error"],
  conn: ["connection"],
  fd: ["file", "descriptor"],
  fds: ["file", "descriptor"],
  cfg: ["configuration"],
  config: ["configuration"],
  auth: ["authentication"],
  authn: ["authentication"],
  cert: ["certificate"],
  certs: ["certificate"],
  tbl: ["table"],
  dup: ["duplicate"],
  msg: ["message"],
  recv: ["receive"],
  rx: ["receive"],
  ctrl: ["control"],
  ctx: ["context"],
  mem: ["memory"],
  timeout: ["time"],
  timeouts: ["time"],
  timedout: ["time"],
  timed: ["time"],
  times: ["time"],
  reconn: ["reconnection"],
  jit: ["just", "time"],
  doubleencrypt: ["double", "encrypt"],
  zia: ["internet", "saas"],
  ssl: ["tls"],
  apps: ["application"],
  app: ["application"],
  ports: ["port"],
  missing: ["missing", "absent", "none"],
  // Negation decides between "Deserialization error with callback" and "... with no callback".
  no: ["not"],
  without: ["not"],
  cannot: ["not"],
  dropped: ["dropped", "terminated", "closed"],
  drops: ["dropped", "terminated", "closed"],
};

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

/** Raw words: camelCase split ("DoubleEncrypt" also gives "double", "encrypt"), lower case, letters and digits. */
export function splitWords(text: string): string[] {
  const spaced = text.replace(/([a-z])([A-Z])/g, "$1 $2");
  const words: string[] = [...(spaced.toLowerCase().match(/[a-z0-9]+/g) ?? [])];
  if (spaced !== text) words.push(...(text.toLowerCase().match(/[a-z0-9]+/g) ?? []));
  return words;
}

/** Words repeat across the catalog ("connection", "service"); each is worked out once. */
const termsByWord = new Map<string, readonly string[]>();
const CACHE_LIMIT = 20_000;

/** One raw word to its index terms; none for a stopword. */
export function termsOfWord(word: string): readonly string[] {
  let terms = termsByWord.get(word);
  if (terms) return terms;
  if (word.length < 2 || STOPWORDS.has(word)) terms = [];
  else terms = [...new Set((EXPANSIONS[word] ?? [word]).map(stem))];
  if (termsByWord.size < CACHE_LIMIT) termsByWord.set(word, terms); // queries bring new words: stay bounded
  return terms;
}

export function termsOf(text: string): string[] {
  return splitWords(text).flatMap(termsOfWord);
}

/** A code read as words: BRK_MT_AUTH_SAML_FAILURE -> broker microtunnel authentication saml failure. */
export function codeAsText(code: string): string {
  return code.toLowerCase().split("_").join(" ");
}
