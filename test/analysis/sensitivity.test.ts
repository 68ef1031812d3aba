/**
 * Sensitivity analysis on the department example (bands, a weighted area, appraisal
 * corrections): with every factor's range set to zero every sample gives every unit
 * its nominal rank and band; samples depend only on the seed and their number; the
 * first-order index picks out the factor that moves ranks; plans that do not fit the
 * rubric say why.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prepareSensitivity, runSamples, sensitivity, summarise } from "../../src/analysis/sensitivity.js";
import { readPlan } from "../../src/analysis/plan.js";
import { sampler } from "../../src/analysis/sampling.js";
import { example } from "./helpers.js";

const { rubric, submissions } = example("par-department");

/** Every kind of factor, each with its range set to zero at the rubric's own value. */
const ZERO_RANGE = [
  { kind: "weight", node: "1", min: "1", max: "1" },
  { kind: "weight", node: "5", min: "1", max: "1" },
  { kind: "threshold", node: "6.1", arm: 1, min: "95%", max: "95%" },
  { kind: "band", band: "Tốt", min: "80", max: "80" },
  { kind: "na-policy", choices: ["as-declared"] },
  { kind: "appraisal", min: "1", max: "1" },
];

describe("sensitivity", () => {
  it("reads the department plan factors", () => {
    const plan = readPlan(rubric, { factors: ZERO_RANGE });
    expect(plan.ok, JSON.stringify(plan)).toBe(true);
  });

  it("with every factor's range at zero, every unit keeps its nominal rank and band in every sample", () => {
    fc.assert(fc.property(fc.subarray(ZERO_RANGE, { minLength: 1 }), fc.nat(), fc.constantFrom("quasi", "uniform"), (factors, seed, sampling) => {
      const prepared = prepareSensitivity(rubric, submissions, { factors, samples: 20, seed, sampling });
      if (!prepared.ok) throw new Error(prepared.problems.join("; "));
      const { run } = prepared;
      const out = runSamples(run, 0, 20);
      const n = run.units.units.length;
      const labels = rubric.bands.map((b) => b.label);
      for (const row of run.nominal.rows) {
        const u = run.units.units.findIndex((x) => x.id === row.unit.id);
        for (let s = 0; s < 20; s++) {
          expect(out.ranks[s * n + u]).toBe(row.rank);
          expect(labels[out.bands[s * n + u]!]).toBe(row.band);
        }
      }
      const result = summarise(run, [out]);
      for (const u of result.units) expect([u.median, u.p5, u.p95, u.unscored]).toEqual([u.nominalRank, u.nominalRank, u.nominalRank, 0]);
      expect(result.meanShift).toBe("0.000");
      expect(result.factors.every((f) => f.firstOrder === undefined)).toBe(true);
    }), { numRuns: 12 });
  });

  it("gives the same bytes for the same seed, however the samples are split", () => {
    const plan = { factors: [{ kind: "weight", node: "2", min: "0.5", max: "1.5" }, { kind: "appraisal", min: "0", max: "1", step: "0.25" }, { kind: "band", band: "Tốt", min: "75", max: "85", step: "0.5" }], samples: 60, seed: 7 };
    const whole = sensitivity(rubric, submissions, plan);
    const again = sensitivity(rubric, submissions, plan);
    expect(JSON.stringify(again)).toBe(JSON.stringify(whole));
    const prepared = prepareSensitivity(rubric, submissions, plan);
    if (!prepared.ok) throw new Error("plan");
    const parts = [runSamples(prepared.run, 37, 23), runSamples(prepared.run, 0, 10), runSamples(prepared.run, 10, 27)];
    expect(JSON.stringify({ ok: true, result: summarise(prepared.run, parts) })).toBe(JSON.stringify(whole));
    const other = sensitivity(rubric, submissions, { ...plan, seed: 8 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(whole));
  });

  it("finds the factor that moves ranks: the first-order index of the N/A policy beats a weight that does nothing", () => {
    const out = sensitivity(rubric, submissions, { factors: [{ kind: "na-policy", choices: ["as-declared", "exclude", "zero", "full"] }, { kind: "weight", node: "3", min: "1", max: "1" }], samples: 200 });
    if (!out.ok) throw new Error(out.problems.join("; "));
    const [policy, weight] = out.result.factors;
    expect(Number(policy!.firstOrder)).toBeGreaterThan(0.9);
    expect(Number(weight!.firstOrder)).toBeLessThan(0.2);
    expect(out.result.units.some((u) => u.p5 !== u.p95)).toBe(true);
  });

  it("samples levels within range, the quasi-random ones evenly", () => {
    const counts = [2, 3, 1001, 1];
    for (const kind of ["quasi", "uniform"] as const) {
      const draw = sampler(counts, kind, 99);
      const level = new Int32Array(counts.length);
      const seen = counts.map(() => new Set<number>());
      for (let i = 0; i < 600; i++) {
        draw.levels(i, level);
        counts.forEach((c, d) => {
          expect(level[d]).toBeGreaterThanOrEqual(0);
          expect(level[d]).toBeLessThan(c);
          seen[d]!.add(level[d]!);
        });
      }
      expect(seen[0]!.size).toBe(2);
      expect(seen[1]!.size).toBe(3);
      if (kind === "quasi") {
        // Halton in base 2: the first 2^k points fall in each half alike.
        const halves = [0, 0];
        for (let i = 0; i < 512; i++) { draw.levels(i, level); halves[level[0]!]!++; }
        expect(halves).toEqual([256, 256]);
      }
    }
  });

  it("says what is wrong with a plan that does not fit the rubric", () => {
    const bad = readPlan(rubric, { factors: [
      { kind: "weight", node: "9.9", min: "0.8", max: "1.2" },
      { kind: "weight", node: "1.1", min: "0.8", max: "1.2" },
      { kind: "threshold", node: "6.1", arm: 9, min: "1", max: "2" },
      { kind: "band", band: "Siêu", min: "1", max: "2" },
      { kind: "weight", node: "1", min: "0.8", max: "1.2", step: "0.3" },
      { kind: "appraisal", min: "0", max: "2" },
      { kind: "colour" },
    ], samples: 0 });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems).toEqual([
      'factor 1: the rubric has no node "9.9"',
      'factor 2: the weight of "1.1" cannot vary: it is neither a top-level area nor a child of a node with "aggregate weighted"',
      'factor 3: "6.1" has no bands arm 9 with a number as threshold (arms with one: 1, 2, 3)',
      'factor 4: the rubric has no band "Siêu" (bands: Xuất sắc, Tốt, Khá, Trung bình, Yếu)',
      "factor 5: the range 0.8…1.2 is not a whole number of steps of 0.3; choose a step that divides it",
      "factor 6: the scale of appraisal corrections runs from 0 (self-assessment) to 1 (appraised values)",
      'factor 7: "kind" must be one of weight, threshold, band, na-policy, appraisal',
      '"samples" must be a whole number from 1 to 10000000',
    ]);
    expect(sensitivity(rubric, submissions, "not a plan")).toEqual({ ok: false, problems: ['the plan must be an object with a "factors" list, e.g. {"factors": [{"kind": "weight", "node": "1", "min": "0.8", "max": "1.2"}]}'] });
  });
});
