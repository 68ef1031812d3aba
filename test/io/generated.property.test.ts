/**
 * Properties over generated rubrics and submissions: random trees with every
 * aggregation and monotone leaf rules, random valid submissions derived from them.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/compile.js";
import type { CompiledNode, CompiledRubric } from "../../src/compile/types.js";
import { evaluate, type EvaluationResult } from "../../src/io/evaluate.js";
import { Exact } from "../../src/runtime/decimal.js";

interface Spec { readonly source: string; readonly leaves: readonly { id: string; kind: "prop" | "bands" | "deduct" | "given"; max: number }[] }

const RULES = {
  prop: (max: number) => `input a: count, t: count\n when t == 0: full\n score = max * min(a, t) / t`,
  bands: () => `input a: count, t: count in 1..50\n score = bands a / t { >= 100%: max; >= 50%: max / 2; else: 0 }`,
  deduct: () => `input a: count\n score = max - 0.5 * a`,
  given: () => `score = given step 0.5`,
} as const;

/** A random valid rubric: maxima consistent for each aggregation. */
const specArb: fc.Arbitrary<Spec> = fc
  .array(fc.tuple(fc.constantFrom("sum", "weighted", "mean", "min", "normalised"), fc.array(fc.tuple(fc.constantFrom("prop", "bands", "deduct", "given"), fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 3 })
  .map((areas) => {
    const leaves: Spec["leaves"][number][] = [];
    const blocks = areas.map(([method, items], i) => {
      const same = method === "mean" || method === "min";
      const maxes = items.map(([, m]) => (same ? items[0]![1] * 2 : m * 2));
      const areaMax = method === "sum" || method === "weighted" ? maxes.reduce((s, m) => s + m, 0) : method === "normalised" ? 10 : maxes[0]!;
      const children = items.map(([kind, ], j) => {
        const id = `${i + 1}.${j + 1}`;
        leaves.push({ id, kind, max: maxes[j]! });
        return `  item "${id}" "Mục ${id}" max ${maxes[j]}${method === "weighted" ? " weight 1" : ""} {\n ${RULES[kind](maxes[j]!)}\n  }`;
      });
      return `area "${i + 1}" "Lĩnh vực ${i + 1}" max ${areaMax} {\n aggregate ${method}\n${children.join("\n")}\n}`;
    });
    return { source: `rubric "G" {\n${blocks.join("\n")}\n}`, leaves };
  });

function compiled(spec: Spec): CompiledRubric {
  const r = compile(spec.source);
  if (!r.ok) throw new Error(`${spec.source}\n${JSON.stringify(r.diagnostics.filter((d) => d.severity === "error"))}`);
  return r.rubric;
}

const submissionArb = (spec: Spec) =>
  fc.tuple(...spec.leaves.map((leaf) => fc.tuple(fc.nat({ max: 60 }), fc.integer({ min: 1, max: 50 }), fc.nat({ max: leaf.max * 2 }))))
    .map((values) => ({
      unit: { id: "u" },
      self: Object.fromEntries(spec.leaves.map((leaf, i) => {
        const [a, t, halves] = values[i]!;
        return [leaf.id, leaf.kind === "given" ? { points: String(halves / 2) } : leaf.kind === "deduct" ? { a } : { a, t }];
      })),
    }));

const caseArb = specArb.chain((spec) => fc.tuple(fc.constant(spec), submissionArb(spec)));

function result(rubric: CompiledRubric, submission: unknown): EvaluationResult {
  const out = evaluate(rubric, submission);
  if (!out.ok) throw new Error(JSON.stringify(out.issues));
  return out.result;
}

function aggregate(node: CompiledNode, points: (id: string) => Exact): Exact {
  const children = node.children!;
  const values = children.map((c) => points(c.id));
  switch (node.aggregate) {
    case "mean": return values.reduce((s, v) => s.plus(v), new Exact(0)).dividedBy(values.length);
    case "min": return Exact.min(...values);
    case "normalised": return children.reduce((s, c, i) => s.plus(values[i]!.dividedBy(c.max)), new Exact(0)).dividedBy(children.length).times(node.max);
    default: return values.reduce((s, v) => s.plus(v), new Exact(0));
  }
}

describe("evaluation over generated rubrics", () => {
  it("every node within [0, max]; every parent the aggregation of its children", () => {
    fc.assert(fc.property(caseArb, ([spec, submission]) => {
      const rubric = compiled(spec);
      const r = result(rubric, submission);
      expect(r.complete).toBe(true);
      const byId = new Map(Object.entries(r.nodes));
      for (const n of Object.values(r.nodes)) expect(new Exact(n.points!).gte(0) && new Exact(n.points!).lte(n.max), n.id).toBe(true);
      for (const area of rubric.nodes) {
        const expected = Exact.min(aggregate(area, (id) => new Exact(byId.get(id)!.points!)), area.max);
        expect(byId.get(area.id)!.points, area.id).toBe(expected.isZero() ? "0" : expected.toFixed());
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
        const [b, a] = [before, after].map((r) => new Exact(r.nodes[leaf.id]!.points!));
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
