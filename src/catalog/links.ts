// Help-page links of an entry: the "To learn more, see <Title>." sentences, resolved to help.zscaler.com paths.
import type { Link } from "./types.js";
import { slugWords } from "./text.js";

export const HELP_SITE = "https://help.zscaler.com";

/** Page titles named by "To learn more, see <Title>." in the text, in order. */
export function seeAlsoTitles(text: string): string[] {
  return [...text.matchAll(/To learn more, see ([^.]+?)\.(?=\s|[A-Z]|$)/g)].map((match) => match[1]!.trim());
}

/**
 * Finds the help-page path for a page title among the bare paths of the source pages: the path whose
 * slug words best overlap the title's words. /unified/ paths come first in `paths`, so they win ties.
 */
export function pathForTitle(title: string, paths: readonly string[]): string | undefined {
  const titleWords = new Set(slugWords(title));
  let best: { path: string; score: number } | undefined;
  for (const path of paths) {
    const pathWords = new Set(slugWords(path.split("/").pop() ?? ""));
    const shared = [...pathWords].filter((word) => titleWords.has(word)).length;
    const score = shared / new Set([...pathWords, ...titleWords]).size;
    if (score > (best?.score ?? 0)) best = { path, score };
  }
  // Two thirds of the words in common: enough for "Monitoring App Connector Performance", not for a neighbour.
  return best !== undefined && best.score >= 2 / 3 ? best.path : undefined;
}

/** A link for every "To learn more, see <Title>." sentence; throws if a title has no path, so none is lost. */
export function seeAlsoLinks(text: string, paths: readonly string[], where: string): Link[] {
  return seeAlsoTitles(text).map((title) => {
    const path = pathForTitle(title, paths);
    if (path === undefined) throw new Error(`${where}: no help-page path found for "To learn more, see ${title}"`);
    return { title, url: HELP_SITE + path };
  });
}
