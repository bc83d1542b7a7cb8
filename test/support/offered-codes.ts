// The codes a card or list offers to go to (Show, Details, View buttons), and how people mistype a code.
import { ACTION } from "../../src/render/action-ids.js";
import type { Block } from "../../src/render/types.js";

/** Buttons that take the reader to a code (Show, Details, View), with the code they carry. */
const NAVIGATION = new Set<string>([ACTION.show, ACTION.details, ACTION.homeView]);

export function offeredCodes(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => {
    const elements = b.type === "actions" ? b.elements : b.type === "section" && b.accessory ? [b.accessory] : [];
    return elements.flatMap((e) => (e.type === "button" && NAVIGATION.has(e.action_id.split(":")[0]!) ? [e.value ?? ""] : []));
  });
}

/** A typo of the code: one letter in the middle dropped, lower-case, as people type it. */
export const typo = (code: string): string => (code.slice(0, 6) + code.slice(7)).toLowerCase();
