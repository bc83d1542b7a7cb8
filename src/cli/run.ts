// The CLI: parses arguments and runs lookup, scan, list or stats with exit codes.
import { parseArgs } from "node:util";
import { ConfigError, EXIT_CONFIG, type Env } from "../config.js";
import { loadCatalog } from "../catalog/load.js";
import type { Catalog } from "../catalog/types.js";
import { stripControl } from "../render/text.js";
import { createSearch } from "../search/index.js";
import type { Search } from "../search/types.js";
import { USAGE, type Command } from "./help.js";
import { EXIT_OK, EXIT_USAGE, UsageError, writeLine, type CliIo } from "./io.js";
import { lookup } from "./lookup.js";

const COMMANDS = ["lookup", "scan", "list", "stats", "runbook"] as const satisfies readonly Command[];

function isCommand(name: string | undefined): name is Command {
  return (COMMANDS as readonly string[]).includes(name ?? "");
}

function parse(command: Command, args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: "boolean", short: "h" },
      json: { type: "boolean" },
      ...(command === "lookup" ? { batch: { type: "boolean" } } : {}),
      ...(command === "list" ? { component: { type: "string" }, category: { type: "string" } } : {}),
      ...(command === "stats" ? { days: { type: "string" }, feedback: { type: "boolean" } } : {}),
    },
  });
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
  if (!isCommand(name)) {
    writeLine(io.stderr, `zpa-code: unknown command "${stripControl(name.slice(0, 40))}"\n\n${USAGE.main}`);
    return EXIT_USAGE;
  }
  const core = lazyCore();
  try {
    const { values, positionals } = parse(name, rest);
    if (values.help) {
      writeLine(io.stdout, USAGE[name]);
      return EXIT_OK;
    }
    const json = values.json === true;
    switch (name) {
      case "lookup":
        return await lookup(core().search, io, {
          json,
          batch: "batch" in values && values.batch === true,
          words: positionals,
          // Loaded only when a lookup prints a card: the YAML parser is not needed before.
          runbook: async () => (await import("../runbook/open.js")).readRunbookOnce(core().search, place),
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
          component: "component" in values ? (values.component as string | undefined) : undefined,
          category: "category" in values ? (values.category as string | undefined) : undefined,
        });
      }
      case "stats": {
        if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]!.slice(0, 40)}"`);
        const { statsCommand } = await import("./stats.js");
        return await statsCommand(io, {
          json,
          days: "days" in values ? (values.days as string | undefined) : undefined,
          titleOf: (code) => core().search.byCode(code)?.title,
          env: place.env,
          feedback: "feedback" in values && values.feedback === true,
        });
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
