// Reads stored team notes and feedback back, dropping any record that no longer has the expected shape.
import { z } from "zod";
import type { EditedNote, Feedback } from "./store.js";

const EditedNoteSchema = z.object({
  text: z.string(),
  links: z.array(z.object({ title: z.string(), url: z.string() })),
  owner: z.string().optional(),
  editedBy: z.string(),
  editedAtMs: z.number(),
});

const FeedbackSchema = z.object({
  query: z.string(),
  code: z.string(),
  vote: z.enum(["up", "down"]),
  alternatives: z.array(z.string()),
  userHash: z.string(),
  timeMs: z.number(),
});

function parseWith<T>(schema: z.ZodType<T>, json: string): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function parseEditedNote(json: string): EditedNote | null {
  const note = parseWith(EditedNoteSchema, json);
  if (!note) return null;
  const { owner, ...rest } = note;
  return owner === undefined ? rest : { ...rest, owner };
}

export function parseFeedback(json: string): Feedback | null {
  return parseWith(FeedbackSchema, json);
}
