/**
 * What-if answers checked by evaluating them the ordinary way: each listed change,
 * written into the unit's submission and scored with `evaluate` and ranked with
 * `rank`, reaches the target; the same change one grid step short does not; the
 * changes stay within declared ranges and types; they are listed most points per step
 * first.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { whatIf, type WhatIfStep, type WhatIfTarget } from "../../src/analysis/whatif.js";
import { evaluateAll } from "../../src/io/evaluate.js";
import { rank } from "../../src/rank/rank.js";
import { Exact } from "../../src/runtime/exact.js";
import { example } from "./helpers.js";

type Layers = Record<string, Record<string, Record<string, unknown>> | undefined>;

/** The submission with one value set where the final layer takes it from. */
function applied(submission: unknown, step: WhatIfStep, value: string): unknown {
  const copy = structuredClone(submission) as Layers;
  const layer = (["appraisal", "survey", "self"] as const).find((l) => copy[l]?.[step.node]?.[step.input] !== undefined) ?? "self";
  const nodes = (copy[layer] ??= {});
  nodes[step.node] = { ...(nodes[step.node] ?? {}), [step.input]: step.input === "points" ? value : Number(value) };
  return copy;
}

function standing(rubric: Parameters<typeof rank>[0], submissions: unknown[], unitId: string): { rank: number; band?: string } {
  const row = rank(rubric, evaluateAll(rubric, submissions)).rows.find((r) => r.unit.id === unitId);
  if (row === undefined) throw new Error(`${unitId} not ranked`);
  return { rank: row.rank, ...(row.band === undefined ? {} : { band: row.band }) };
}

describe("what-if answers reach their target, and one step less does not", () => {
  for (const name of ["par-department", "par-province"]) {
    const { rubric, submissions } = example(name);
    const ids = submissions.map((s) => (s as { unit: { id: string } }).unit.id);
    const labels = rubric.bands.map((b) => b.label);
    const meets = (s: { rank: number; band?: string }, target: WhatIfTarget): boolean =>
      "rank" in target ? s.rank <= target.rank : s.band !== undefined && labels.indexOf(s.band) <= labels.indexOf(target.band);

    /** Checks the answer for one unit (by index) and target; returns how many changes it listed. */
    const check = (u: number, target: WhatIfTarget): number => {
      const unitId = ids[u]!;
      const out = whatIf(rubric, submissions, unitId, target);
      if (!out.ok) throw new Error(JSON.stringify(out.problem));
      const now = standing(rubric, submissions, unitId);
      expect(out.result.now.rank).toBe(now.rank);
      expect(out.result.reached).toBe(meets(now, target));
      const steps = out.result.steps;
      for (let k = 1; k < steps.length; k++) expect(Exact.of(steps[k - 1]!.perStep).gte(Exact.of(steps[k]!.perStep))).toBe(true);
      for (const step of steps) {
        const others = [...submissions];
        others[u] = applied(submissions[u], step, step.to);
        const after = standing(rubric, others, unitId);
        expect(meets(after, target), `${unitId} ${step.node}.${step.input} → ${step.to}`).toBe(true);
        expect(after.rank).toBe(step.rank);
        // One grid step short: not enough.
        const short = Exact.of(step.to).minus(Exact.of(step.to).minus(Exact.of(step.from)).dividedBy(Exact.int(step.steps)));
        if (step.steps > 1 || !short.eq(Exact.of(step.from))) {
          others[u] = applied(submissions[u], step, short.toString());
          expect(meets(standing(rubric, others, unitId), target), `${unitId} ${step.node}.${step.input} → ${short.toString()}`).toBe(false);
        }
      }
      return steps.length;
    };

    it(`on ${name}`, () => {
      // Cases known to list several changes (so the checks above always run), then random ones.
      if (name === "par-department") {
        expect(check(ids.indexOf("so-y-te"), { rank: 15 })).toBe(4);
        expect(check(ids.indexOf("so-giao-thong-van-tai"), { band: "Xuất sắc" })).toBe(2);
      }
      const ranks = fc.integer({ min: 1, max: ids.length }).map((rank): WhatIfTarget => ({ rank }));
      const targetArb = labels.length > 0 ? fc.oneof(ranks, fc.constantFrom(...labels).map((band): WhatIfTarget => ({ band }))) : ranks;
      fc.assert(fc.property(fc.nat({ max: ids.length - 1 }), targetArb, (u, target) => {
        check(u, target);
      }), { numRuns: name === "par-department" ? 12 : 20 });
    }, 120_000);
  }
});
