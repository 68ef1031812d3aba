/**
 * The package as users get it: `npm pack`, installed into a scratch project (no
 * exceljs: it is an optional peer), then loaded with `require` and `import`, run as a
 * command, and type-checked as a consumer would in five module settings with
 * `skipLibCheck: false`. arethetypeswrong and publint check the tarball.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LspClient } from "../lsp/client.js";

const root = join(import.meta.dirname, "../..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const tsc = join(root, "node_modules/typescript/bin/tsc");
let work = "";
let project = "";
let tarball = "";

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "rubric-pack-"));
  execFileSync(npm, ["pack", "--silent", "--pack-destination", work], { cwd: root, stdio: "pipe" });
  tarball = join(work, readdirSync(work).find((f) => f.endsWith(".tgz"))!);
  project = join(work, "project");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "scratch", version: "1.0.0", private: true }));
  execFileSync(npm, ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts", tarball], { cwd: project, stdio: "pipe" });
}, 180_000);

afterAll(() => {
  if (work !== "") rmSync(work, { recursive: true, force: true });
});

const source = 'rubric \\"R\\" { area \\"1\\" \\"A\\" max 1 { input a: count in 0..1\\n score = a } }';
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: project, encoding: "utf8" }).trim();

describe("packed tarball", () => {
  it("installs without exceljs and loads with require and import", () => {
    expect(readdirSync(join(project, "node_modules"))).not.toContain("exceljs");
    expect(node(["-e", `const r = require('rubric-lang'); const c = r.compile("${source}"); console.log(typeof r.compile, c.ok, c.rubric.fingerprint.length)`])).toBe("function true 64");

    writeFileSync(join(project, "esm.mjs"), `import { compile, loadCompiled } from "rubric-lang";\nconst c = compile("${source}");\nconsole.log(c.ok, loadCompiled(JSON.stringify(c.rubric)).ok);\n`);
    expect(node(["esm.mjs"])).toBe("true true");

    writeFileSync(join(project, "runtime.mjs"), `import { compile } from "rubric-lang";\nimport { loadCompiled, evaluate } from "rubric-lang/runtime";\nconst stored = JSON.stringify(compile("${source}").rubric);\nconst loaded = loadCompiled(stored);\nconst out = evaluate(loaded.rubric, { unit: { id: "u" }, self: { "1": { a: 1 } } });\nconst bad = evaluate(loaded.rubric, { unit: { id: "u" }, self: { "1": { a: "x", b: 1 } } });\nconsole.log(out.ok && out.result.published.index, JSON.stringify(bad.issues));\n`);
    expect(node(["runtime.mjs"])).toBe('100.00 [{"path":["self","1","a"],"message":"\\"x\\" is not a decimal number; write digits with an optional dot, e.g. \\"12.5\\"","code":"not-a-decimal","args":{"value":"x"}},{"path":["self","1"],"message":"Unrecognized key: \\"b\\"","code":"unknown-key","args":{"keys":"\\"b\\""}}]');
    expect(node(["-e", "console.log(typeof require('rubric-lang/runtime').evaluate)"])).toBe("function");
  });

  it("runs the command; writing the XLSX form says how to install the missing exceljs", () => {
    const bin = join(project, "node_modules/.bin/rubric");
    expect(execFileSync(bin, ["--version"], { cwd: project, encoding: "utf8" }).trim()).toBe("0.1.0");
    writeFileSync(join(project, "r.rubric"), source.replace(/\\"/g, '"').replace(/\\n/g, "\n"));
    const template = spawnSync(bin, ["template", "r.rubric", "-o", "form.xlsx"], { cwd: project, encoding: "utf8" });
    expect(template.status).toBe(1);
    expect(template.stderr).toContain("npm install exceljs@^4.4.0");
    writeFileSync(join(project, "form.xlsx"), "PK not really");
    const score = spawnSync(bin, ["score", "r.rubric", "form.xlsx"], { cwd: project, encoding: "utf8" });
    expect(score.status).toBe(1);
    // Reading needs no exceljs (rubric-lang's own bounded reader): the file itself is refused.
    expect(score.stderr).toContain("form.xlsx");
    expect(score.stderr).not.toContain("exceljs");
    expect(spawnSync(bin, ["template", "r.rubric"], { cwd: project, encoding: "utf8" }).status).toBe(0);
  });

  // A consumer of every kind: the declarations must compile with skipLibCheck off, and
  // no third-party type may reach them (zod's and decimal.js's do not compile in all).
  const consumer = [
    'import { compile, renderDiagnostic, submissionSchema, type CompiledRubric, type Diagnostic, type ParsedSubmission } from "rubric-lang";',
    'import { evaluate, evaluateAll, loadCompiled, rank, readPrevious, type EvaluateOutcome, type RankResult } from "rubric-lang/runtime";',
    'const c = compile("rubric \\"R\\" { }");',
    "const diagnostics: readonly Diagnostic[] = c.ok ? [] : c.diagnostics;",
    'export const shown = diagnostics.map((d) => renderDiagnostic(d, "", { file: "x.rubric" }));',
    "export const rubric: CompiledRubric | undefined = c.ok ? c.rubric : undefined;",
    "export const outcome: EvaluateOutcome | undefined = rubric && evaluate(rubric, {});",
    "export const ranked: RankResult | undefined = rubric && rank(rubric, evaluateAll(rubric, []));",
    "const parsed = rubric && submissionSchema(rubric).safeParse({});",
    "export const submission: ParsedSubmission | undefined = parsed?.success ? parsed.data : undefined;",
    'export const loaded = loadCompiled("{}").ok && readPrevious([]).ok;',
  ].join("\n");
  const settings = {
    bundler: { module: "ESNext", moduleResolution: "Bundler", type: "module" },
    "node16 ESM": { module: "Node16", moduleResolution: "Node16", type: "module" },
    "node16 CJS": { module: "Node16", moduleResolution: "Node16", type: "commonjs" },
    nodenext: { module: "NodeNext", moduleResolution: "NodeNext", type: "module" },
    "node10 CJS without esModuleInterop": { module: "CommonJS", moduleResolution: "Node10", type: "commonjs", esModuleInterop: false },
  } as const;

  it.each(Object.entries(settings))("type-checks a consumer under %s with skipLibCheck false", (name, { type, ...options }) => {
    const dir = join(project, `consumer-${name.replace(/\W+/g, "-")}`);
    mkdirSync(dir);
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type }));
    writeFileSync(join(dir, "use.ts"), consumer);
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, skipLibCheck: false, noEmit: true, target: "ES2022", lib: ["ES2022"], types: [], ...options }, files: ["use.ts"] }));
    const run = spawnSync(process.execPath, [tsc, "-p", dir], { cwd: dir, encoding: "utf8" });
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  }, 60_000);

  it("passes arethetypeswrong and publint with no problems", () => {
    const attw = spawnSync(process.execPath, [join(root, "node_modules/@arethetypeswrong/cli/dist/index.js"), tarball, "--format", "ascii"], { cwd: root, encoding: "utf8" });
    expect(attw.stdout).toContain("No problems found");
    expect(attw.status).toBe(0);
    const publint = spawnSync(process.execPath, [join(root, "node_modules/publint/src/cli.js"), "--strict", "--pack", "npm"], { cwd: root, encoding: "utf8" });
    expect(publint.stdout).toContain("All good!");
    expect(publint.status).toBe(0);
  }, 120_000);

  it("starts `rubric lsp` from the installed package, as the VS Code extension does", async () => {
    // Its protocol library came with the package: initialize, shutdown, exit with code 0.
    const lsp = new LspClient(["lsp", "--stdio"], join(project, "node_modules/rubric-lang/dist/cli/main.js"));
    const initialized = await lsp.request<{ capabilities: { hoverProvider?: boolean } }>("initialize", { processId: null, rootUri: null, capabilities: {} });
    expect(initialized.capabilities.hoverProvider).toBe(true);
    await lsp.request("shutdown", null);
    lsp.notify("exit", null);
    expect(await lsp.exited).toBe(0);
  }, 60_000);
});
