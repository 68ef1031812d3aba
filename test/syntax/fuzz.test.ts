/**
 * Fuzzing the front end: random strings, random token soups and mutations of real
 * rubrics must never make `compile` throw, and never make it hang. The time bound
 * (1 s per source, far above the ~1 ms typical) only catches runaway behaviour.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/compile.js";

const seeds = [
  readFileSync(join(import.meta.dirname, "samples/full.rubric"), "utf8"),
  readFileSync(join(import.meta.dirname, "../../examples/par-department/rubric.rubric"), "utf8").slice(0, 4000),
];

const TOKENS = [
  "rubric", "area", "criterion", "item", "max", "score", "=", "input", ":", "count", "let", "when", "bands", "{", "}", "(", ")",
  ";", ",", ">=", "<", "==", "+", "-", "*", "/", "80%", "0.5", "0,5", "2022-12-15", '"1.1"', '"Tiêu đề"', "if", "then", "else",
  "and", "not", "given", "step", "ranking", "by", "ties", "shared", "unit", ".", "kind", "enum", "list", "of", "likert", "..",
  "//", "/*", "*/", '"', "\n", "x", "total", "full", "exclude", "applies", "weight", "aggregate", "weighted", "bonus", "penalty",
];

let slowest = 0;
function compileTimed(source: string): void {
  const start = performance.now();
  const result = compile(source);
  slowest = Math.max(slowest, performance.now() - start);
  expect(Array.isArray(result.diagnostics)).toBe(true);
  expect(result.diagnostics.some((d) => d.code === "RL900"), "internal error on fuzzed input").toBe(false);
}

const mutation = fc.tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.constantFrom("delete", "insert", "duplicate", "swap"), fc.constantFrom(...TOKENS)), { minLength: 1, maxLength: 6 }))
  .map(([seed, edits]) => {
    let text = seed;
    for (const [at, length, kind, token] of edits) {
      const i = at % (text.length + 1);
      if (kind === "delete") text = text.slice(0, i) + text.slice(i + length);
      else if (kind === "insert") text = `${text.slice(0, i)} ${token} ${text.slice(i)}`;
      else if (kind === "duplicate") text = text.slice(0, i) + text.slice(i, i + length) + text.slice(i);
      else text = text.slice(0, i) + text.slice(i + length, i + 2 * length) + text.slice(i, i + length) + text.slice(i + 2 * length);
    }
    return text;
  });

describe("fuzz: compile never throws and never hangs", () => {
  it("4,000 mutations of real rubrics", () => {
    fc.assert(fc.property(mutation, (source) => compileTimed(source)), { numRuns: 4000 });
  });

  it("3,000 token soups", () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 120 }), (tokens) => compileTimed(`rubric "R" { ${tokens.join(" ")} }`)), { numRuns: 3000 });
  });

  it("3,000 random strings, Unicode included", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), (source) => compileTimed(source)), { numRuns: 3000 });
  });

  it("took under a second for every source", () => {
    expect(slowest).toBeLessThan(1000);
  });
});
