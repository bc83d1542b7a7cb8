// .env.example is what a new user copies first: it must name every documented variable and start as-is.
import { readFileSync } from "node:fs";
import { parse } from "dotenv";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { readPreviewHost } from "../../src/preview/start.js";
import { readEditors } from "../../src/runbook/editors.js";
import { runbookPath } from "../../src/runbook/path.js";
import { readStateConfig } from "../../src/state/config.js";

const read = (name: string) => readFileSync(new URL(`../../${name}`, import.meta.url), "utf8");

/** Every variable name the app's config readers look up, in each Slack mode and with none. */
function variablesTheConfigReads(): Set<string> {
  const read = new Set<string>();
  for (const slack of [{}, { SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }, { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }]) {
    const env = new Proxy({ ...slack } as Record<string, string | undefined>, {
      get: (target, name) => {
        // Lower-case proxy variables (curl's http_proxy) are read as aliases of the upper-case ones listed.
        if (typeof name === "string") read.add(name.toUpperCase());
        return target[name as string];
      },
    });
    loadConfig(env);
    readStateConfig(env);
    readPreviewHost(env);
    readEditors(env);
    runbookPath(env, "/nonexistent");
  }
  return read;
}

/** Variable names in the first column of README's "## Configuration" table. */
function documentedVariables(): string[] {
  const section = read("README.md").split("\n## Configuration")[1]!.split("\n## ")[0]!;
  return [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]!);
}

describe(".env.example", () => {
  const example = parse(read(".env.example"));

  it("names every variable the README documents (except the file's own location)", () => {
    const documented = documentedVariables();
    expect(documented.length).toBeGreaterThan(10);
    const missing = documented.filter((name) => name !== "DOTENV_CONFIG_PATH" && !(name in example));
    expect(missing).toEqual([]);
  });

  it("names every variable the config reads", () => {
    const read = [...variablesTheConfigReads()];
    expect(read.length).toBeGreaterThan(20);
    expect(read.filter((name) => !(name in example))).toEqual([]);
  });

  it("is valid as it stands: copied to .env unchanged, it selects the local preview", () => {
    const config = loadConfig(example);
    expect(config.mode).toBe("none");
    expect(config.port).toBe(3000);
    expect(readPreviewHost(example)).toBe("127.0.0.1");
    expect(readStateConfig(example).redisUrl).toBeUndefined();
  });
});
