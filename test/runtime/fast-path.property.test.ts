/**
 * The fast evaluation path against the plain one: on generated rubrics and units, every
 * node's value and trace, the figures and the published figures are byte-identical;
 * and the fast path really answers (it is not falling back every time).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CompiledRubric } from "../../src/compile/types.js";
import { layered } from "../../src/io/layers.js";
import { zodSchemaOf } from "../../src/io/schema.js";
import { evaluateUnit } from "../../src/runtime/evaluate.js";
import { fastOnly } from "../../src/runtime/evaluate-fast.js";
import type { UnitInputs } from "../../src/runtime/result.js";
import { caseArb, compiled } from "../io/generated.js";
import { typedRubricArb, unitArbFor } from "./arbitraries.js";
import { rubricOf } from "./helpers.js";

/** Compares both paths on one unit; true when the fast path answered by itself. */
function same(rubric: CompiledRubric, unit: UnitInputs): boolean {
  const plain = JSON.stringify(evaluateUnit(rubric, unit, { plain: true }));
  expect(JSON.stringify(evaluateUnit(rubric, unit))).toBe(plain);
  const fast = fastOnly(rubric, unit);
  if (fast !== undefined) expect(JSON.stringify(fast)).toBe(plain);
  return fast !== undefined;
}

describe("the fast path gives the plain path's results", () => {
  it("on typed rubrics using every expression form, with missing inputs, N/A declarations and bad points", () => {
    let answered = 0;
    let errors = 0;
    const cases = typedRubricArb.chain((source) => {
      const rubric = rubricOf(source);
      return fc.tuple(fc.constant(rubric), unitArbFor(rubric));
    });
    fc.assert(fc.property(cases, ([rubric, unit]) => {
      if (same(rubric, unit)) answered++;
      if (!evaluateUnit(rubric, unit).complete) errors++;
    }), { numRuns: 1000 });
    // Both outcomes must be exercised: the fast path answering, and falling back on errors.
    expect(answered).toBeGreaterThan(200);
    expect(errors).toBeGreaterThan(100);
  });

  it("on the io generators' rubrics and submissions, self and final layers, always on the fast path", () => {
    fc.assert(fc.property(caseArb, ([spec, submission]) => {
      const rubric = compiled(spec);
      const parsed = zodSchemaOf(rubric).parse(submission);
      const inputs = layered(parsed);
      expect(same(rubric, inputs.final)).toBe(true);
      expect(same(rubric, inputs.self)).toBe(true);
    }), { numRuns: 1000 });
  });

  it("on the department example with random units, with and without faults", () => {
    const rubric = rubricOf(readFileSync(join(import.meta.dirname, "../../examples/par-department/rubric.rubric"), "utf8"));
    let answered = 0;
    fc.assert(fc.property(fc.oneof(unitArbFor(rubric), unitArbFor(rubric, false)), (unit) => {
      if (same(rubric, unit)) answered++;
    }), { numRuns: 1000 });
    expect(answered).toBeGreaterThan(300);
  });
});
