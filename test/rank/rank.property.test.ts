import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, type EvaluateOutcome } from "../../src/io/evaluate.js";
import { rank } from "../../src/rank/rank.js";
import { Exact } from "../../src/runtime/exact.js";
import { rubricOf } from "../runtime/helpers.js";

const rubric = rubricOf('rubric "R" { area "1" "Một" max 60 { score = given step 0.5 }\n area "2" "Hai" max 40 { score = given step 0.5 }\n ranking { by index desc, then area "1" desc } }');

// Few distinct values, so ties are common.
const tableArb = fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 4 })), { selector: (t) => t[0], minLength: 1, maxLength: 25 })
  .map((rows) => rows.map(([id, a, b]): EvaluateOutcome => evaluate(rubric, { unit: { id }, self: { "1": { points: String(a * 5) }, "2": { points: String(b * 5) } } })));

const policies = ["shared", "dense", "ordinal"] as const;

describe("ranking properties", () => {
  it("is invariant under any permutation of the input", () => {
    fc.assert(fc.property(tableArb.chain((t) => fc.tuple(fc.constant(t), fc.shuffledSubarray(t, { minLength: t.length, maxLength: t.length }))), fc.constantFrom(...policies), ([table, shuffled], ties) => {
      expect(JSON.stringify(rank(rubric, shuffled, { ties }))).toBe(JSON.stringify(rank(rubric, table, { ties })));
    }), { numRuns: 1000 });
  });

  it("ordinal ranks are exactly 1..n; shared = 1 + units strictly ahead; dense ranks are consecutive", () => {
    fc.assert(fc.property(tableArb, (table) => {
      const ordinal = rank(rubric, table, { ties: "ordinal" }).rows;
      expect(ordinal.map((r) => r.rank)).toEqual(ordinal.map((_, i) => i + 1));
      const shared = rank(rubric, table, { ties: "shared" }).rows;
      const key = (r: (typeof shared)[number]): string => `${r.published.index}|${r.areas["1"]}`;
      for (const r of shared) {
        const ahead = shared.filter((x) => Exact.of(x.index).gt(Exact.of(r.index)) || (Exact.of(x.index).eq(Exact.of(r.index)) && Exact.of(x.areas["1"]!).gt(Exact.of(r.areas["1"]!)))).length;
        expect(r.rank).toBe(1 + ahead);
        expect(r.tiedWith.length).toBe(shared.filter((x) => key(x) === key(r)).length - 1);
      }
      const dense = rank(rubric, table, { ties: "dense" }).rows.map((r) => r.rank);
      expect([...new Set(dense)]).toEqual(Array.from({ length: new Set(dense).size }, (_, i) => i + 1));
    }), { numRuns: 1000 });
  });

  it("a unit with a strictly higher first key never ranks below one with a lower first key", () => {
    fc.assert(fc.property(tableArb, fc.constantFrom(...policies), (table, ties) => {
      const rows = rank(rubric, table, { ties }).rows;
      for (const a of rows) for (const b of rows) if (Exact.of(a.index).gt(Exact.of(b.index))) expect(a.rank).toBeLessThan(b.rank);
    }), { numRuns: 1000 });
  });
});
