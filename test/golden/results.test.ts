/**
 * Golden results: every `examples/<name>/submissions/<unit>.json` (clean units) and
 * `examples/<name>/incomplete/<unit>.json` (deliberately incomplete or invalid data) is
 * evaluated and the result compared byte for byte with `examples/<name>/expected/<unit>.json`. A
 * submission without an expected file fails. To accept new results after a reviewed
 * change, run `UPDATE_GOLDEN=1 npx vitest run test/golden/results.test.ts` and read
 * the diff before committing. A rubric with cohort figures is scored as a batch: every
 * unit against the cohort of the example's clean submissions (`submissions/`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/compile.js";
import { evaluate } from "../../src/io/evaluate.js";
import { cohortOfSubmissions } from "../../src/io/cohort-read.js";
import { needsCohort } from "../../src/runtime/cohort-batch.js";

const root = join(import.meta.dirname, "../../examples");
const update = process.env["UPDATE_GOLDEN"] === "1";
const FOLDERS = ["submissions", "incomplete"] as const;
const cases = readdirSync(root)
  .sort()
  .flatMap((name) => FOLDERS.filter((folder) => existsSync(join(root, name, folder))).flatMap((folder) =>
    readdirSync(join(root, name, folder)).filter((f) => f.endsWith(".json")).sort().map((file) => [name, folder, file] as const)));

describe("golden results", () => {
  it("every example has at least 5 submissions", () => {
    for (const name of readdirSync(root).filter((n) => existsSync(join(root, n, "rubric.rubric")))) {
      expect(cases.filter(([n]) => n === name).length, name).toBeGreaterThanOrEqual(5);
    }
  });

  it.each(cases)("%s / %s / %s", (name, folder, file) => {
    const compiled = compile(readFileSync(join(root, name, "rubric.rubric"), "utf8"));
    if (!compiled.ok) throw new Error(`${name} does not compile`);
    const submission: unknown = JSON.parse(readFileSync(join(root, name, folder, file), "utf8"));
    const clean = (): unknown[] => readdirSync(join(root, name, "submissions")).filter((f) => f.endsWith(".json")).sort().map((f) => JSON.parse(readFileSync(join(root, name, "submissions", f), "utf8")) as unknown);
    const options = needsCohort(compiled.rubric) ? { cohort: cohortOfSubmissions(compiled.rubric, clean()) } : {};
    const actual = `${JSON.stringify(evaluate(compiled.rubric, submission, options), null, 2)}\n`;
    const expectedFile = join(root, name, "expected", file);
    if (update) {
      mkdirSync(join(root, name, "expected"), { recursive: true });
      writeFileSync(expectedFile, actual);
    }
    expect(existsSync(expectedFile), `${expectedFile} is missing`).toBe(true);
    expect(actual).toBe(readFileSync(expectedFile, "utf8"));
  });
});
