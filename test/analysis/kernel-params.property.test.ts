/**
 * The kernel's parameters against rubrics changed in the same way: a run with a
 * threshold, a weight or an N/A policy moved gives, for every unit, the figures the
 * plain path gives on a copy of the rubric with that constant changed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CompiledExpr, CompiledNode, CompiledRubric, NaPolicy } from "../../src/compile/types.js";
import { layered } from "../../src/io/layers.js";
import { zodSchemaOf } from "../../src/io/schema.js";
import { evaluateUnit } from "../../src/runtime/evaluate.js";
import { text } from "../../src/runtime/exact.js";
import { fromExact, numText, toExact } from "../../src/runtime/fast-num.js";
import { kernelOf, type KernelParams } from "../../src/runtime/kernel.js";
import { readColumns } from "../../src/runtime/kernel-columns.js";
import { Exact } from "../../src/runtime/exact.js";
import { example } from "./helpers.js";

const { rubric, submissions } = example("par-department");
const kernel = kernelOf(rubric);
const units = submissions.map((s) => layered(zodSchemaOf(rubric).parse(s)).final);
const columns = readColumns(kernel.layout, units);

/** A deep copy of the rubric with `edit` applied to every node (pre-order) and to the `site`-th numeric bands threshold. */
function changed(edit: (n: CompiledNode, slot: number) => CompiledNode, site = -1, value = ""): CompiledRubric {
  let seen = -1;
  let slot = 0;
  const expr = (e: unknown): unknown => {
    if (Array.isArray(e)) return e.map(expr);
    if (typeof e !== "object" || e === null) return e;
    const x = e as CompiledExpr;
    if (x.op === "bands") {
      return { ...x, subject: expr(x.subject), arms: x.arms.map((a) => {
        const threshold = a.threshold.op === "num" && ++seen === site ? { op: "num", value } : a.threshold.op === "num" ? a.threshold : expr(a.threshold);
        return { ...a, threshold, value: expr(a.value) };
      }), ...(x.otherwise === undefined ? {} : { otherwise: expr(x.otherwise) }) };
    }
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, expr(v)]));
  };
  const node = (n: CompiledNode): CompiledNode => {
    const mine = edit(n, slot++);
    const appliesWhen = mine.appliesWhen === undefined ? {} : { appliesWhen: expr(mine.appliesWhen) as CompiledExpr };
    const leaf = mine.leaf === undefined ? {} : { leaf: { ...mine.leaf, lets: mine.leaf.lets.map((l) => ({ ...l, expr: expr(l.expr) as CompiledExpr })), when: mine.leaf.when.map((w) => ({ ...w, cond: expr(w.cond) as CompiledExpr })), rule: mine.leaf.rule.kind === "expr" ? { kind: "expr" as const, expr: expr(mine.leaf.rule.expr) as CompiledExpr } : mine.leaf.rule } };
    return { ...mine, ...appliesWhen, ...leaf, ...(mine.children === undefined ? {} : { children: mine.children.map(node) }) };
  };
  const nodes = rubric.nodes.map(node);
  const extras = rubric.extras.map((x) => ({ ...x, leaf: { ...x.leaf, lets: x.leaf.lets.map((l) => ({ ...l, expr: expr(l.expr) as CompiledExpr })), when: x.leaf.when.map((w) => ({ ...w, cond: expr(w.cond) as CompiledExpr })), rule: x.leaf.rule.kind === "expr" ? { kind: "expr" as const, expr: expr(x.leaf.rule.expr) as CompiledExpr } : x.leaf.rule } }));
  return { ...rubric, nodes, extras, index: expr(rubric.index) as CompiledExpr };
}

function same(params: KernelParams, other: CompiledRubric): void {
  const scores = kernel.scores();
  units.forEach((unit, u) => {
    const plain = evaluateUnit(other, unit, { plain: true });
    if (!kernel.run(columns, u, params, scores)) {
      expect(plain.complete).toBe(false);
      return;
    }
    expect([numText(scores.total), numText(scores.maxTotal), numText(scores.index)]).toEqual([plain.figures!.points, plain.figures!.max, plain.figures!.index]);
  });
}

describe("kernel parameters move what the rubric's constants would", () => {
  it("a bands threshold", () => {
    expect(kernel.thresholdSites.length).toBeGreaterThan(5);
    fc.assert(fc.property(fc.nat({ max: kernel.thresholdSites.length - 1 }), fc.integer({ min: -200, max: 200 }), (site, delta) => {
      const value = toExact(kernel.defaults.thresholds[site]!).plus(Exact.fraction(BigInt(delta), 100n));
      const thresholds = [...kernel.defaults.thresholds];
      thresholds[site] = fromExact(value);
      same({ ...kernel.defaults, thresholds }, changed((n) => n, site, text(value)));
    }), { numRuns: 40 });
  });

  it("a weight under a weighted parent", () => {
    const weighted = kernel.nodes.flatMap((_, slot) => slot).filter((slot) => rubric.nodes.some(function has(n: CompiledNode): boolean { return n.aggregate === "weighted" ? (n.children ?? []).some((c) => c.id === kernel.nodes[slot]!.id) : (n.children ?? []).some(has); }));
    expect(weighted.length).toBeGreaterThan(1);
    fc.assert(fc.property(fc.constantFrom(...weighted), fc.integer({ min: 0, max: 300 }), (slot, w) => {
      const weight = Exact.fraction(BigInt(w), 100n);
      const weights = [...kernel.defaults.weights];
      weights[slot] = fromExact(weight);
      same({ ...kernel.defaults, weights }, changed((n, s) => (s === slot ? { ...n, weight: text(weight) } : n)));
    }), { numRuns: 30 });
  });

  it("every node's N/A policy", () => {
    fc.assert(fc.property(fc.constantFrom<NaPolicy>("exclude", "zero", "full"), (policy) => {
      const policies = kernel.defaults.policies.map(() => policy);
      same({ ...kernel.defaults, policies }, changed((n) => ({ ...n, naPolicy: policy })));
    }), { numRuns: 3 });
  });
});
