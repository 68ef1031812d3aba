/**
 * The semantic invariants of docs/language.md, on generated nested rubrics (every
 * aggregation, every N/A policy at every depth, caps, bonus and penalty) at 1,000 runs
 * each. The expected figures are computed here from the documented rules alone; the
 * published figures by a rounding written from each mode's definition.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CompiledNode, CompiledRubric } from "../../src/compile/types.js";
import { evaluate, type EvaluationResult, type LayeredNodeResult } from "../../src/io/evaluate.js";
import { layered } from "../../src/io/layers.js";
import { zodSchemaOf } from "../../src/io/schema.js";
import { evaluateUnit } from "../../src/runtime/evaluate.js";
import { Exact } from "../../src/runtime/exact.js";
import { plainWithoutTraces, rubricOf } from "./helpers.js";
import { allLeaves, bestAnswer, type NestedSpec, nestedSpecArb, type NestedSubmission, nestedSubmissionArb, printSpec } from "./nested.js";

const RUNS = 1000;
const X = (s: string): Exact => Exact.of(s);

const cases = nestedSpecArb.chain((spec) => fc.tuple(fc.constant(spec), nestedSubmissionArb(spec)));
const compiledOf = new Map<string, CompiledRubric>();
function compiled(spec: NestedSpec, options: Parameters<typeof printSpec>[1] = {}): CompiledRubric {
  const source = printSpec(spec, options);
  let r = compiledOf.get(source);
  if (r === undefined) {
    r = rubricOf(source);
    if (compiledOf.size > 200) compiledOf.clear();
    compiledOf.set(source, r);
  }
  return r;
}

function scored(rubric: CompiledRubric, submission: NestedSubmission): EvaluationResult {
  const out = evaluate(rubric, submission);
  if (!out.ok) throw new Error(JSON.stringify(out.issues));
  return out.result;
}

/** The aggregation of applicable children, from the table in docs/language.md. */
function expectedInner(node: CompiledNode, nodes: Readonly<Record<string, LayeredNodeResult>>): { points: Exact; max: Exact } {
  const children = node.children!;
  const live = children.filter((c) => nodes[c.id]!.applicable);
  const pts = live.map((c) => X(nodes[c.id]!.points!));
  const maxes = live.map((c) => X(nodes[c.id]!.max));
  const weights = live.map((c) => X(c.weight ?? "1"));
  const sum = (xs: Exact[]): Exact => xs.reduce((s, v) => s.plus(v), Exact.ZERO);
  const k = Exact.int(live.length);
  const declared = X(node.max);
  let points: Exact;
  let reach: Exact;
  switch (node.aggregate ?? "sum") {
    case "sum": points = sum(pts); reach = sum(maxes); break;
    case "weighted": points = sum(pts.map((p, i) => p.times(weights[i]!))); reach = sum(maxes.map((m, i) => m.times(weights[i]!))); break;
    case "mean": points = sum(pts).dividedBy(k); reach = sum(maxes).dividedBy(k); break;
    case "min": points = Exact.min(...pts); reach = Exact.min(...maxes); break;
    case "normalised": points = sum(pts.map((p, i) => p.dividedBy(maxes[i]!))).dividedBy(k).times(declared); reach = declared; break;
  }
  const reduced = live.length < children.length || live.some((c) => nodes[c.id]!.max !== X(c.max).toString());
  const max = reduced ? Exact.min(declared, reach) : declared;
  const clamped = points.isNegative() ? Exact.ZERO : points.gt(max) ? max : points;
  return { points: clamped, max };
}

/** Rounds a non-negative exact value to `precision` decimals, from each mode's definition. */
function roundByDefinition(value: Exact, precision: number, mode: string): string {
  const scaled = value.n * 10n ** BigInt(precision);
  const q = scaled / value.d; // floor, for a non-negative value
  const twiceRest = 2n * (scaled - q * value.d);
  const up = mode === "up" ? twiceRest > 0n
    : mode === "down" ? false
      : mode === "half-up" ? twiceRest >= value.d
        : mode === "half-down" ? twiceRest > value.d
          : twiceRest > value.d || (twiceRest === value.d && q % 2n === 1n);
  const digits = (q + (up ? 1n : 0n)).toString().padStart(precision + 1, "0");
  return precision === 0 ? digits : `${digits.slice(0, -precision)}.${digits.slice(-precision)}`;
}

function walk(nodes: readonly CompiledNode[], visit: (n: CompiledNode) => void): void {
  for (const n of nodes) {
    if (n.children !== undefined) walk(n.children, visit);
    visit(n);
  }
}

describe("invariants of evaluation on nested rubrics", () => {
  it("each node's applicable maximum and points follow its aggregation from its applicable children, all the way up; nothing is NaN", () => {
    fc.assert(fc.property(cases, ([spec, submission]) => {
      const rubric = compiled(spec);
      const r = scored(rubric, submission);
      expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
      // The kernel and the plain path agree on these rubrics too.
      const inputs = layered(zodSchemaOf(rubric).parse(submission)).final;
      expect(JSON.stringify(evaluateUnit(rubric, inputs))).toBe(JSON.stringify(plainWithoutTraces(rubric, inputs)));
      walk(rubric.nodes, (node) => {
        const got = r.nodes[node.id];
        if (got === undefined) return; // under an ancestor that does not apply: not evaluated
        if (got.status === "not-applicable") {
          const policy = got.naPolicy!;
          expect(got, node.id).toMatchObject(policy === "exclude" ? { applicable: false, max: "0" } : { applicable: true, max: node.max, points: policy === "full" ? node.max : "0" });
          return;
        }
        expect(got.status, node.id).toBe("scored");
        const points = X(got.points!);
        expect(points.gte(Exact.ZERO) && points.lte(X(got.max)), `${node.id}: ${got.points} of ${got.max}`).toBe(true);
        if (node.children === undefined) return;
        const expected = expectedInner(node, r.nodes);
        expect({ id: node.id, points: got.points, max: got.max }).toEqual({ id: node.id, points: expected.points.toString(), max: expected.max.toString() });
      });
    }), { numRuns: RUNS });
  });

  it("index = points / applicable max × 100; the total follows bonus, penalty and the cap; published = round(exact) by the mode's definition", () => {
    fc.assert(fc.property(cases, ([spec, submission]) => {
      const rubric = compiled(spec);
      const r = scored(rubric, submission);
      const max = rubric.nodes.reduce((s, n) => s.plus(X(r.nodes[n.id]!.max)), Exact.ZERO);
      if (max.isZero()) {
        expect(r.complete).toBe(false);
        expect(r.errors.map((e) => e.code)).toEqual(["division-by-zero"]);
        return;
      }
      expect(r.complete).toBe(true);
      const tree = rubric.nodes.reduce((s, n) => s.plus(X(r.nodes[n.id]!.points!)), Exact.ZERO);
      let points = Exact.max(Exact.ZERO, tree.plus(X(r.nodes["B"]!.points!)).minus(X(r.nodes["P"]!.points!)));
      if (!spec.exceed) points = Exact.min(points, max);
      expect({ points: r.points, max: r.max }).toEqual({ points: points.toString(), max: max.toString() });
      const index = points.dividedBy(max).times(Exact.int(100));
      expect(r.index).toBe(index.toString());
      expect(r.published).toEqual({ points: roundByDefinition(points, spec.precision, spec.mode), index: roundByDefinition(index, spec.precision, spec.mode) });
    }), { numRuns: RUNS });
  });

  it("declaring a `full` node not arising never scores lower than answering all its inputs with the best value", () => {
    fc.assert(fc.property(cases, fc.nat(), ([spec, submission], pick) => {
      const rubric = compiled(spec);
      const fullLeaves = allLeaves(spec).filter((leaf) => {
        let found: CompiledNode | undefined;
        walk(rubric.nodes, (n) => { if (n.id === leaf.id) found = n; });
        return found?.naPolicy === "full";
      });
      fc.pre(fullLeaves.length > 0);
      const leaf = fullLeaves[pick % fullLeaves.length]!;
      const declared = scored(rubric, { ...submission, notApplicable: { ...submission.notApplicable, [leaf.id]: "không phát sinh" } });
      const best = scored(rubric, { ...submission, self: { ...submission.self, [leaf.id]: bestAnswer(leaf) } });
      if (!declared.complete || !best.complete) return;
      expect(X(declared.points!).gte(X(best.points!)), `${leaf.id}: ${declared.points} < ${best.points}`).toBe(true);
      expect(X(declared.index!).gte(X(best.index!))).toBe(true);
    }), { numRuns: RUNS });
  });

  it("exact results do not depend on how a sum is ordered or grouped", () => {
    fc.assert(fc.property(cases, ([spec, submission]) => {
      const base = scored(compiled(spec), submission);
      for (const options of [{ reverse: true }, { group: true }, { reverse: true, group: true }]) {
        const other = scored(compiled(spec, options), submission);
        expect({ complete: other.complete, points: other.points, max: other.max, index: other.index, published: other.published })
          .toEqual({ complete: base.complete, points: base.points, max: base.max, index: base.index, published: base.published });
        for (const id of Object.keys(base.nodes)) {
          expect({ id, points: other.nodes[id]!.points, max: other.nodes[id]!.max }).toEqual({ id, points: base.nodes[id]!.points, max: base.nodes[id]!.max });
        }
      }
    }), { numRuns: RUNS });
  });
});
