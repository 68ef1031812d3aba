/**
 * Percentile groups: for any cohort (ties common), the group of every unit — and so
 * every group's size — is what a straightforward reference written here gives: bigint
 * fractions, the textbook formulas of nearest rank, PERCENTILE.INC and PERCENTILE.EXC,
 * no code shared with `src/rank/percentile.ts`. Ranking through the real compile,
 * evaluate and rank; any input order gives the same groups.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, type EvaluateOutcome } from "../../src/io/evaluate.js";
import { rank } from "../../src/rank/rank.js";
import { rubricOf } from "../runtime/helpers.js";

type Method = "nearest" | "inc" | "exc";
/** A group: `from` (≥) or `above` (>) percentile p (p in tenths: 755 = 75.5). */
interface Cut { readonly tenths: number; readonly from: boolean }

const label = (i: number): string => `G${i + 1}`;

function rubricFor(method: Method, cuts: readonly Cut[], withinGroup: boolean): ReturnType<typeof rubricOf> {
  const bands = cuts.map((c, i) => `    "${label(i)}" ${c.from ? "from" : "above"} percentile ${c.tenths / 10}`).join("\n");
  return rubricOf(`rubric "R" {
  index = points
  area "1" "Một" max 100 { score = given step 0.25 }
  ranking {
    on exact${withinGroup ? "\n    within group" : ""}
  }
  bands by percentile ${method} {
${bands}
    "Rest" otherwise
  }
}`);
}

/** A fraction n/d, d > 0. */
interface Q { readonly n: bigint; readonly d: bigint }
const cmpQ = (a: Q, b: Q): number => { const l = a.n * b.d; const r = b.n * a.d; return l < r ? -1 : l > r ? 1 : 0; };

/** The reference: the p-th percentile of sorted quarters (values × 4), as a fraction of quarters. */
function referencePercentile(sortedQuarters: readonly bigint[], tenths: number, method: Method): Q {
  const n = BigInt(sortedQuarters.length);
  const x = (k: bigint): bigint => sortedQuarters[Number(k < 1n ? 1n : k > n ? n : k) - 1]!;
  const p = BigInt(tenths); // share = p / 1000
  if (method === "nearest") {
    const k = (p * n + 999n) / 1000n; // ⌈p·n/1000⌉
    return { n: x(k < 1n ? 1n : k), d: 1n };
  }
  // h = hn / 1000
  const hn = method === "inc" ? p * (n - 1n) + 1000n : p * (n + 1n);
  const k = hn / 1000n;
  if (k < 1n) return { n: x(1n), d: 1n };
  if (k >= n) return { n: x(n), d: 1n };
  const frac = hn - k * 1000n; // (h − k) · 1000
  return { n: x(k) * 1000n + frac * (x(k + 1n) - x(k)), d: 1000n };
}

function referenceGroups(valuesQuarters: readonly bigint[], method: Method, cuts: readonly Cut[]): string[] {
  const sorted = [...valuesQuarters].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const cutValues = cuts.map((c) => referencePercentile(sorted, c.tenths, method));
  return valuesQuarters.map((v) => {
    for (let i = 0; i < cuts.length; i++) {
      const c = cmpQ({ n: v, d: 1n }, cutValues[i]!);
      if (cuts[i]!.from ? c >= 0 : c > 0) return label(i);
    }
    return "Rest";
  });
}

// Cut-offs descending, strictly (a later band at an equal or higher percentile could never be reached).
const cutsArb = fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 4 })
  .chain((ps) => fc.tuple(...[...ps].sort((a, b) => b - a).map((tenths) => fc.boolean().map((from): Cut => ({ tenths, from })))));
// Few distinct values (quarters of 0..40), so ties at cut-offs are common.
const cohortArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.constantFrom("a", "b")), { minLength: 1, maxLength: 40 });

function outcomes(rubric: ReturnType<typeof rubricOf>, cohort: readonly (readonly [number, string])[], order: readonly number[]): EvaluateOutcome[] {
  return order.map((i) => evaluate(rubric, { unit: { id: `u${String(i).padStart(3, "0")}`, group: cohort[i]![1] }, self: { "1": { points: String(cohort[i]![0] / 4) } } }));
}

describe("percentile groups", () => {
  it("place every unit as the reference does, whatever the method, cut-offs, ties and grouping", () => {
    fc.assert(fc.property(cohortArb, fc.constantFrom<Method>("nearest", "inc", "exc"), cutsArb, fc.boolean(), (cohort, method, cuts, within) => {
      const rubric = rubricFor(method, cuts, within);
      const rows = rank(rubric, outcomes(rubric, cohort, cohort.map((_, i) => i))).rows;
      expect(rows.length).toBe(cohort.length);
      const groups = within ? ["a", "b"] : [undefined];
      for (const g of groups) {
        const members = cohort.map((c, i) => ({ c, i })).filter(({ c }) => g === undefined || c[1] === g);
        const expected = referenceGroups(members.map(({ c }) => BigInt(c[0])), method, cuts);
        members.forEach(({ i }, k) => expect(rows.find((r) => r.unit.id === `u${String(i).padStart(3, "0")}`)!.band).toBe(expected[k]));
      }
    }), { numRuns: 300 });
  });

  it("do not depend on the order units come in, and equal indices share a group", () => {
    fc.assert(fc.property(cohortArb.chain((c) => fc.tuple(fc.constant(c), fc.shuffledSubarray(c.map((_, i) => i), { minLength: c.length, maxLength: c.length }))), fc.constantFrom<Method>("nearest", "inc", "exc"), cutsArb, ([cohort, order], method, cuts) => {
      const rubric = rubricFor(method, cuts, false);
      const inOrder = rank(rubric, outcomes(rubric, cohort, cohort.map((_, i) => i)));
      const shuffled = rank(rubric, outcomes(rubric, cohort, order));
      expect(JSON.stringify(shuffled)).toBe(JSON.stringify(inOrder));
      const byIndex = new Map<string, string | undefined>();
      for (const r of inOrder.rows) {
        if (byIndex.has(r.index)) expect(r.band).toBe(byIndex.get(r.index));
        byIndex.set(r.index, r.band);
      }
    }), { numRuns: 200 });
  });
});
