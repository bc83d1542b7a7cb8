// Fits a variable number of per-code block groups into one message: groups are added while the
// block count and text budget allow, then one line names what did not fit.
import { context } from "./blocks.js";
import { clipMrkdwn } from "./escape.js";
import { LIMITS, blockTextLength } from "./limits.js";
import type { Block } from "./types.js";

/** Room kept for the "…and N more" line. */
const OVERFLOW_CHARS = 1_000;

/** `head`, then as many whole groups as fit, then `overflowText(first group left out)` if any were left out. */
export function packGroups(
  head: readonly Block[],
  groups: ReadonlyArray<readonly Block[]>,
  overflowText: (firstLeftOut: number) => string,
): Block[] {
  const blocks = [...head];
  let chars = blockTextLength(blocks);
  let included = 0;
  for (const group of groups) {
    const isLast = included === groups.length - 1;
    const reserveBlocks = isLast ? 0 : 1;
    const reserveChars = isLast ? 0 : OVERFLOW_CHARS;
    const groupChars = blockTextLength(group);
    if (blocks.length + group.length + reserveBlocks > LIMITS.blocksPerMessage) break;
    if (chars + groupChars + reserveChars > LIMITS.blockCharsPerMessage) break;
    blocks.push(...group);
    chars += groupChars;
    included += 1;
  }
  if (included < groups.length) blocks.push(context(clipMrkdwn(overflowText(included), OVERFLOW_CHARS)));
  return blocks;
}
