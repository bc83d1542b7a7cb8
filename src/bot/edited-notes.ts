// Team notes edited in Slack, kept as the last map read from the store. Card builders are synchronous,
// so each bot flow that may show a card calls editedNotes.refresh() first (as for "Seen this week").
import type { TeamNote } from "../runbook/schema.js";
import { StateUnavailableError, type EditedNote, type StateStore } from "../state/store.js";

export interface EditedNotes {
  current(): ReadonlyMap<string, TeamNote>;
  /** Reads the notes again; a store outage keeps the last map read (a card without the newest edit beats no card). */
  refresh(): Promise<void>;
}

export function toTeamNote(code: string, note: EditedNote): TeamNote {
  return {
    scope: { kind: "codes", codes: [code] },
    text: note.text,
    links: note.links,
    ...(note.owner ? { owner: note.owner } : {}),
    origin: { kind: "slack", editedBy: note.editedBy, editedAtMs: note.editedAtMs },
  };
}

/** Who saved which version when: equal signatures mean nothing changed since the last read. */
function signatureOf(notes: ReadonlyMap<string, EditedNote>): string {
  return [...notes].map(([code, note]) => `${code}\u0000${note.editedBy}\u0000${note.editedAtMs}`).sort().join("\u0001");
}

export function createEditedNotes(store: StateStore): EditedNotes {
  let notes: ReadonlyMap<string, TeamNote> = new Map();
  let signature = "";
  let started = 0;
  let applied = 0;
  return {
    current: () => notes,
    async refresh() {
      const mine = ++started;
      let read: Map<string, EditedNote>;
      try {
        read = await store.editedNotes();
      } catch (error) {
        if (error instanceof StateUnavailableError) return;
        throw error;
      }
      // Reads may finish out of order; an older one never replaces a newer one.
      if (mine > applied) {
        applied = mine;
        // The same map while nothing changed, so caches keyed on it (exact cards) stay valid.
        const next = signatureOf(read);
        if (next !== signature) {
          signature = next;
          notes = new Map([...read].map(([code, note]) => [code, toTeamNote(code, note)]));
        }
      }
    },
  };
}
