// zpa-code runbook check|export: validate the team's runbook file, or print it merged with Slack edits.
import { ConfigError, EXIT_CONFIG, type Env } from "../config.js";
import { exportRunbook } from "../runbook/export.js";
import { readRunbookOnce, type RunbookPlace } from "../runbook/open.js";
import type { Runbook } from "../runbook/schema.js";
import type { Search } from "../search/types.js";
import { readStateConfig } from "../state/config.js";
import { openStateStore } from "../state/open.js";
import { StateUnavailableError, type EditedNote } from "../state/store.js";
import { EXIT_NO_MATCH, EXIT_OK, UsageError, writeLine, type CliIo } from "./io.js";

const NO_SHARED_STORE =
  "REDIS_URL is not set, so notes edited in Slack (kept in the bot process's own memory) cannot be read; printing the file's notes only.";

async function editedNotes(io: CliIo, env: Env): Promise<Map<string, EditedNote> | null> {
  const config = readStateConfig(env);
  if (config.redisUrl === undefined) {
    writeLine(io.stderr, `zpa-code runbook: ${NO_SHARED_STORE}`);
    return new Map();
  }
  try {
    const store = await openStateStore(config);
    try {
      return await store.editedNotes();
    } finally {
      await store.close();
    }
  } catch (error) {
    if (!(error instanceof StateUnavailableError)) throw error;
    writeLine(io.stderr, `zpa-code runbook: ${error.message}`);
    return null;
  }
}

export async function runbookCommand(
  io: CliIo,
  action: string | undefined,
  search: Pick<Search, "byCode">,
  place: RunbookPlace,
): Promise<number> {
  if (action !== "check" && action !== "export") throw new UsageError('give "check" or "export"');
  let runbook: Runbook;
  try {
    runbook = readRunbookOnce(search, place);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    writeLine(io.stderr, `zpa-code runbook: Configuration error: ${error.message}`);
    return EXIT_CONFIG;
  }
  if (action === "check") {
    writeLine(io.stdout, runbook.file ? `${runbook.file}: ${runbook.notes.length} notes, valid` : "No runbook file (RUNBOOK_FILE unset and no runbook.yml here).");
    return EXIT_OK;
  }
  const edited = await editedNotes(io, place.env);
  if (edited === null) return EXIT_NO_MATCH;
  io.stdout.write(exportRunbook(runbook, edited));
  return EXIT_OK;
}
