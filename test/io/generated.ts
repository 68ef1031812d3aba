/**
 * fast-check generators of valid rubrics and submissions: random trees with every
 * aggregation and monotone leaf rules, random valid submissions derived from them.
 * Shared by the io properties and the fast/plain equivalence properties.
 */
import fc from "fast-check";
import { compile } from "../../src/compile/compile.js";
import type { CompiledRubric } from "../../src/compile/types.js";

/** A generated rubric: its source and its leaves. */
export interface Spec { readonly source: string; readonly leaves: readonly { id: string; kind: "prop" | "bands" | "deduct" | "given"; max: number }[] }

const RULES = {
  prop: (max: number) => `input a: count, t: count\n when t == 0: full\n score = max * min(a, t) / t`,
  bands: () => `input a: count, t: count in 1..50\n score = bands a / t { >= 100%: max; >= 50%: max / 2; else: 0 }`,
  deduct: () => `input a: count\n score = max - 0.5 * a`,
  given: () => `score = given step 0.5`,
} as const;

/** A random valid rubric: maxima consistent for each aggregation. */
export const specArb: fc.Arbitrary<Spec> = fc
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

/** Compiles a generated rubric (which must compile). */
export function compiled(spec: Spec): CompiledRubric {
  const r = compile(spec.source);
  if (!r.ok) throw new Error(`${spec.source}\n${JSON.stringify(r.diagnostics.filter((d) => d.severity === "error"))}`);
  return r.rubric;
}

/** Random valid submissions (self layer) for a generated rubric. */
export const submissionArb = (spec: Spec) =>
  fc.tuple(...spec.leaves.map((leaf) => fc.tuple(fc.nat({ max: 60 }), fc.integer({ min: 1, max: 50 }), fc.nat({ max: leaf.max * 2 }))))
    .map((values) => ({
      unit: { id: "u" },
      self: Object.fromEntries(spec.leaves.map((leaf, i) => {
        const [a, t, halves] = values[i]!;
        return [leaf.id, leaf.kind === "given" ? { points: String(halves / 2) } : leaf.kind === "deduct" ? { a } : { a, t }];
      })),
    }));

/** A generated rubric with one of its submissions. */
export const caseArb = specArb.chain((spec) => fc.tuple(fc.constant(spec), submissionArb(spec)));
