// fuse.js and MiniSearch, required on first use rather than imported: only a typo or a words query needs
// them, and a lookup of a code (the CLI's usual start) should not pay to load them.
import { createRequire } from "node:module";
import type FuseClass from "fuse.js";
import type MiniSearchClass from "minisearch";

const requireLibrary = createRequire(import.meta.url);

export const loadFuse = (): typeof FuseClass => requireLibrary("fuse.js") as typeof FuseClass;
export const loadMiniSearch = (): typeof MiniSearchClass => requireLibrary("minisearch") as typeof MiniSearchClass;
