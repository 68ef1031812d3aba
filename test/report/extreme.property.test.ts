/**
 * Property: inputs from 1e-40 to 1e40, and the range's limits ± 1, go through
 * evaluate → rank → every report format with no internal error; every published
 * figure re-parses to the exact value rounded as the rubric says; each unit outside
 * the range is refused on its own. Ranking goes through the CLI's per-unit safety net;
 * once the runtime ranks extreme values itself (probed below), no unit may need it.
 */
import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankSafely } from "../../src/cli/rank-safely.js";
import { compile } from "../../src/compile/compile.js";
import { withinNumberBounds } from "../../src/compile/number-bounds.js";
import { evaluate, type EvaluateOutcome } from "../../src/io/evaluate.js";
import { rank } from "../../src/rank/rank.js";
import { renderUnitDetail } from "../../src/report/detail.js";
import { renderRankingHtml } from "../../src/report/html.js";
import { renderRanking } from "../../src/report/render.js";

const compiled = compile(`rubric "Extremes" {
  id "extremes"
  publish precision 2 rounding half-up
  area "1" "One" max 1${"0".repeat(45)} {
    item "1.1" "Value" max 1${"0".repeat(45)} {
      input x: number
      unclamped
      score = x
    }
  }
}
`);
if (!compiled.ok) throw new Error("the property's rubric does not compile");
const rubric = compiled.rubric;
const D = Decimal.clone({ precision: 200, toExpNeg: -1e9, toExpPos: 1e9 });

const unit = (id: string, x: string): unknown => ({ unit: { id }, self: { "1.1": { x } } });

/** A decimal string from 1e-40 to 1e40: up to 20 significant digits at any exponent in the range. */
const magnitude = fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 20n - 1n }), fc.integer({ min: -40, max: 40 })).map(([digits, exp]) => {
  const text = digits.toString();
  return new D(`${text}e${exp - (text.length - 1)}`).toFixed();
});
/** The range's limits and one digit past each: in, out, in, out, in. */
const LIMITS = ["9".repeat(50), "1" + "0".repeat(50), `0.${"0".repeat(49)}1`, `0.${"0".repeat(50)}1`, `${"9".repeat(50)}.${"9".repeat(50)}`];
const LIMIT_IN = [true, false, true, false, true];

/** Does the runtime rank a unit with an extreme figure without the safety net? */
const runtimeRanksExtremes = ((): boolean => {
  try {
    rank(rubric, [evaluate(rubric, unit("probe", "0.000000000000000000001"))]);
    return true;
  } catch {
    return false;
  }
})();

function expectPublished(exact: string, published: string): void {
  expect(published).toMatch(/^-?\d+\.\d{2}$/);
  expect(new D(published).eq(new D(exact).toDecimalPlaces(2, Decimal.ROUND_HALF_UP))).toBe(true);
}

describe("extreme magnitudes through every report", () => {
  it("complete with no internal error; published figures are the exact ones rounded", () => {
    fc.assert(fc.property(fc.array(fc.oneof(magnitude, fc.constantFrom(...LIMITS)), { minLength: 1, maxLength: 6 }), (values) => {
      const outcomes: EvaluateOutcome[] = values.map((x, i) => evaluate(rubric, unit(`u${i}`, x)));
      outcomes.forEach((o, i) => {
        const limit = LIMITS.indexOf(values[i]!);
        const inRange = limit >= 0 ? LIMIT_IN[limit]! : withinNumberBounds(values[i]!);
        expect(o.ok, `${values[i]} is ${inRange ? "in" : "out of"} range`).toBe(inRange);
        if (!o.ok) expect(o.issues[0]!.message).toContain("at most 50 digits before the decimal point and 50 after it");
      });
      const ranking = rankSafely(rubric, outcomes, {}, "en");
      const texts = [
        ...(["text", "md", "csv", "json"] as const).map((f) => renderRanking(ranking, f, "en", rubric.meta.title)),
        renderRankingHtml(ranking, rubric, "vi"),
      ];
      for (const o of outcomes) if (o.ok) for (const f of ["text", "md", "csv", "json", "html"] as const) texts.push(renderUnitDetail(o.result, rubric, f, "vi"));
      for (const t of texts) expect(t).not.toMatch(/internal error|NaN|Infinity/);
      for (const row of ranking.rows) {
        expectPublished(row.points, row.published.points);
        expectPublished(row.index, row.published.index);
      }
      const faults = ranking.unranked.filter((u) => u.reason.includes("rubric-lang failed on this unit"));
      if (runtimeRanksExtremes) expect(faults).toEqual([]);
      const valid = outcomes.filter((o) => o.ok).length;
      expect(ranking.rows.length + faults.length).toBe(valid);
    }), { numRuns: 60 });
  });
});
