/**
 * Cohort figures, properties over generated rubrics and batches: the results and the
 * ranking do not depend on the order of the units; adding an ineligible, incomplete or
 * refused unit changes no other unit's figures or rank; and on every unit, with its
 * cohort, the kernel gives exactly the plain path's result.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CompiledRubric } from "../../src/compile/types.js";
import { evaluateAll, readSubmission, type EvaluateOutcome } from "../../src/io/evaluate.js";
import { layered } from "../../src/io/layers.js";
import { rank } from "../../src/rank/rank.js";
import { gatherCohorts } from "../../src/runtime/cohort-batch.js";
import { eligibilityOf } from "../../src/runtime/eligible.js";
import { evaluateUnit } from "../../src/runtime/evaluate.js";
import { evaluateKernel } from "../../src/runtime/kernel-result.js";
import { plainWithoutTraces, rubricOf } from "./helpers.js";

/** Rules over `x` (a number) and `y` (a count) using every cohort statistic, alone and mixed with other forms. */
const X_RULES = [
  "x / cohort.max(x) * max", "cohort.rescale(x, 0, 5)", "max * cohort.percentile(x)", "if x >= cohort.mean(x) then max else 1",
  "(cohort.min(x) + 1) / (x + 1) * max", "min(x, cohort.mean(x)) / 20",
];
const Y_RULES = ["r / cohort.max(r) * max", "bands cohort.percentile(y) { >= 75%: 5; >= 50%: 3; else: 0 }", "cohort.rescale(r, 0, 5)", "max * r"];
const INDEXES = ["", "  index = points / max * 100\n", "  index = cohort.rescale(points, 0, 100)\n", "  index = points - cohort.mean(points) + 50\n"];

const rubricArb = fc.record({ x: fc.constantFrom(...X_RULES), y: fc.constantFrom(...Y_RULES), index: fc.constantFrom(...INDEXES), group: fc.boolean(), ties: fc.constantFrom("shared", "ordinal") }).map((c) => ({
  source: `rubric "C" {\n${c.index}  unit {\n    du: bool\n  }\n  area "1" "A" max 10 {\n    item "1.1" "X" max 5 {\n      input x: number in 0..100\n      score = ${c.x}\n    }\n    item "1.2" "Y" max 5 {\n      input y: count in 0..50\n      let r = y / (y + 1)\n      score = ${c.y}\n    }\n  }\n  ranking {\n    ties ${c.ties}\n${c.group ? "    within group\n" : ""}    eligible when unit.du "không đủ điều kiện"\n  }\n}\n`,
}));

const cache = new Map<string, CompiledRubric>();
const compiled = (source: string): CompiledRubric => {
  let r = cache.get(source);
  if (r === undefined) cache.set(source, (r = rubricOf(source)));
  return r;
};

/** A unit's submission: mostly eligible and complete; sometimes missing `x`, or ineligible. */
const unitArb = (id: string): fc.Arbitrary<unknown> =>
  fc.record({ x: fc.option(fc.integer({ min: 0, max: 40 }), { freq: 8 }), y: fc.integer({ min: 0, max: 12 }), du: fc.integer({ min: 0, max: 5 }).map((n) => n > 0), group: fc.constantFrom("g1", "g2") }).map((u) => ({
    unit: { id, group: u.group, facts: { du: u.du } },
    self: { ...(u.x === null ? {} : { "1.1": { x: u.x } }), "1.2": { y: u.y } },
  }));
const batchArb = fc.integer({ min: 1, max: 9 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => unitArb(`u${i}`))));

/** Results keyed by unit, as JSON text. */
function byUnit(outcomes: readonly EvaluateOutcome[]): Map<string, string> {
  return new Map(outcomes.flatMap((o) => (o.ok ? [[o.result.unit.id, JSON.stringify(o.result)] as const] : [])));
}

describe("cohort figures (properties)", () => {
  it("results and ranking do not depend on the units' order", () => {
    fc.assert(fc.property(rubricArb, batchArb, fc.func(fc.integer()), ({ source }, batch, key) => {
      const rubric = compiled(source);
      const shuffled = [...batch].map((u, i) => [key(i), u] as const).sort((a, b) => a[0] - b[0]).map(([, u]) => u);
      const [a, b] = [evaluateAll(rubric, batch), evaluateAll(rubric, shuffled)];
      expect(byUnit(b)).toEqual(byUnit(a));
      expect(JSON.stringify(rank(rubric, b))).toBe(JSON.stringify(rank(rubric, a)));
    }), { numRuns: 200 });
  });

  it("an ineligible, incomplete or refused unit changes no other unit's figures or rank", () => {
    const extraArb = fc.oneof(
      fc.integer({ min: 0, max: 100 }).map((x) => ({ unit: { id: "zz", group: "g1", facts: { du: false } }, self: { "1.1": { x }, "1.2": { y: 50 } } })),
      fc.constant({ unit: { id: "zz", group: "g2", facts: { du: true } }, self: { "1.2": { y: 50 } } }),
      fc.constant({ unit: { id: "zz", group: "g1", facts: { du: true } }, self: { "1.1": { x: 1000 }, "1.2": { y: 50 } } }),
    );
    fc.assert(fc.property(rubricArb, batchArb, extraArb, ({ source }, batch, extra) => {
      const rubric = compiled(source);
      const before = byUnit(evaluateAll(rubric, batch));
      const withExtra = evaluateAll(rubric, [...batch, extra]);
      const after = byUnit(withExtra);
      after.delete("zz");
      expect(after).toEqual(before);
      expect(JSON.stringify(rank(rubric, withExtra).rows)).toBe(JSON.stringify(rank(rubric, evaluateAll(rubric, batch)).rows));
    }), { numRuns: 200 });
  });

  it("the kernel gives the plain path's result on every unit with its cohort", () => {
    let answered = 0;
    fc.assert(fc.property(rubricArb, batchArb, ({ source }, batch) => {
      const rubric = compiled(source);
      const inputs = batch.flatMap((s) => {
        const read = readSubmission(rubric, s);
        return read.ok ? [layered(read.data).final] : [];
      });
      const figures = gatherCohorts(rubric, (visit) => inputs.forEach((u) => visit(u, eligibilityOf(rubric, u.facts).eligible)));
      for (const u of inputs) {
        const unit = { ...u, cohort: figures.access(u.unit.group) };
        const plain = JSON.stringify(plainWithoutTraces(rubric, unit));
        expect(JSON.stringify(evaluateUnit(rubric, unit))).toBe(plain);
        const kernel = evaluateKernel(rubric, unit);
        if (kernel !== undefined) {
          answered++;
          expect(JSON.stringify(kernel)).toBe(plain);
        }
      }
    }), { numRuns: 1000 });
    // The kernel really computes cohort figures itself (it does not always fall back).
    expect(answered).toBeGreaterThan(1000);
  });
});
