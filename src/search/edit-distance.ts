// Edit distance with an early stop, used to verify that a fuzzy hit is really a few keystrokes away.
/**
 * Optimal-string-alignment distance (insert, delete, substitute, swap two neighbours), computed only in
 * the band of cells that can stay within `limit` and given up as soon as a whole row exceeds it; returns
 * limit + 1 then. Used to verify fuzzy candidates, so a "typo" hit is at most a few keystrokes away.
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  const over = limit + 1;
  const width = b.length + 1;
  let before = new Array<number>(width).fill(over); // row i-2
  let previous = Array.from({ length: width }, (_, j) => (j <= limit ? j : over)); // row i-1
  let current = new Array<number>(width).fill(over);
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    current.fill(over);
    if (i <= limit) current[0] = i;
    let rowMin = current[0]!;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      current[j] = Math.min(value, over);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return over;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length]!, over);
}
