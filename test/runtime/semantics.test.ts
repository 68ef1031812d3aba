/**
 * The documented semantics that results depend on, each as the minimal case that once
 * gave a wrong figure (found by an independent evaluator written from the docs alone),
 * checked through the public `evaluate()` on both evaluation paths.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CompiledRubric, RoundingMode } from "../../src/compile/types.js";
import { evaluate, type EvaluationResult } from "../../src/io/evaluate.js";
import { layered } from "../../src/io/layers.js";
import { zodSchemaOf } from "../../src/io/schema.js";
import { evaluateUnit } from "../../src/runtime/evaluate.js";
import { plainWithoutTraces, rubricOf } from "./helpers.js";

const MODES: readonly RoundingMode[] = ["half-up", "half-even", "half-down", "up", "down"];

/** Evaluates a submission; also checks that the plain path gives the same result. */
function scored(rubric: CompiledRubric, submission: unknown): EvaluationResult {
  const out = evaluate(rubric, submission);
  if (!out.ok) throw new Error(JSON.stringify(out.issues));
  const inputs = layered(zodSchemaOf(rubric).parse(submission)).final;
  expect(JSON.stringify(evaluateUnit(rubric, inputs))).toBe(JSON.stringify(plainWithoutTraces(rubric, inputs)));
  return out.result;
}

describe("an exclusion at any depth rescales every ancestor", () => {
  const rubric = rubricOf(`rubric "K2" {
    area "1" "A" max 10 {
      criterion "1.1" "c" max 6 {
        item "1.1.1" "a" max 4 { input n: count; when n == 0: exclude; score = n }
        item "1.1.2" "b" max 2 { input v: number; score = v }
      }
      item "1.2" "d" max 4 { input v: number; score = v }
    }
  }`);

  it("drops an excluded grandchild's maximum from the criterion, the area and the total", () => {
    const r = scored(rubric, { unit: { id: "u1" }, self: { "1.1.1": { n: 0 }, "1.1.2": { v: 2 }, "1.2": { v: 4 } } });
    expect(r.nodes["1.1"]).toMatchObject({ max: "2", points: "2" });
    expect(r.nodes["1"]).toMatchObject({ max: "6", points: "6" });
    expect(r).toMatchObject({ max: "6", points: "6", published: { index: "100.00" } });
  });

  it("Sở Nội vụ (department example) declaring 3.4.2 not arising scores 90.34", () => {
    const dir = join(import.meta.dirname, "../../examples/par-department");
    const department = rubricOf(readFileSync(join(dir, "rubric.rubric"), "utf8"));
    const submission = JSON.parse(readFileSync(join(dir, "submissions/so-noi-vu.json"), "utf8")) as { notApplicable?: Record<string, string> };
    expect(scored(department, submission).published?.index).toBe("90.48");
    const declared = { ...submission, notApplicable: { ...submission.notApplicable, "3.4.2": "không phát sinh" } };
    const r = scored(department, declared);
    // 3.4.2 (1.5 points) is excluded under area 3's `not applicable: exclude`: 3.4, area 3
    // and the total lose 1.5 of their maximum; 88.98 of 98.5 is 90.34.
    expect(r.nodes["3.4"]).toMatchObject({ max: "1.5" });
    expect(r).toMatchObject({ max: "98.5", published: { points: "88.98", index: "90.34" } });
  });

  it("a cap stays a cap: children worth more than their parent still reach its max after an exclusion", () => {
    const capped = rubricOf(`rubric "C" {
      area "1" "A" max 2 {
        item "1.1" "a" max 1 { input n: count; when n == 0: exclude; score = n }
        item "1.2" "b" max 1 { score = given }
        item "1.3" "c" max 1 { score = given }
      }
    }`);
    const r = scored(capped, { unit: { id: "u" }, self: { "1.1": { n: 0 }, "1.2": { points: "1" }, "1.3": { points: "1" } } });
    expect(r.nodes["1"]).toMatchObject({ max: "2", points: "2" });
    expect(r.nodes["1"]?.beforeClamp).toBeUndefined();
  });

  it("mean, min and normalised parents: the maximum follows the applicable children", () => {
    const source = (method: string): string => `rubric "M" {
      area "1" "A" max 10 {
        aggregate ${method}
        criterion "1.1" "c" max 10 {
          item "1.1.1" "a" max 5 { input n: count; when n == 0: exclude; score = n }
          item "1.1.2" "b" max 5 { score = given }
        }
        item "1.2" "d" max 10 { score = given }
      }
    }`;
    const unit = { unit: { id: "u" }, self: { "1.1.1": { n: 0 }, "1.1.2": { points: "5" }, "1.2": { points: "10" } } };
    expect(scored(rubricOf(source("mean")), unit).nodes["1"]).toMatchObject({ max: "7.5", points: "7.5" });
    expect(scored(rubricOf(source("min")), unit).nodes["1"]).toMatchObject({ max: "5", points: "5" });
    expect(scored(rubricOf(source("normalised")), unit).nodes["1"]).toMatchObject({ max: "10", points: "10" });
  });
});

describe("bonus and penalty that do not arise", () => {
  const source = (extra: string): string => `rubric "B" {
    area "1" "A" max 10 { item "1.1" "x" max 10 { input a: number; score = a } }
    ${extra}
  }`;

  it("a bonus under `when …: full` earns its max, with the policy in the result", () => {
    const rubric = rubricOf(source('bonus "T1" "b" max 2 { input n: count; when n == 0: full; score = n }'));
    const r = scored(rubric, { unit: { id: "u" }, self: { "1.1": { a: 5 }, T1: { n: 0 } } });
    expect(r.nodes["T1"]).toMatchObject({ status: "not-applicable", naPolicy: "full", points: "2" });
    expect(r).toMatchObject({ bonus: "2", points: "7", published: { index: "70.00" } });
  });

  it("a bonus under `zero` or `exclude` earns nothing; a penalty that does not arise deducts nothing", () => {
    for (const policy of ["zero", "exclude"]) {
      const rubric = rubricOf(source(`bonus "T1" "b" max 2 { input n: count; when n == 0: ${policy}; score = n }
        penalty "P1" "p" max 3 { input k: count; when k == 0: ${policy}; score = k }`));
      const r = scored(rubric, { unit: { id: "u" }, self: { "1.1": { a: 5 }, T1: { n: 0 }, P1: { k: 0 } } });
      expect(r.nodes["T1"]).toMatchObject({ status: "not-applicable", naPolicy: policy, points: "0" });
      expect(r.nodes["P1"]).toMatchObject({ status: "not-applicable", naPolicy: policy, points: "0" });
      expect(r).toMatchObject({ bonus: "0", penalty: "0", points: "5" });
    }
  });
});

describe("no figure is ever NaN or Infinity", () => {
  it("a normalised parent whose child keeps only a part of its maximum is computed on that part", () => {
    const rubric = rubricOf(`rubric "N" {
      area "1" "A" max 10 {
        aggregate normalised
        criterion "1.1" "c" max 2 {
          item "1.1.1" "a" max 1 { input n: count; when n == 0: exclude; score = n }
          item "1.1.2" "b" max 1 { score = given }
        }
        item "1.2" "d" max 10 { score = given }
      }
    }`);
    const r = scored(rubric, { unit: { id: "u" }, self: { "1.1.1": { n: 0 }, "1.1.2": { points: "1" }, "1.2": { points: "5" } } });
    // 1.1 keeps 1 of its 2 points and scores 1 of 1: (1/1 + 5/10) / 2 × 10 = 7.5.
    expect(r.nodes["1.1"]).toMatchObject({ max: "1", points: "1" });
    expect(r).toMatchObject({ points: "7.5", max: "10", published: { index: "75.00" } });
  });

  it("a unit to which nothing applies is incomplete with a division by zero, not NaN and not ranked first", () => {
    const rubric = rubricOf('rubric "Z" { area "1" "A" max 10 { item "1.1" "a" max 10 { input n: count; when n == 0: exclude; score = n } } }');
    const r = scored(rubric, { unit: { id: "u" }, self: { "1.1": { n: 0 } } });
    expect(r.complete).toBe(false);
    expect(r.errors[0]).toMatchObject({ node: "index", code: "division-by-zero" });
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });
});

describe("exact means exact", () => {
  const rubricWith = (rule: string, mode: RoundingMode, inputs = "input big: number, small: number"): CompiledRubric =>
    rubricOf(`rubric "E" { publish precision 2 rounding ${mode}
      area "1" "A" max 1000000000000000000000000000000000000000000000 {
        item "1.1" "x" max 1000000000000000000000000000000000000000000000 { ${inputs}; score = ${rule} } } }`);
  const unit = { unit: { id: "u" }, self: { "1.1": { big: "1000000000000000000000000000000000000000000", small: "2.5" } } };

  it.each(MODES)("1 / 3 * 3 and 2 / 3 + 1 / 3 are exactly 1 under %s", (mode) => {
    for (const rule of ["1 / 3 * 3", "2 / 3 + 1 / 3", "small / 3 * 3 / small"]) {
      const r = scored(rubricWith(rule, mode), unit);
      expect(r.points, rule).toBe("1");
      expect(r.published?.points, rule).toBe("1.00");
    }
  });

  it.each(MODES)("big + small − big keeps the small part under %s", (mode) => {
    const r = scored(rubricWith("big + small - big", mode), unit);
    expect(r.points).toBe("2.5");
    expect(r.published?.points).toBe("2.50");
  });

  it.each(MODES)("an item of 43 significant digits is kept whole under %s", (mode) => {
    const rule = "1.000000000000000000000000000000000000000001";
    const r = scored(rubricWith(rule, mode), unit);
    expect(r.points).toBe(rule);
    expect(r.published?.points).toBe(mode === "up" ? "1.01" : "1.00");
  });

  it("a value with no finite decimal is written as its reduced fraction; its publication rounds the exact value", () => {
    const r = scored(rubricWith("small / 3", "half-up"), unit);
    expect(r.points).toBe("5/6");
    expect(r.published?.points).toBe("0.83");
  });

  it("an exact total of 4 reached through a division publishes 4.00 under up", () => {
    const r = scored(rubricWith("small * 8 / 5", "up"), unit);
    expect(r.points).toBe("4");
    expect(r.published?.points).toBe("4.00");
  });
});

describe("values keep their types in results", () => {
  it("a list of bool comes back as booleans, like a single bool", () => {
    const rubric = rubricOf('rubric "L" { area "1" "A" max 1 { input flags: list of bool, one: bool; score = if one then count(flags) / 10 else 0 } }');
    const r = scored(rubric, { unit: { id: "u" }, self: { "1": { flags: [true, false], one: true } } });
    expect(r.nodes["1"]?.values).toEqual({ flags: { value: [true, false], layer: "self" }, one: { value: true, layer: "self" } });
  });
});

describe("a clamp that changes a figure is visible", () => {
  it("keeps the value before clamping in the result", () => {
    const rubric = rubricOf('rubric "C" { area "1" "A" max 2 { input k: count; score = max - 0.5 * k } }');
    const r = scored(rubric, { unit: { id: "u" }, self: { "1": { k: 6 } } });
    expect(r.nodes["1"]).toMatchObject({ points: "0", beforeClamp: "-1" });
    expect(scored(rubric, { unit: { id: "u" }, self: { "1": { k: 1 } } }).nodes["1"]?.beforeClamp).toBeUndefined();
  });
});
