import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/io/evaluate.js";
import { slimOutcome } from "../../src/io/slim.js";
import { rank } from "../../src/rank/rank.js";
import { rubricOf } from "../runtime/helpers.js";

// Bands on several figures, a node sort key below the top level, groups, a penalty.
const rubric = rubricOf(`rubric "R" {
  publish precision 1 rounding half-even
  area "1" "Một" max 60 {
    item "1.1" "a" max 30 { score = given step 0.5 }
    item "1.2" "b" max 30 { score = given step 0.5 }
  }
  area "2" "Hai" max 40 { score = given step 0.5 }
  ranking { by index desc, then item "1.2" desc, then area "2" asc
    ties dense
    within group }
  bands { "A" when index >= 75 and points >= max * 70%
    "B" when index >= 40
    "C" otherwise }
}`);

const unitArb = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 80 }), fc.constantFrom("g1", "g2"), fc.boolean());

describe("slim results", () => {
  it("rank the same as the full results (every row, every unranked unit)", () => {
    fc.assert(fc.property(fc.array(unitArb, { minLength: 1, maxLength: 30 }), (units) => {
      const outcomes = units.map(([a, b, c, group, complete], i) => evaluate(rubric, {
        unit: { id: `u${(i * 7919) % 31}`, name: `Đơn vị ${i}`, group },
        self: { "1.1": { points: String(a / 2) }, ...(complete ? { "1.2": { points: String(b / 2) } } : {}), "2": { points: String(c / 2) } },
      }));
      const slim = outcomes.map((o) => slimOutcome(rubric, o));
      expect(JSON.stringify(rank(rubric, slim))).toBe(JSON.stringify(rank(rubric, outcomes)));
    }), { numRuns: 300 });
  });
});
