// RUNBOOK_EDITORS: who may edit team notes from Slack, as user IDs and/or user-group IDs.
import { ConfigError, readVariable, type Env } from "../config.js";

export interface EditorsConfig {
  users: ReadonlySet<string>;
  /** User groups (S…) whose members are editors. */
  groups: ReadonlySet<string>;
}

export const NO_EDITORS: EditorsConfig = { users: new Set(), groups: new Set() };

const USER_ID = /^[UW][A-Z0-9]{2,}$/;
const GROUP_ID = /^S[A-Z0-9]{2,}$/;

export function readEditors(env: Env): EditorsConfig {
  const raw = readVariable(env, "RUNBOOK_EDITORS");
  if (raw === undefined) return NO_EDITORS;
  const ids = raw.split(",").map((id) => id.trim()).filter((id) => id !== "");
  if (ids.some((id) => !USER_ID.test(id) && !GROUP_ID.test(id))) {
    throw new ConfigError(
      "RUNBOOK_EDITORS",
      "must be comma-separated user IDs (U0123ABCD) and/or user-group IDs (S0123ABCD), not names",
    );
  }
  return { users: new Set(ids.filter((id) => USER_ID.test(id))), groups: new Set(ids.filter((id) => GROUP_ID.test(id))) };
}
