/**
 * Every command of the built CLI on every bundled example, as a child process: exit
 * code, stdout and stderr compared with `test/cli/golden/<example>/<case>.txt`. A case
 * without its golden file fails. After a reviewed change, rewrite them with
 * `UPDATE_GOLDEN=1 npx vitest run test/cli/golden.test.ts` and read the diff.
 * `compile` is checked by scoring with its JSON output instead of the source.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../temp.js";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/cli/main.js");
const goldenRoot = join(import.meta.dirname, "golden");
const update = process.env["UPDATE_GOLDEN"] === "1";

function rubric(args: readonly string[]): { code: number; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8" });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

const shown = (run: { code: number; stdout: string; stderr: string }): string => `exit: ${run.code}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`;

const jsonFiles = (dir: string): string[] => (existsSync(join(root, dir)) ? readdirSync(join(root, dir)).filter((f) => f.endsWith(".json")).sort().map((f) => `${dir}/${f}`) : []);

const dataFiles = (dir: string): string[] => (existsSync(join(root, dir, "data")) ? readdirSync(join(root, dir, "data")).filter((f) => f.endsWith(".csv")).sort() : []);

/** The command lines run on one example, by case name. */
function casesOf(name: string): [string, string[]][] {
  const dir = `examples/${name}`;
  const source = `${dir}/rubric.rubric`;
  const clean = jsonFiles(`${dir}/submissions`);
  const incomplete = jsonFiles(`${dir}/incomplete`);
  const previous = existsSync(join(root, dir, "previous.json")) ? ["--previous", `${dir}/previous.json`] : [];
  const first = JSON.parse(readFileSync(join(root, clean[0]!), "utf8")) as { unit: { id: string } };
  return [
    ["check", ["check", source, "--lang", "vi"]],
    ["score.vi", ["score", source, ...clean, "--lang", "vi", ...previous]],
    ["score.incomplete.en.csv", ["score", source, ...clean, ...incomplete, "--format", "csv"]],
    ["explain", ["explain", source, ...clean, "--unit", first.unit.id, "--lang", "vi"]],
    ["explain.en", ["explain", source, ...clean, "--unit", first.unit.id]],
    // An incomplete unit: the root cause first, in Vietnamese.
    ...(incomplete.length === 0 ? [] : [["explain.incomplete", ["explain", source, ...clean, ...incomplete, "--unit", (JSON.parse(readFileSync(join(root, incomplete[0]!), "utf8")) as { unit: { id: string } }).unit.id, "--lang", "vi"]] as [string, string[]]]),
    // The real tables (pci, papi): each year's data file ranked, in both languages.
    ...dataFiles(dir).flatMap((file): [string, string[]][] => [
      [`score.${file.replace(/\.csv$/, "")}.vi`, ["score", source, `${dir}/data/${file}`, "--lang", "vi"]],
      [`score.${file.replace(/\.csv$/, "")}.en`, ["score", source, `${dir}/data/${file}`]],
    ]),
    ["schema", ["schema", source]],
    ["template.vi.csv", ["template", source, "--format", "csv", "--lang", "vi"]],
  ];
}

const examples = readdirSync(join(root, "examples")).filter((n) => existsSync(join(root, "examples", n, "rubric.rubric"))).sort();

describe("the CLI on every example (golden)", () => {
  it.each(examples.flatMap((name) => casesOf(name).map(([label, args]) => [name, label, args] as const)))("%s: %s", (name, label, args) => {
    const actual = shown(rubric(args));
    const file = join(goldenRoot, name, `${label}.txt`);
    if (update) {
      mkdirSync(join(goldenRoot, name), { recursive: true });
      writeFileSync(file, actual);
    }
    expect(existsSync(file), `${file} is missing`).toBe(true);
    expect(actual).toBe(readFileSync(file, "utf8"));
  });

  it.each(examples)("%s: the compiled JSON scores exactly as the source", (name) => {
    const out = join(tempDir("rubric-golden-"), `${name}.json`);
    const compiled = rubric(["compile", `examples/${name}/rubric.rubric`, "-o", out]);
    expect(compiled.code).toBe(0);
    const data = jsonFiles(`examples/${name}/submissions`);
    const fromSource = rubric(["score", `examples/${name}/rubric.rubric`, ...data, "--format", "json"]);
    expect(fromSource.code).toBe(0);
    // The same, except that a compiled rubric carries no warnings to print (the source's are on stderr).
    const warnings = /^.*: \d+ warnings? \(RL[^)]*\); .*\n/m;
    expect(rubric(["score", out, ...data, "--format", "json"])).toEqual({ ...fromSource, stderr: fromSource.stderr.replace(warnings, "") });
  });
});
