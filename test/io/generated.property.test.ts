/**
 * Properties over generated rubrics and submissions: random trees with every
 * aggregation and monotone leaf rules, random valid submissions derived from them.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CompiledNode, CompiledRubric } from "../../src/compile/types.js";
import { evaluate, type EvaluationResult } from "../../src/io/evaluate.js";
import { Exact } from "../../src/runtime/exact.js";
import { caseArb, compiled } from "./generated.js";

function result(rubric: CompiledRubric, submission: unknown): EvaluationResult {
  const out = evaluate(rubric, submission);
  if (!out.ok) throw new Error(JSON.stringify(out.issues));
  return out.result;
}

function aggregate(node: CompiledNode, points: (id: string) => Exact): Exact {
  const children = node.children!;
  const values = children.map((c) => points(c.id));
  switch (node.aggregate) {
    case "mean": return values.reduce((s, v) => s.plus(v), Exact.ZERO).dividedBy(Exact.int(values.length));
    case "min": return Exact.min(...values);
    case "normalised": return children.reduce((s, c, i) => s.plus(values[i]!.dividedBy(Exact.of(c.max))), Exact.ZERO).dividedBy(Exact.int(children.length)).times(Exact.of(node.max));
    default: return values.reduce((s, v) => s.plus(v), Exact.ZERO);
  }
}

describe("evaluation over generated rubrics", () => {
  it("every node within [0, max]; every parent the aggregation of its children", () => {
    fc.assert(fc.property(caseArb, ([spec, submission]) => {
      const rubric = compiled(spec);
      const r = result(rubric, submission);
      expect(r.complete).toBe(true);
      const byId = new Map(Object.entries(r.nodes));
      for (const n of Object.values(r.nodes)) expect(Exact.of(n.points!).gte(Exact.ZERO) && Exact.of(n.points!).lte(Exact.of(n.max)), n.id).toBe(true);
      for (const area of rubric.nodes) {
        const expected = Exact.min(aggregate(area, (id) => Exact.of(byId.get(id)!.points!)), Exact.of(area.max));
        expect(byId.get(area.id)!.points, area.id).toBe(expected.toString());
      }
    }), { numRuns: 1000 });
  });

  it("is deterministic and independent of key order in the submission", () => {
    fc.assert(fc.property(caseArb, ([spec, submission]) => {
      const rubric = compiled(spec);
      const reversed = { self: Object.fromEntries(Object.entries(submission.self).reverse().map(([k, v]) => [k, Object.fromEntries(Object.entries(v).reverse())])), unit: submission.unit };
      expect(JSON.stringify(result(rubric, reversed))).toBe(JSON.stringify(result(rubric, submission)));
    }), { numRuns: 1000 });
  });

  it("raising the input of a monotone rule never lowers its points", () => {
    fc.assert(fc.property(caseArb, fc.nat({ max: 20 }), ([spec, submission], raise) => {
      const rubric = compiled(spec);
      const before = result(rubric, submission);
      const raised = JSON.parse(JSON.stringify(submission)) as typeof submission;
      for (const leaf of spec.leaves) {
        const values = raised.self[leaf.id] as { a?: number };
        if ((leaf.kind === "prop" || leaf.kind === "bands") && values.a !== undefined) values.a += raise;
      }
      const after = result(rubric, raised);
      for (const leaf of spec.leaves.filter((l) => l.kind === "prop" || l.kind === "bands")) {
        const [b, a] = [before, after].map((r) => Exact.of(r.nodes[leaf.id]!.points!));
        expect(a!.gte(b!), leaf.id).toBe(true);
      }
    }), { numRuns: 1000 });
  });

  it("the schema accepts every generated valid submission and rejects each broken one with its path", () => {
    const breakers = [
      (v: Record<string, unknown>) => ({ key: Object.keys(v)[0]!, value: -1 }),
      (v: Record<string, unknown>) => ({ key: Object.keys(v)[0]!, value: "1,5" }),
      () => ({ key: "unknown_input", value: 1 }),
    ];
    fc.assert(fc.property(caseArb, fc.nat(), fc.constantFrom(...breakers), ([spec, submission], pick, breaker) => {
      const rubric = compiled(spec);
      expect(evaluate(rubric, submission).ok).toBe(true);
      const leaf = spec.leaves[pick % spec.leaves.length]!;
      const broken = JSON.parse(JSON.stringify(submission)) as { self: Record<string, Record<string, unknown>> };
      const { key, value } = breaker(broken.self[leaf.id]!);
      broken.self[leaf.id]![key] = value;
      const out = evaluate(rubric, broken);
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.issues.some((i) => i.path[0] === "self" && i.path[1] === leaf.id), JSON.stringify(out.issues)).toBe(true);
    }), { numRuns: 1000 });
  });
});
