// `zpa-code completion bash|zsh|fish`: completion scripts for commands, options, their values and the catalog's codes.
import type { Catalog } from "../catalog/types.js";
import type { Command } from "./help.js";
import { EXIT_OK, UsageError, type CliIo } from "./io.js";
import { COMMAND_OPTIONS, OPTION_VALUES, POSITIONALS, SHELLS } from "./options.js";

/** One line per command for shells that show descriptions (fish). */
const SUMMARY: Record<Command, string> = {
  lookup: "explain one code",
  scan: "find the codes in pasted text",
  list: "list the catalog",
  stats: "codes the bot saw most, or worst-rated queries",
  runbook: "check or export the team runbook",
  manifest: "print the Slack app manifest",
  completion: "print a shell completion script",
};

const TOP_LEVEL_OPTIONS = ["--help", "--version"];

interface CommandSpec {
  name: Command;
  /** --flag for every option, --help last. */
  flags: string[];
  /** Options that take a value, with its fixed choices ([] = free text). */
  valued: Array<{ name: string; choices: readonly string[] }>;
  positionals: (typeof POSITIONALS)[Command];
}

function specs(): CommandSpec[] {
  return (Object.keys(COMMAND_OPTIONS) as Command[]).map((name) => {
    const options = Object.entries(COMMAND_OPTIONS[name]) as Array<[string, { type: string }]>;
    return {
      name,
      flags: [...options.map(([option]) => `--${option}`), "--help"],
      valued: options.filter(([, o]) => o.type === "string").map(([option]) => ({ name: option, choices: OPTION_VALUES[option] ?? [] })),
      positionals: POSITIONALS[name],
    };
  });
}

function allValued(commands: CommandSpec[]): Array<{ name: string; choices: readonly string[] }> {
  const seen = new Map<string, readonly string[]>();
  for (const spec of commands) for (const option of spec.valued) seen.set(option.name, option.choices);
  return [...seen].map(([name, choices]) => ({ name, choices }));
}

function bash(commands: CommandSpec[], codes: string[]): string {
  const words = (items: readonly string[]) => items.join(" ");
  const valueCases = allValued(commands).map(({ name, choices }) =>
    choices.length === 0
      ? `    --${name}) return ;;`
      : `    --${name}) COMPREPLY=($(compgen -W "${words(choices)}" -- "${name === "component" ? "$upper" : "$cur"}")); return ;;`,
  );
  const positional: Record<CommandSpec["positionals"], string> = {
    codes: 'COMPREPLY=($(compgen -W "$_zpa_code_codes" -- "$upper"))',
    files: 'compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))',
    shells: `COMPREPLY=($(compgen -W "${words(SHELLS)}" -- "$cur"))`,
    none: "",
  };
  const commandCases = commands.map(({ name, flags, positionals }) => {
    const options = `COMPREPLY=($(compgen -W "${words(flags)}" -- "$cur"))`;
    return positionals === "none"
      ? `    ${name}) ${options} ;;`
      : `    ${name}) if [[ "$cur" == -* ]]; then ${options}; else ${positional[positionals]}; fi ;;`;
  });
  return [
    "# bash completion for zpa-code (printed by `zpa-code completion bash`)",
    `_zpa_code_codes="${words(codes)}"`,
    "_zpa_code() {",
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" upper',
    // Codes and components are upper case; typed lower case still completes (tr, not ${cur^^}, for bash 3 on macOS).
    "  upper=$(printf '%s' \"$cur\" | tr '[:lower:]' '[:upper:]')",
    "  COMPREPLY=()",
    "  if (( COMP_CWORD == 1 )); then",
    `    COMPREPLY=($(compgen -W "${words([...commands.map((c) => c.name), ...TOP_LEVEL_OPTIONS])}" -- "$cur"))`,
    "    return",
    "  fi",
    '  case "$prev" in',
    ...valueCases,
    "  esac",
    '  case "${COMP_WORDS[1]}" in',
    ...commandCases,
    "  esac",
    "}",
    "complete -F _zpa_code zpa-code",
    "",
  ].join("\n");
}

function zsh(commands: CommandSpec[], codes: string[]): string {
  const valueCases = allValued(commands).map(({ name, choices }) =>
    choices.length === 0 ? `    --${name}) return ;;` : `    --${name}) compadd -M 'm:{a-z}={A-Z}' -- ${choices.join(" ")}; return ;;`,
  );
  const positional: Record<CommandSpec["positionals"], string> = {
    codes: "compadd -M 'm:{a-z}={A-Z}' -- $codes",
    files: "_files",
    shells: `compadd -- ${SHELLS.join(" ")}`,
    none: "",
  };
  const commandCases = commands.map(({ name, flags, positionals }) => {
    const options = `compadd -- ${flags.join(" ")}`;
    return positionals === "none"
      ? `    ${name}) ${options} ;;`
      : `    ${name}) if [[ $PREFIX == -* ]]; then ${options}; else ${positional[positionals]}; fi ;;`;
  });
  return [
    "#compdef zpa-code",
    "# zsh completion for zpa-code (printed by `zpa-code completion zsh`); save it as _zpa-code in a folder on $fpath.",
    "_zpa_code() {",
    "  local -a codes",
    `  codes=(${codes.join(" ")})`,
    "  if (( CURRENT == 2 )); then",
    `    compadd -- ${[...commands.map((c) => c.name), ...TOP_LEVEL_OPTIONS].join(" ")}`,
    "    return",
    "  fi",
    "  case ${words[CURRENT-1]} in",
    ...valueCases,
    "  esac",
    "  case ${words[2]} in",
    ...commandCases,
    "  esac",
    "}",
    // Autoloaded from $fpath the file runs as _zpa-code; sourced (e.g. from .zshrc after compinit) it registers itself.
    'if [[ "${funcstack[1]}" == "_zpa-code" ]]; then _zpa_code "$@"; else compdef _zpa_code zpa-code; fi',
    "",
  ].join("\n");
}

function fish(commands: CommandSpec[], codes: string[]): string {
  const when = (name: string) => `-n "__fish_seen_subcommand_from ${name}"`;
  const lines = [
    "# fish completion for zpa-code (printed by `zpa-code completion fish`)",
    "complete -c zpa-code -f",
    'complete -c zpa-code -n "__fish_use_subcommand" -s h -l help -d "show help"',
    'complete -c zpa-code -n "__fish_use_subcommand" -s V -l version -d "version, catalog date and code count"',
  ];
  for (const { name, flags, valued, positionals } of commands) {
    lines.push(`complete -c zpa-code -n "__fish_use_subcommand" -a ${name} -d "${SUMMARY[name]}"`);
    for (const flag of flags) {
      const option = valued.find((v) => `--${v.name}` === flag);
      const value = option === undefined ? "" : option.choices.length > 0 ? ` -x -a "${option.choices.join(" ")}"` : " -x";
      lines.push(`complete -c zpa-code ${when(name)} -l ${flag.slice(2)}${value}`);
    }
    if (positionals === "codes") lines.push(`complete -c zpa-code ${when(name)} -a "${codes.join(" ")}"`);
    if (positionals === "files") lines.push(`complete -c zpa-code ${when(name)} -F`);
    if (positionals === "shells") lines.push(`complete -c zpa-code ${when(name)} -a "${SHELLS.join(" ")}"`);
  }
  return [...lines, ""].join("\n");
}

const SCRIPTS = { bash, zsh, fish } as const;

export function completionScript(shell: string, catalog: Catalog): string {
  if (!(SHELLS as readonly string[]).includes(shell)) throw new UsageError(`give one shell: ${SHELLS.join(", ")}`);
  return SCRIPTS[shell as (typeof SHELLS)[number]](specs(), catalog.entries.map((entry) => entry.code));
}

export function completionCommand(catalog: () => Catalog, io: CliIo, shells: string[]): number {
  if (shells.length !== 1) throw new UsageError(`give one shell: ${SHELLS.join(", ")}`);
  io.stdout.write(completionScript(shells[0]!, catalog()));
  return EXIT_OK;
}
