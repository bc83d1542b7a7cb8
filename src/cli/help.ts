// Usage texts of the CLI, one per command.
/** Usage texts, one per command, shown by --help and after usage errors. */
export const USAGE = {
  main: `zpa-code: explain Zscaler Private Access (ZPA) session status codes

Usage:
  zpa-code lookup [--json] <code or words...>   explain one code (typos, fragments, titles, plain words)
  zpa-code lookup --json --batch                 one query per stdin line, one JSON object per line
  zpa-code scan [--json] [FILE]                  find the codes in pasted text or a screenshot (stdin without FILE)
  zpa-code list [--component AC|CA|CLT|SE|BA] [--category error|info|policy|success] [--json]
  zpa-code stats [--json] [--days N] [--feedback] codes the bot saw most, or worst-rated queries (reads REDIS_URL)
  zpa-code runbook check|export                  validate RUNBOOK_FILE, or print it merged with Slack edits
  zpa-code <command> --help                      help for one command

Examples:
  zpa-code lookup BRK_MT_SETUP_TIMEOUT
  zpa-code lookup saml assertion too large
  journalctl -u zpa-connector | zpa-code scan

Exit status: 0 found, 1 no match (suggestions printed), 2 usage error, 70 internal error.`,
  lookup: `Usage: zpa-code lookup [--json] <code or words...>
       zpa-code lookup --json --batch < queries.txt

Explains one ZPA status code. Accepts exact codes in any case or separator, codes with typos,
fragments of 4+ characters, page titles, and plain words ("out of source ports").
  --json    print {"query", "match", "alternatives", "how", "confidence", "runbook"} instead of text
            ("runbook": the team notes for the match from RUNBOOK_FILE, most specific first)
  --batch   with --json: read one query per line on stdin, print one JSON object per line
Exit status: 0 match, 1 no match (suggestions printed), 2 usage error.`,
  scan: `Usage: zpa-code scan [--json] [FILE]

Lists the ZPA status codes literally present in FILE (or stdin): chat text, LSS JSON lines,
syslog or App Connector journal lines. A PNG, JPEG, GIF or WebP screenshot (told by its bytes) is read
with OCR, offline; codes read with a slip too many to be sure are printed as "looks like:".
OCR=off turns image reading off; OCR_MAX_BYTES (10 MB) bounds the image.
  --json    print {"codes": [Entry...]} ({"image", "codes", "likely"} for an image)
Exit status: 0 (also when no code is found), 2 usage error.`,
  list: `Usage: zpa-code list [--component AC|CA|CLT|SE|BA] [--category error|info|policy|success] [--json]

Lists the catalog, optionally filtered.
  --json    print {"codes": [Entry...]}`,
  stats: `Usage: zpa-code stats [--json] [--days N] [--feedback]

Lists the 10 codes the bot saw most in its channels over the last N days (default 7), with sightings
and distinct people. Reads the bot's shared store at REDIS_URL (and REDIS_KEY_PREFIX); without
REDIS_URL there is nothing to read, because each bot process then keeps its own in-process store.
  --json    print {"store", "where", "days", "codes": [{"code", "title", "count", "people"}]}
  --days N  1 to 365
  --feedback  list the queries most often answered "Right code? 👎" instead, with the code shown and
            the alternatives offered ({"queries": [{"query", "up", "down", "codes", "alternatives"}]})
Exit status: 0 listed (also when empty), 1 no shared store or Redis unreachable, 2 usage or config error.`,
  runbook: `Usage: zpa-code runbook check|export

  check     validate RUNBOOK_FILE (default ./runbook.yml): the error names the entry and the field
  export    print the runbook as YAML: the file's notes with the notes edited in Slack merged in
            (those are read from REDIS_URL; without it, the file's notes only)
Exit status: 0 done, 1 Redis unreachable, 2 usage error, 78 invalid runbook file.`,
} as const;

export type Command = Exclude<keyof typeof USAGE, "main">;
