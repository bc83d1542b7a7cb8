// The CLI: parses arguments and runs lookup, scan, list, stats, manifest or completion with exit codes.
import { parseArgs } from "node:util";
import { ConfigError, EXIT_CONFIG, type Env } from "../config.js";
import { loadCatalog } from "../catalog/load.js";
import type { Catalog } from "../catalog/types.js";
import { stripControl } from "../render/text.js";
import { EMPTY_RUNBOOK } from "../runbook/notes.js";
import { runbookPath } from "../runbook/path.js";
import { createSearch } from "../search/index.js";
import type { Search } from "../search/types.js";
import { USAGE, type Command } from "./help.js";
import { EXIT_OK, EXIT_USAGE, UsageError, writeLine, type CliIo } from "./io.js";
import { lookup } from "./lookup.js";
import { COMMAND_OPTIONS, HELP_OPTION } from "./options.js";

function isCommand(name: string | undefined): name is Command {
  return Object.hasOwn(COMMAND_OPTIONS, name ?? "");
}

function parse(command: Command, args: string[]) {
  return parseArgs({ args, allowPositionals: true, strict: true, options: { ...HELP_OPTION, ...COMMAND_OPTIONS[command] } });
}

/** A string option's value, whichever command's options `values` came from. */
function stringOption(values: Record<string, unknown>, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

/** Loaded only when a command needs it, so --help and usage errors stay instant. */
function lazyCore(): () => { catalog: Catalog; search: Search } {
  let core: { catalog: Catalog; search: Search } | undefined;
  return () => {
    if (!core) {
      const catalog = loadCatalog();
      core = { catalog, search: createSearch(catalog) };
    }
    return core;
  };
}

/** Where RUNBOOK_FILE and REDIS_URL are read; defaults to this process's environment and directory. */
export interface CliPlace {
  env?: Env;
  cwd?: string;
}

export async function runCli(argv: string[], io: CliIo, where: CliPlace = {}): Promise<number> {
  const place = { env: where.env ?? process.env, cwd: where.cwd ?? process.cwd() };
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    writeLine(name === undefined ? io.stderr : io.stdout, USAGE.main);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === "--version" || name === "-V") {
    const { versionLine } = await import("./version.js");
    writeLine(io.stdout, versionLine(loadCatalog()));
    return EXIT_OK;
  }
  if (!isCommand(name)) {
    writeLine(io.stderr, `zpa-code: unknown command "${stripControl(name.slice(0, 40))}"\n\n${USAGE.main}`);
    return EXIT_USAGE;
  }
  const core = lazyCore();
  try {
    const { values, positionals } = parse(name, rest);
    if ("help" in values && values.help === true) {
      writeLine(io.stdout, USAGE[name]);
      return EXIT_OK;
    }
    const json = "json" in values && values.json === true;
    switch (name) {
      case "lookup":
        return await lookup(core().search, io, {
          json,
          batch: "batch" in values && values.batch === true,
          words: positionals,
          // The YAML parser and the runbook schema load only when there is a runbook file to read.
          runbook: async () =>
            runbookPath(place.env, place.cwd) === undefined
              ? EMPTY_RUNBOOK
              : (await import("../runbook/open.js")).readRunbookOnce(core().search, place),
        });
      case "runbook": {
        if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]!.slice(0, 40)}"`);
        const { runbookCommand } = await import("./runbook.js");
        return await runbookCommand(io, positionals[0], core().search, place);
      }
      // Each command loads only what it needs: `stats` alone brings in the Redis client.
      case "scan": {
        const { scanCommand } = await import("./scan.js");
        return await scanCommand(core().search, io, { json, files: positionals });
      }
      case "list": {
        if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]!.slice(0, 40)}"`);
        const { listCommand } = await import("./list.js");
        return listCommand(core().catalog, io, {
          json,
          component: stringOption(values, "component"),
          category: stringOption(values, "category"),
        });
      }
      case "stats": {
        if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]!.slice(0, 40)}"`);
        const { statsCommand } = await import("./stats.js");
        return await statsCommand(io, {
          json,
          days: stringOption(values, "days"),
          titleOf: (code) => core().search.byCode(code)?.title,
          env: place.env,
          feedback: "feedback" in values && values.feedback === true,
        });
      }
      case "manifest": {
        if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]!.slice(0, 40)}"`);
        const { manifestCommand } = await import("./manifest.js");
        return manifestCommand(io, { http: stringOption(values, "http"), env: place.env, cwd: place.cwd });
      }
      case "completion": {
        const { completionCommand } = await import("./completion.js");
        return completionCommand(loadCatalog, io, positionals);
      }
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      writeLine(io.stderr, `zpa-code ${name}: Configuration error: ${stripControl(error.message)}`);
      return EXIT_CONFIG;
    }
    const usageProblem = error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    if (!usageProblem) throw error;
    // The message can quote an argument (an unknown option, a file name): echo it without control characters.
    writeLine(io.stderr, `zpa-code ${name}: ${stripControl((error as Error).message)}\n\n${USAGE[name]}`);
    return EXIT_USAGE;
  }
}
