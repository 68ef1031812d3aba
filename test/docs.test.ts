/**
 * The API documentation: typedoc, run over `src/index.ts` as `npm run docs` runs it,
 * prints no warning of any kind (an undocumented export or property, a broken link, a
 * type it cannot show); every public declaration is in one of the categories; every
 * entry point has an `@example`; and every example type-checks against the sources and
 * runs to its end.
 */
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../src/diagnostics.js";
import { KEYWORDS } from "../src/syntax/lexer.js";
import { tempDir } from "./temp.js";

const root = join(import.meta.dirname, "..");

const CATEGORIES = ["Compile", "Evaluate", "Rank", "Report", "Data", "Analysis", "Language"];
/** The functions an embedder starts from: each shows how in an `@example`. */
const ENTRY_POINTS = [
  "compile", "parseRubric", "checkRubric", "format", "printRubric", "renderDiagnostic", "localize", "loadCompiled", "fingerprintOf",
  "evaluate", "evaluateAll", "evaluateUnit", "rank", "readPrevious",
  "renderRanking", "renderRankingHtml", "renderTable", "renderUnitDetail", "unitDetailTable", "traceText",
  "buildTemplate", "templateGrid", "readTemplate", "readCell", "readCellDecimal", "wideRowsToSubmissions", "longRowsToSubmissions", "submissionSchema", "submissionJsonSchema",
  "readPlan", "sensitivity", "renderSensitivity", "whatIf", "renderWhatIf",
];

interface Part { readonly text: string }
interface Tag { readonly tag: string; readonly content: readonly Part[] }
interface Reflection {
  readonly name: string;
  readonly comment?: { readonly blockTags?: readonly Tag[] };
  readonly signatures?: readonly Reflection[];
  readonly children?: readonly Reflection[];
  readonly categories?: readonly { readonly title: string; readonly children: readonly number[] }[];
  readonly id?: number;
}

const api = (() => {
  const dir = tempDir("rubric-api-");
  const run = spawnSync(process.execPath, [join(root, "node_modules/typedoc/bin/typedoc"), "--json", join(dir, "api.json"), "--out", join(dir, "html")], { cwd: root, encoding: "utf8" });
  const output = `${run.stdout}${run.stderr}`;
  return { dir, output, status: run.status, project: run.status === 0 ? (JSON.parse(readFileSync(join(dir, "api.json"), "utf8")) as Reflection) : undefined };
});
let generated: ReturnType<typeof api> | undefined;
const docs = (): ReturnType<typeof api> => (generated ??= api());

/** The `@example` code blocks of a declaration (its own comment and its signatures'). */
function examplesOf(r: Reflection): string[] {
  const tags = [r, ...(r.signatures ?? [])].flatMap((x) => x.comment?.blockTags ?? []).filter((t) => t.tag === "@example");
  return tags.flatMap((t) => [...t.content.map((p) => p.text).join("").matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!));
}

describe("API documentation (npm run docs)", () => {
  it("prints no warning and no error", () => {
    const { output, status } = docs();
    expect(output.split("\n").filter((line) => /\[(warning|error)\]/.test(line))).toEqual([]);
    expect(status).toBe(0);
  }, 300_000);

  it("puts every public declaration in one of the categories", () => {
    const project = docs().project!;
    const categorised = new Set(project.categories?.filter((c) => CATEGORIES.includes(c.title)).flatMap((c) => c.children));
    expect(project.children?.filter((c) => !categorised.has(c.id!)).map((c) => c.name)).toEqual([]);
    expect(project.categories?.map((c) => c.title)).toEqual(CATEGORIES);
  }, 300_000);

  it("shows every entry point with an example that type-checks and runs", async () => {
    const { project, dir } = docs();
    const byName = new Map(project!.children!.map((c) => [c.name, c]));
    expect(ENTRY_POINTS.filter((name) => examplesOf(byName.get(name) ?? { name }).length === 0)).toEqual([]);
    const examples = project!.children!.flatMap((c) => examplesOf(c).map((code, i) => ({ file: join(dir, `${c.name}-${i}.ts`), code })));
    for (const e of examples) writeFileSync(e.file, `${e.code}\nexport {};\n`);
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({
      compilerOptions: {
        ...(JSON.parse(readFileSync(join(root, "tsconfig.json"), "utf8")) as { compilerOptions: object }).compilerOptions,
        typeRoots: [join(root, "node_modules/@types")],
        paths: { "rubric-lang": [join(root, "src/index.ts")], "rubric-lang/runtime": [join(root, "src/runtime-entry.ts")] },
      },
      files: examples.map((e) => e.file),
    }));
    const tsc = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(dir, "tsconfig.json")], { cwd: root, encoding: "utf8" });
    expect(tsc.stdout).toBe("");
    expect(tsc.status).toBe(0);
    await build({
      entryPoints: examples.map((e) => e.file), outdir: join(dir, "run"), outExtension: { ".js": ".mjs" }, bundle: true, platform: "node", format: "esm", logLevel: "silent",
      alias: { "rubric-lang/runtime": join(root, "src/runtime-entry.ts"), "rubric-lang": join(root, "src/index.ts") },
    });
    for (const e of examples) {
      const name = e.file.slice(dir.length + 1).replace(/\.ts$/, "");
      const run = spawnSync(process.execPath, [join(dir, "run", `${name}.mjs`)], { encoding: "utf8" });
      expect({ name, status: run.status, stdout: run.stdout.length > 0 }).toEqual({ name, status: 0, stdout: true });
    }
  }, 300_000);
});

describe("docs/language.md", () => {
  const reference = readFileSync(join(root, "docs/language.md"), "utf8");

  it("lists every diagnostic code of the catalogue", () => {
    expect(Object.keys(CATALOGUE).filter((code) => !reference.includes(`| ${code} |`))).toEqual([]);
  });

  it("lists exactly the reserved words of the lexer", () => {
    const section = reference.slice(reference.indexOf("Keywords are"), reference.indexOf("Names that merely"));
    const listed = section.slice(section.indexOf("`") + 1, section.lastIndexOf("`")).split(/\s+/).filter(Boolean);
    expect([...listed].sort()).toEqual([...KEYWORDS].sort());
  });
});

describe("grammar/rubric.tmLanguage.json", () => {
  it("is a TextMate grammar whose every pattern compiles and highlights the language's words", () => {
    const grammar = JSON.parse(readFileSync(join(root, "grammar/rubric.tmLanguage.json"), "utf8")) as { scopeName: string; repository: Record<string, unknown> };
    expect(grammar.scopeName).toBe("source.rubric");
    const patterns: string[] = [];
    const stack: unknown[] = [grammar.repository];
    while (stack.length > 0) {
      const v = stack.pop();
      if (v === null || typeof v !== "object") continue;
      for (const [key, child] of Object.entries(v)) {
        if ((key === "match" || key === "begin" || key === "end") && typeof child === "string") patterns.push(child);
        else stack.push(child);
      }
    }
    for (const p of patterns) expect(() => new RegExp(p)).not.toThrow();
    const all = patterns.join("\n");
    for (const word of KEYWORDS) expect(all, word).toContain(word);
  });
});
