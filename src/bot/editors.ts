// Whether a Slack user may edit team notes: named in RUNBOOK_EDITORS, or a member of a group named there.
import type { EditorsConfig } from "../runbook/editors.js";

export interface Editors {
  /** False on any doubt (a group lookup that failed): refusing an editor is safer than letting anyone edit. */
  isEditor(userId: string): Promise<boolean>;
  /**
   * How the surface reads a user group's members (Slack: usergroups.users.list). Until it is given,
   * as in the local preview, only user ids count.
   */
  readGroupsWith(membersOf: GroupMembers, warn: (line: string) => void): void;
}

/** Group members as the surface can read them (Slack: usergroups.users.list). */
export type GroupMembers = (groupId: string) => Promise<readonly string[]>;

/** Group membership is read again after this long, so a removal takes effect within minutes. */
export const GROUP_CACHE_MS = 5 * 60 * 1000;
/**
 * A lookup answered in Slack's acknowledgement has 3 seconds: a group read slower than this counts as
 * "not an editor" for now (the read goes on and fills the cache for the next time).
 */
export const GROUP_READ_WAIT_MS = 1_000;

export function createEditors(config: EditorsConfig, now: () => number = Date.now): Editors {
  let membersOf: GroupMembers | undefined;
  let warn: (line: string) => void = () => undefined;
  const cache = new Map<string, { members: ReadonlySet<string>; readAtMs: number }>();
  const warned = new Set<string>();
  function warnOnce(group: string, error: unknown): void {
    const reason = String((error as { data?: { error?: unknown } }).data?.error ?? (error as Error).message);
    // A missing scope is the app's, not the group's: one warning covers every group.
    const key = reason === "missing_scope" ? reason : `${group} ${reason}`;
    if (warned.has(key)) return;
    warned.add(key);
    warn(
      reason === "missing_scope"
        ? `RUNBOOK_EDITORS names user group ${group}, but the app lacks the usergroups:read scope (Slack: missing_scope), so group members are treated as non-editors. Add usergroups:read to the app (\`zpa-code manifest\` prints it) and reinstall.`
        : `RUNBOOK_EDITORS: cannot read the members of ${group} (${reason}); members not read before count as non-editors`,
    );
  }
  async function members(group: string): Promise<ReadonlySet<string>> {
    const cached = cache.get(group);
    if (cached && now() - cached.readAtMs < GROUP_CACHE_MS) return cached.members;
    if (!membersOf) return new Set();
    const reading = membersOf(group).then(
      (members) => {
        const read = new Set(members);
        cache.set(group, { members: read, readAtMs: now() });
        return read;
      },
      (error: unknown) => {
        // The members are refused, never let in; the operator is told once per cause, not once per click.
        warnOnce(group, error);
        return cached?.members ?? new Set<string>();
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const slow = new Promise<ReadonlySet<string>>((resolve) => {
      timer = setTimeout(() => resolve(cached?.members ?? new Set()), GROUP_READ_WAIT_MS);
    });
    try {
      return await Promise.race([reading, slow]);
    } finally {
      clearTimeout(timer);
    }
  }
  return {
    async isEditor(userId) {
      if (config.users.has(userId)) return true;
      for (const group of config.groups) if ((await members(group)).has(userId)) return true;
      return false;
    },
    readGroupsWith(read, log) {
      membersOf = read;
      warn = log;
    },
  };
}
