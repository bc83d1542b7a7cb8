// Whether a Slack user may edit team notes: named in RUNBOOK_EDITORS, or a member of a group named there.
import type { EditorsConfig } from "../runbook/editors.js";

export interface Editors {
  /** False on any doubt (a group lookup that failed): refusing an editor is safer than letting anyone edit. */
  isEditor(userId: string): Promise<boolean>;
}

/** Group members as the surface can read them (Slack: usergroups.users.list). */
export type GroupMembers = (groupId: string) => Promise<readonly string[]>;

/** Group membership is read again after this long, so a removal takes effect within minutes. */
export const GROUP_CACHE_MS = 5 * 60 * 1000;

export function createEditors(
  config: EditorsConfig,
  membersOf: GroupMembers | undefined,
  warn: (line: string) => void = () => undefined,
  now: () => number = Date.now,
): Editors {
  const cache = new Map<string, { members: ReadonlySet<string>; readAtMs: number }>();
  async function members(group: string): Promise<ReadonlySet<string>> {
    const cached = cache.get(group);
    if (cached && now() - cached.readAtMs < GROUP_CACHE_MS) return cached.members;
    if (!membersOf) return new Set();
    try {
      const read = new Set(await membersOf(group));
      cache.set(group, { members: read, readAtMs: now() });
      return read;
    } catch (error) {
      // Usually the usergroups:read scope is missing; the members are refused, never let in.
      const reason = (error as { data?: { error?: unknown } }).data?.error ?? (error as Error).message;
      warn(`RUNBOOK_EDITORS: cannot read the members of ${group} (${String(reason)}); add the usergroups:read scope`);
      return cached?.members ?? new Set();
    }
  }
  return {
    async isEditor(userId) {
      if (config.users.has(userId)) return true;
      for (const group of config.groups) if ((await members(group)).has(userId)) return true;
      return false;
    },
  };
}

export async function canEditNotes(core: { editors?: Editors }, userId: string): Promise<boolean> {
  return (await core.editors?.isEditor(userId)) ?? false;
}
