// The container image without a Docker engine: the Dockerfile is parsed and held to the house rules,
// and its runtime stage is reproduced in a temporary folder (production dependencies only, the files
// its COPY lines name) to prove the app starts and answers /healthz with nothing from devDependencies.
import { execFile, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeSlackApi, type FakeSlackApi } from "../support/fake-slack-api.js";
import { runNodeOffline } from "../support/offline.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

interface Instruction {
  keyword: string;
  /** Everything after the keyword, continuation lines joined. */
  args: string;
  /** Flags such as --from=build, in order. */
  flags: Record<string, string>;
  /** Words after the flags; for JSON (exec) form, the parsed array. */
  words: string[];
  execForm: boolean;
}

interface Stage {
  image: string;
  name: string | undefined;
  instructions: Instruction[];
}

/** A small Dockerfile reader: comments, line continuations, flags, exec (JSON) and shell forms, stages. */
function parseDockerfile(text: string): Stage[] {
  const logical: string[] = [];
  let pending = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (pending === "" && (line === "" || line.startsWith("#"))) continue;
    if (line.startsWith("#")) continue; // comment lines inside a continued instruction
    if (line.endsWith("\\")) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    logical.push(`${pending}${line}`.trim());
    pending = "";
  }
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keywordRaw = "", rest = ""] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const keyword = keywordRaw.toUpperCase();
    const flags: Record<string, string> = {};
    let remaining = rest;
    for (let flag = /^--([a-z-]+)(?:=(\S*))?\s+/.exec(remaining); flag; flag = /^--([a-z-]+)(?:=(\S*))?\s+/.exec(remaining)) {
      flags[flag[1]!] = flag[2] ?? "";
      remaining = remaining.slice(flag[0].length);
    }
    let words: string[];
    let execForm = false;
    if (remaining.startsWith("[")) {
      words = JSON.parse(remaining) as string[];
      execForm = true;
    } else {
      words = remaining.split(/\s+/).filter((w) => w !== "");
    }
    const instruction: Instruction = { keyword, args: rest, flags, words, execForm };
    if (keyword === "FROM") {
      const asIndex = words.findIndex((w) => w.toUpperCase() === "AS");
      stages.push({ image: words[0] ?? "", name: asIndex >= 0 ? words[asIndex + 1] : undefined, instructions: [instruction] });
    } else {
      const stage = stages.at(-1);
      if (stage === undefined) throw new Error(`Dockerfile: ${keyword} before the first FROM`);
      stage.instructions.push(instruction);
    }
  }
  return stages;
}

const dockerfile = parseDockerfile(readFileSync(join(ROOT, "Dockerfile"), "utf8"));
const buildStage = dockerfile[0]!;
const runtime = dockerfile.at(-1)!;
const all = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword);
const last = (stage: Stage, keyword: string) => all(stage, keyword).at(-1);

/** The stage's WORKDIR (absolute) at the end of the stage. */
function workdirOf(stage: Stage): string {
  return last(stage, "WORKDIR")?.words[0] ?? "/";
}

/** ENV lines of a stage, KEY=value form. */
function envOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const instruction of all(stage, "ENV")) {
    for (const word of instruction.words) {
      const [key, ...value] = word.split("=");
      if (key && value.length > 0) env[key] = value.join("=");
    }
  }
  return env;
}

/** The `npm ...` commands of a RUN line (other commands, like apt-get, need the image). */
function npmCommands(run: Instruction): string[][] {
  return run.args
    .split("&&")
    .map((part) => part.trim().split(/\s+/))
    .filter((words) => words[0] === "npm");
}

// --- .dockerignore: Docker's rules, enough of them for this file: last matching line wins, "!" re-includes,
// a pattern matching a parent folder matches everything inside it.
const ignoreRules = readFileSync(join(ROOT, ".dockerignore"), "utf8")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line !== "" && !line.startsWith("#"))
  .map((line) => {
    const negate = line.startsWith("!");
    const pattern = posix.normalize((negate ? line.slice(1) : line).replace(/^\/+/, ""));
    const source = pattern
      .split("")
      .map((ch) => (ch === "*" ? "[^/]*" : ch === "?" ? "[^/]" : ch.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
      .join("")
      .replace(/\[\^\/\]\*\[\^\/\]\*/g, ".*");
    return { negate, regex: new RegExp(`^${source}$`) };
  });

function ignoredByDocker(path: string): boolean {
  const parts = path.split("/");
  let ignored = false;
  for (const rule of ignoreRules) {
    const matches = parts.some((_, i) => rule.regex.test(parts.slice(0, i + 1).join("/")));
    if (matches) ignored = !rule.negate;
  }
  return ignored;
}

/** Context files a COPY source names (with * globs in the last part), relative to the repo root. */
function contextFiles(source: string): string[] {
  const clean = posix.normalize(source.replace(/^\.\//, ""));
  if (!clean.includes("*")) return [clean];
  const dir = posix.dirname(clean);
  const pattern = new RegExp(`^${posix.basename(clean).replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
  return readdirSync(join(ROOT, dir))
    .filter((name) => pattern.test(name))
    .map((name) => (dir === "." ? name : `${dir}/${name}`));
}

describe("Dockerfile", () => {
  it("builds in one stage with the dev dependencies and runs from another, on the same Node LTS major", () => {
    expect(dockerfile.length).toBeGreaterThanOrEqual(2);
    const majors = dockerfile.map((stage) => /^node:(\d+)-slim$/.exec(stage.image)?.[1]);
    expect(majors.every((m) => m !== undefined && m === majors[0])).toBe(true);
    // Even majors are the LTS lines; it must also satisfy package.json's engines range.
    const major = Number(majors[0]);
    const engines = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).engines.node as string;
    expect(major % 2).toBe(0);
    expect(major).toBeGreaterThanOrEqual(Number(/\d+/.exec(engines)![0]));

    const buildRuns = all(buildStage, "RUN").map((run) => run.args);
    expect(buildRuns.some((run) => /\bnpm ci\b/.test(run) && !run.includes("--omit=dev"))).toBe(true);
    expect(buildRuns.some((run) => /\bnpm run build\b/.test(run))).toBe(true);
  });

  it("installs only production dependencies, without lifecycle scripts, in the runtime stage", () => {
    const installs = all(runtime, "RUN").flatMap(npmCommands).filter((words) => words[1] === "ci");
    expect(installs).toHaveLength(1);
    expect(installs[0]).toEqual(expect.arrayContaining(["--omit=dev", "--ignore-scripts"]));
    expect(envOf(runtime).NODE_ENV).toBe("production");
  });

  it("copies only the manifests, the built dist/, the catalog and the search vocabulary into the runtime stage", () => {
    const copies = all(runtime, "COPY");
    const fromContext = copies.filter((c) => c.flags.from === undefined).flatMap((c) => c.words.slice(0, -1).flatMap(contextFiles));
    expect(fromContext.sort()).toEqual(["data/catalog.json", "data/vocabulary.json", "package-lock.json", "package.json"]);
    const fromBuild = copies.filter((c) => c.flags.from !== undefined);
    expect(fromBuild.map((c) => c.flags.from)).toEqual(fromBuild.map(() => buildStage.name));
    expect(fromBuild.flatMap((c) => c.words.slice(0, -1)).map((src) => posix.relative(workdirOf(buildStage), src))).toEqual(["dist"]);
    expect(all(runtime, "ADD")).toEqual([]);
  });

  it("runs node directly as the unprivileged node user under tini, on port 3000, with a node-based health check", () => {
    const instructions = runtime.instructions.map((i) => i.keyword);
    expect(last(runtime, "USER")?.words).toEqual(["node"]);
    expect(instructions.lastIndexOf("USER")).toBeGreaterThan(instructions.lastIndexOf("RUN"));
    expect(last(runtime, "ENTRYPOINT")).toMatchObject({ execForm: true, words: ["/usr/bin/tini", "--"] });
    expect(all(runtime, "RUN").some((run) => /apt-get install[^&]*\btini\b/.test(run.args))).toBe(true);
    // The same node flags as npm start, so the memory bench (which runs npm start's) measures the image too.
    const start = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;
    expect(last(runtime, "CMD")).toMatchObject({ execForm: true, words: start.split(" ") });
    expect(start).toMatch(/^node( --[a-z-]+=\d+)* dist\/main\.js$/);
    expect(last(runtime, "EXPOSE")?.words).toEqual(["3000"]);

    const healthcheck = last(runtime, "HEALTHCHECK")!;
    expect(healthcheck.words[0]).toBe("CMD");
    const probe = JSON.parse(healthcheck.args.slice(healthcheck.args.indexOf("["))) as string[];
    expect(probe[0]).toBe("node");
    expect(probe.join(" ")).toContain("/healthz");
    expect(probe.join(" ")).toContain("process.env.PORT");
  });

  it("keeps dependencies, build output, tests, git and secrets out of the build context, but not what it copies", () => {
    for (const path of ["node_modules/zod/package.json", "dist/main.js", "test/e2e/docker.test.ts", ".git/HEAD", ".env", ".env.local"]) {
      expect(ignoredByDocker(path), path).toBe(true);
    }
    const copied = dockerfile
      .flatMap((stage) => all(stage, "COPY").filter((c) => c.flags.from === undefined))
      .flatMap((c) => c.words.slice(0, -1).flatMap(contextFiles));
    expect(copied.length).toBeGreaterThan(0);
    for (const path of copied) {
      expect(existsSync(join(ROOT, path)), `${path} exists`).toBe(true);
      expect(ignoredByDocker(path), `${path} is in the context`).toBe(false);
      if (statSync(join(ROOT, path)).isDirectory()) {
        for (const file of readdirSync(join(ROOT, path), { recursive: true }) as string[]) {
          expect(ignoredByDocker(`${path}/${file}`), `${path}/${file}`).toBe(false);
        }
      }
    }
  });
});

// This part installs packages from the npm registry (or the local npm cache): allow it time, but bounded.
const NPM_CI_TIMEOUT_MS = 180_000;

describe("runtime stage reproduced in a temporary folder (npm ci from the registry: slow)", () => {
  let dir: string;
  let api: FakeSlackApi;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "zpa-runtime-"));
  });
  afterAll(async () => {
    await api?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(
    "starts with production dependencies only: /healthz in HTTP mode, and the local preview without Slack variables",
    async () => {
      expect(existsSync(join(ROOT, "dist/main.js")), "dist/main.js (built by test/support/global-setup.ts)").toBe(true);
      const workdir = workdirOf(runtime);
      const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...envOf(runtime) };

      // Replay the runtime stage in order: its COPY lines, and the npm commands of its RUN lines.
      for (const instruction of runtime.instructions) {
        if (instruction.keyword === "COPY") {
          const [destRaw] = instruction.words.slice(-1);
          const dest = join(dir, posix.relative(workdir, posix.resolve(workdir, destRaw!)));
          const fromStage = instruction.flags.from;
          const sources = instruction.words.slice(0, -1).flatMap((src) =>
            // Files from the build stage are what `npm run build` left in its WORKDIR: our dist/.
            fromStage === undefined ? contextFiles(src) : [posix.relative(workdirOf(dockerfile.find((s) => s.name === fromStage)!), src)],
          );
          for (const source of sources) {
            const target = destRaw!.endsWith("/") ? join(dest, posix.basename(source)) : dest;
            cpSync(join(ROOT, source), target, { recursive: true });
          }
        } else if (instruction.keyword === "RUN") {
          for (const [npm, ...args] of npmCommands(instruction)) {
            if (args[0] !== "ci") continue; // cache cleaning would empty the developer's own npm cache
            await promisify(execFile)(npm!, args, { cwd: dir, env, timeout: NPM_CI_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 });
          }
        }
      }
      expect(existsSync(join(dir, "node_modules/typescript")), "no dev dependency installed").toBe(false);
      expect(existsSync(join(dir, "node_modules/@slack/bolt")), "production dependencies installed").toBe(true);

      api = await startFakeSlackApi();
      const catalog = JSON.parse(readFileSync(join(dir, "data/catalog.json"), "utf8")) as { entries: unknown[] };
      const http = await runCmd(dir, {
        ...env,
        SLACK_BOT_TOKEN: "xoxb-test",
        SLACK_SIGNING_SECRET: "test-secret",
        SLACK_API_URL: api.apiUrl,
        DOTENV_CONFIG_PATH: join(dir, "no.env"),
      });
      expect(http.health, `no /healthz answer; output:\n${http.output}`).toBeDefined();
      expect(http.health!.status).toBe(200);
      expect(http.health!.body).toMatchObject({ status: "ok", mode: "http", catalogEntries: catalog.entries.length });
      expect(http.output).not.toContain("test-secret");

      // Without Slack variables the image (NODE_ENV=production) refuses to start rather than pass its health check
      // with the preview; with NODE_ENV=development it serves the local preview (PREVIEW_HOST=0.0.0.0 in a real
      // container; loopback here, as every test on this machine).
      const missing = await runCmd(dir, { ...env, DOTENV_CONFIG_PATH: join(dir, "no.env") });
      expect(missing.health).toBeUndefined();
      expect(missing.exitCode).toBe(78);
      expect(missing.output).toMatch(/^Configuration error: SLACK_BOT_TOKEN is missing/);
      const preview = await runCmd(dir, { ...env, NODE_ENV: "development", PREVIEW_HOST: "127.0.0.1", DOTENV_CONFIG_PATH: join(dir, "no.env") });
      expect(preview.health, `no /healthz answer; output:\n${preview.output}`).toBeDefined();
      expect(preview.health!.body).toMatchObject({ status: "ok", mode: "preview" });
      expect(preview.page).toBe(200);
      expect(preview.exitCode).toBe(0);

      // OCR from the image's own files: tesseract.js and the English model are production dependencies,
      // and a screenshot is read with the network cut.
      const screenshot = join(ROOT, "test/fixtures/ocr/terminal-journal.png");
      const ocr = await runNodeOffline(["dist/cli/main.js", "scan", "--json", screenshot], { cwd: dir, env });
      expect(ocr.code, ocr.stderr).toBe(0);
      expect((JSON.parse(ocr.stdout) as { codes: { code: string }[] }).codes.map((e) => e.code)).toEqual([
        "FOHH_CLOSE_REASON_SOCKET_ERR",
        "FOHH_CLOSE_REASON_REDIRECT",
      ]);
    },
    NPM_CI_TIMEOUT_MS + 180_000,
  );
});

/** Runs the runtime stage's CMD in `dir` on a free loopback port, reads /healthz and the page, then stops it with SIGTERM. */
async function runCmd(
  dir: string,
  env: Record<string, string>,
): Promise<{ health: { status: number; body: unknown } | undefined; page: number | undefined; output: string; exitCode: number | null }> {
  const port = await freePort();
  const cmd = last(runtime, "CMD")!.words;
  const command = cmd[0] === "node" ? process.execPath : cmd[0]!;
  const child = spawn(command, cmd.slice(1), { cwd: dir, env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk));
  let exited = false;
  const exit = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      exited = true;
      resolve(code);
    }),
  );
  try {
    const health = await pollHealth(`http://127.0.0.1:${port}/healthz`, () => exited);
    const page = health ? (await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(5_000) })).status : undefined;
    await stop(child);
    return { health, page, output, exitCode: await exit };
  } finally {
    await stop(child);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Asks until the process answers or exits; the test's timeout catches a hang, so a slow start only takes longer. */
async function pollHealth(url: string, gaveUp: () => boolean): Promise<{ status: number; body: unknown } | undefined> {
  while (!gaveUp()) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return { status: response.status, body: await response.json() };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return undefined;
}

/** SIGTERM, then SIGKILL if the process is still there after 10 s. */
async function stop(child: ReturnType<typeof spawn>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
