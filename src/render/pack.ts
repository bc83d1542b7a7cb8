// Fits a variable number of per-code block groups into one message: groups are added while the
// block count and text budget allow, then one line names what did not fit.
import { context } from "./blocks.js";
import { clipMrkdwn } from "./escape.js";
import { LIMITS, blockTextLength } from "./limits.js";
import type { Block } from "./types.js";

/** Room kept for the "…and N more" line. */
const OVERFLOW_CHARS = 1_000;

export interface PackBudget {
  blocks: number;
  chars: number;
}

export const MESSAGE_BUDGET: PackBudget = { blocks: LIMITS.blocksPerMessage, chars: LIMITS.blockCharsPerMessage };

export interface Packed {
  blocks: Block[];
  /** How many groups made it in; the rest are only named in the overflow line. */
  included: number;
}

export function packGroups(
  head: readonly Block[],
  groups: ReadonlyArray<readonly Block[]>,
  overflowText: (firstLeftOut: number) => string,
  budget: PackBudget = MESSAGE_BUDGET,
): Packed {
  const blocks = [...head];
  let chars = blockTextLength(blocks);
  let included = 0;
  for (const group of groups) {
    const isLast = included === groups.length - 1;
    const reserveBlocks = isLast ? 0 : 1;
    const reserveChars = isLast ? 0 : OVERFLOW_CHARS;
    const groupChars = blockTextLength(group);
    if (blocks.length + group.length + reserveBlocks > budget.blocks) break;
    if (chars + groupChars + reserveChars > budget.chars) break;
    blocks.push(...group);
    chars += groupChars;
    included += 1;
  }
  if (included < groups.length) blocks.push(context(clipMrkdwn(overflowText(included), OVERFLOW_CHARS)));
  return { blocks, included };
}
