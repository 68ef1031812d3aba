import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Exact } from "../../src/runtime/exact.js";
import { evaluateUnit } from "../../src/runtime/evaluate.js";
import type { UnitInputs } from "../../src/runtime/result.js";
import type { Value } from "../../src/runtime/values.js";
import { declValue, leaves } from "./arbitraries.js";
import { rubricOf } from "./helpers.js";

const rubric = rubricOf(readFileSync(join(import.meta.dirname, "../../examples/par-department/rubric.rubric"), "utf8"));

const unitArb: fc.Arbitrary<UnitInputs> = fc
  .tuple(
    fc.constantFrom("so_co_tthc", "so_khong_tthc"),
    fc.tuple(...leaves(rubric.nodes).map((leaf) => fc.tuple(
      fc.constant(leaf.id),
      fc.tuple(...(leaf.leaf?.inputs ?? []).map(declValue)),
      leaf.leaf?.rule.kind === "given" ? fc.integer({ min: 0, max: Number(leaf.max) * 4 }).map((n) => String(n / 4)) : fc.constant(undefined),
      fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant("không phát sinh") }),
    ))),
    fc.tuple(...rubric.extras.map((e) => fc.tuple(fc.constant(e.id), fc.tuple(...e.leaf.inputs.map(declValue))))),
  )
  .map(([kind, nodes, extras]) => ({
    unit: { id: "u" },
    facts: new Map<string, Value>([["kind", { kind: "enum", value: kind }]]),
    nodes: new Map([
      ...nodes.map(([id, inputs, points, na]) => [id, { inputs: new Map(inputs), ...(points === undefined ? {} : { points }), ...(na === undefined ? {} : { notApplicable: na }) }] as const),
      ...extras.map(([id, inputs]) => [id, { inputs: new Map(inputs) }] as const),
    ]),
  }));

describe("evaluation properties on the department rubric", () => {
  it("every node stays within [0, its applicable max]; sum parents equal their children; complete units have an index in [0, 100]", () => {
    fc.assert(fc.property(unitArb, (unit) => {
      const result = evaluateUnit(rubric, unit);
      expect(result.complete, JSON.stringify(result.errors)).toBe(true);
      const byId = new Map(result.nodes.map((n) => [n.id, n]));
      for (const n of result.nodes) {
        const points = Exact.of(n.points!);
        expect(points.gte(Exact.ZERO) && points.lte(Exact.of(n.max)), `${n.id}: ${n.points} of ${n.max}`).toBe(true);
      }
      const stack = [...rubric.nodes];
      while (stack.length > 0) {
        const node = stack.pop()!;
        const children = node.children ?? [];
        stack.push(...children);
        const parent = byId.get(node.id);
        if (parent?.status !== "scored" || children.length === 0 || (node.aggregate ?? "sum") !== "sum") continue;
        const total = children.reduce((s, c) => s.plus(Exact.of(byId.get(c.id)?.points ?? "0")), Exact.ZERO);
        expect(Exact.of(parent.points!).eq(Exact.min(total, Exact.of(parent.max))), node.id).toBe(true);
      }
      const index = Exact.of(result.figures!.index);
      expect(index.gte(Exact.ZERO) && index.lte(Exact.int(100)), JSON.stringify(result.figures)).toBe(true);
    }), { numRuns: 500 });
  });

  it("is deterministic: the same unit gives byte-identical results", () => {
    fc.assert(fc.property(unitArb, (unit) => {
      expect(JSON.stringify(evaluateUnit(rubric, unit))).toBe(JSON.stringify(evaluateUnit(rubric, unit)));
    }), { numRuns: 200 });
  });
});
