/**
 * The optimised public `evaluate()` against the straightforward one it replaced
 * (`reference-evaluate.ts`): on generated rubrics and submissions with self, survey
 * and appraisal layers, facts, not-applicable declarations, missing inputs and bad
 * points, the whole outcome (result or issues) is byte-identical as JSON.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CompiledRubric } from "../../src/compile/types.js";
import { evaluate } from "../../src/io/evaluate.js";
import { layered } from "../../src/io/layers.js";
import { zodSchemaOf } from "../../src/io/schema.js";
import { typedRubricArb } from "../runtime/arbitraries.js";
import { rubricOf } from "../runtime/helpers.js";
import { caseArb, compiled, specArb } from "./generated.js";
import { referenceEvaluate, referenceLayered } from "./reference-evaluate.js";
import { layeredSubmissionArb } from "./submissions.js";

/** What the comparisons went through, so that each test can show it exercised every branch. */
interface Seen { ok: number; issues: number; incomplete: number; oneView: number; twoViews: number; differs: number }

function fresh(): Seen {
  return { ok: 0, issues: 0, incomplete: 0, oneView: 0, twoViews: 0, differs: 0 };
}

function same(rubric: CompiledRubric, submission: unknown, seen: Seen): void {
  const expected = JSON.stringify(referenceEvaluate(rubric, submission));
  const got = evaluate(rubric, submission);
  expect(JSON.stringify(got)).toBe(expected);
  // With `explain`, the traces are the plain path's, and everything else is unchanged.
  expect(JSON.stringify(evaluate(rubric, submission, { explain: true }))).toBe(JSON.stringify(referenceEvaluate(rubric, submission, true)));
  if (!got.ok) {
    seen.issues++;
    return;
  }
  seen.ok++;
  if (!got.result.complete) seen.incomplete++;
  if (got.result.difference !== undefined && got.result.difference !== "0") seen.differs++;
  const parsed = zodSchemaOf(rubric).parse(submission);
  const views = layered(parsed);
  if (views.self === views.final) {
    seen.oneView++;
    // The shortcut's premise: without appraisal records, both views are built alike.
    const reference = referenceLayered(parsed);
    expect(JSON.stringify([...reference.self.nodes].map(([id, d]) => [id, d.points, d.notApplicable, [...(d.inputs ?? [])]])))
      .toBe(JSON.stringify([...reference.final.nodes].map(([id, d]) => [id, d.points, d.notApplicable, [...(d.inputs ?? [])]])));
  } else seen.twoViews++;
}

const department = rubricOf(readFileSync(join(import.meta.dirname, "../../examples/par-department/rubric.rubric"), "utf8"));

describe("evaluate() gives the straightforward evaluation's outcome, byte for byte", () => {
  it("on the io generators' rubrics: self-only submissions and every layer", () => {
    const seen = fresh();
    const withLayers = specArb.chain((spec) => {
      const rubric = compiled(spec);
      return layeredSubmissionArb(rubric).map((submission) => [rubric, submission] as const);
    });
    const selfOnly = caseArb.map(([spec, submission]) => [compiled(spec), submission] as const);
    fc.assert(fc.property(fc.oneof(withLayers, selfOnly), ([rubric, submission]) => same(rubric, submission, seen)), { numRuns: 1000 });
    expect(seen.oneView).toBeGreaterThan(100);
    expect(seen.twoViews).toBeGreaterThan(100);
    expect(seen.differs).toBeGreaterThan(50);
    expect(seen.issues).toBeGreaterThan(20);
  });

  it("on typed rubrics using every expression form, bonus and penalty blocks, facts and every layer", () => {
    const seen = fresh();
    const cases = typedRubricArb.chain((source) => {
      const rubric = rubricOf(source);
      return fc.oneof(layeredSubmissionArb(rubric), layeredSubmissionArb(rubric, false)).map((submission) => [rubric, submission] as const);
    });
    fc.assert(fc.property(cases, ([rubric, submission]) => same(rubric, submission, seen)), { numRuns: 1000 });
    expect(seen.ok).toBeGreaterThan(300);
    expect(seen.incomplete).toBeGreaterThan(30);
    expect(seen.twoViews).toBeGreaterThan(100);
    expect(seen.issues).toBeGreaterThan(20);
  });

  it("on the department example with random units of every layer", () => {
    const seen = fresh();
    fc.assert(fc.property(fc.oneof(layeredSubmissionArb(department), layeredSubmissionArb(department, false)), (submission) => same(department, submission, seen)), { numRuns: 1000 });
    expect(seen.ok).toBeGreaterThan(300);
    expect(seen.twoViews).toBeGreaterThan(100);
    expect(seen.differs).toBeGreaterThan(50);
  });
});
