// Which ZPA component raised a code: from the title prefix, else from the code prefix.
import type { Component } from "./types.js";

const TITLE_PREFIXES: ReadonlyArray<[RegExp, Component]> = [
  [/^AC:/, "AC"],
  [/^CA:/, "CA"],
  [/^CLT:/, "CLT"],
  [/^SE:/, "SE"],
  [/^(Private Applications?|ZPA) BA:/, "BA"],
];

/**
 * For titles without a component prefix: the code's own prefix names the component that raised it
 * (AST = App Connector, DSP = the CA's dispatcher, CLT = Client Connector, EXPTR = Browser Access
 * exporter). Everything else (BRK_, FOHH_, MT_, ZPN_, C2C_, FQDN_ ...) is raised by a Service Edge;
 * that includes the ZPN_STATUS_* auth-log statuses, which record a user's, App Connector's or Private
 * Service Edge's session as authenticated by a ZPA Service Edge.
 */
const CODE_PREFIXES: ReadonlyArray<[string, Component]> = [
  ["AST_", "AC"],
  ["DSP_", "CA"],
  ["CLT_", "CLT"],
  ["EXPTR_", "BA"],
];

export function componentOf(title: string, code: string): Component {
  const byTitle = TITLE_PREFIXES.find(([prefix]) => prefix.test(title))?.[1];
  if (byTitle !== undefined) return byTitle;
  return CODE_PREFIXES.find(([prefix]) => code.startsWith(prefix))?.[1] ?? "SE";
}
