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
  zpa-code manifest [--http URL]                 the Slack app manifest (Socket Mode, or HTTP mode at URL)
  zpa-code completion bash|zsh|fish              a shell completion script
  zpa-code <command> --help                      help for one command
  zpa-code --version                             version, catalog date and code count

Examples:
  zpa-code lookup BRK_MT_SETUP_TIMEOUT
  zpa-code lookup saml assertion too large
  journalctl -u zpa-connector | zpa-code scan

Exit status: 0 found, 1 no match (suggestions printed), 2 usage error, 70 internal error.`,
  lookup: `Usage: zpa-code lookup [--json] <code or words...>
       zpa-code lookup --json --batch < queries.txt

Explains one ZPA status code. Accepts exact codes in any case or separator, codes with typos,
fragments of 4+ characters, page titles, and plain words ("out of source ports").
  --json    print one JSON object instead of text (keys below)
  --batch   with --json: read one query per line on stdin, print one JSON object per line
JSON keys:
  query         the query as given
  match         the code's Entry, or null when nothing is confident
  alternatives  other likely codes (Entry objects), best first; the suggestions when match is null
  how           how it matched: code, alias, title, fragment, typo, reordered, words, or none
  confidence    how sure match is: certain, likely or possible; null when match is null
  runbook       the team notes for match from RUNBOOK_FILE, most specific first: {appliesTo, text,
                links, owner?, from}; empty without a match or a runbook
Entry keys: code, aliases, title, altTitles, component, componentName, category, severity, actionBy,
  derivation, description, remediation, remediationSource, extraMeanings, sharesTitleWith, lss, links, sources
Exit status: 0 match, 1 no match (suggestions printed), 2 usage error.`,
  scan: `Usage: zpa-code scan [--json] [FILE]

Lists the ZPA status codes literally present in FILE (or stdin): chat text, LSS JSON lines,
syslog or App Connector journal lines. A PNG, JPEG, GIF or WebP screenshot (told by its bytes) is read
with OCR, offline; codes read with a slip too many to be sure are printed as "looks like:".
OCR=off turns image reading off; OCR_MAX_BYTES (10 MB) bounds the image. Without FILE it reads stdin
until end of input (Ctrl-D).
  --json    print {"codes": [Entry...]} ({"image", "codes", "likely"} for an image)
Exit status: 0 (also when no code is found), 2 usage error.`,
  list: `Usage: zpa-code list [--component AC|CA|CLT|SE|BA] [--category error|info|policy|success] [--json]

Lists the catalog, optionally filtered: one code per line on stdout, the count on stderr.
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
  manifest: `Usage: zpa-code manifest [--http URL]

Prints the Slack app manifest to paste at api.slack.com/apps > Create New App > From a manifest.
Without --http: Socket Mode (the same as manifest.yml). With --http: HTTP mode, every request URL
set to URL/slack/events and Socket Mode off.
  --http URL  the bot's public https:// base URL, e.g. https://bot.example.com
Settings are read from the environment and .env, as npm start reads them: with OCR=off the screenshot
feature and its files:read scope are left out; with a user group (S…) in RUNBOOK_EDITORS the
usergroups:read scope is added, to read the group's members.`,
  completion: `Usage: zpa-code completion bash|zsh|fish

Prints a completion script for commands, options, components, categories and codes. Install it with:
  bash  zpa-code completion bash > ~/.local/share/bash-completion/completions/zpa-code
  zsh   zpa-code completion zsh > "${"$"}{fpath[1]}/_zpa-code"   (or any folder on $fpath; then compinit)
  fish  zpa-code completion fish > ~/.config/fish/completions/zpa-code.fish
Run it again after an upgrade: the codes are written into the script.`,
} as const;

export type Command = Exclude<keyof typeof USAGE, "main">;
