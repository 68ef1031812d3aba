/**
 * Cohort figures at run time, on real compiled rubrics and submissions: exact figures
 * (max, min, the mean as a fraction, the mid-rank percentile, rescaling), the stages
 * (an index figure over rule results), cohorts per group, what joins a cohort (not an
 * ineligible, incomplete or repeated unit), the errors that are never a silent 0, a
 * single unit told to use the batch API, and the ineligible unit in every report format.
 */
import { describe, expect, it } from "vitest";
import { evaluate, evaluateAll, type EvaluateOutcome, type EvaluationResult } from "../../src/io/evaluate.js";
import { rank } from "../../src/rank/rank.js";
import { renderRankingHtml } from "../../src/report/html.js";
import { renderRanking } from "../../src/report/render.js";
import { traceText } from "../../src/report/trace-text.js";
import { rubricOf } from "./helpers.js";

const rubric = (rule: string, extra = ""): ReturnType<typeof rubricOf> =>
  rubricOf(`rubric "R" {\n  unit {\n    du: bool\n  }\n  area "1" "A" max 10 {\n    input x: number in 0..100\n    score = ${rule}\n  }\n  ranking {\n    eligible when unit.du "không đủ điều kiện"\n${extra}  }\n}\n`);

const unit = (id: string, x: number | undefined, options: { du?: boolean; group?: string; name?: string } = {}): unknown => ({
  unit: { id, ...(options.name === undefined ? {} : { name: options.name }), ...(options.group === undefined ? {} : { group: options.group }), facts: { du: options.du ?? true } },
  self: x === undefined ? {} : { "1": { x } },
});

function results(outcomes: readonly EvaluateOutcome[]): Map<string, EvaluationResult> {
  return new Map(outcomes.flatMap((o) => (o.ok ? [[o.result.unit.id, o.result] as const] : [])));
}

describe("cohort figures", () => {
  it("normalise to the best performer exactly, and the explanation names it", () => {
    const r = rubric("x / cohort.max(x) * max");
    const out = results(evaluateAll(r, [unit("a", 30, { name: "Bộ A" }), unit("b", 90, { name: "Bộ Tài chính" }), unit("c", 45)]));
    expect(out.get("a")!.points).toBe("10/3");
    expect(out.get("b")!.points).toBe("10");
    expect(out.get("c")!.points).toBe("5");
    const explained = evaluateAll(r, [unit("a", 30), unit("b", 90, { name: "Bộ Tài chính" })], { explain: true });
    const trace = results(explained).get("a")!.nodes["1"]!.trace!;
    expect(traceText(trace, "vi")).toContain("giá trị lớn nhất của 2 đơn vị: 90 (Bộ Tài chính)");
    expect(traceText(trace, "en")).toContain("the largest of 2 units: 90 (Bộ Tài chính)");
  });

  it("give the exact mean, the smallest, the mid-rank percentile and min–max rescaling", () => {
    const subs = [unit("a", 1), unit("b", 2), unit("c", 2), unit("d", 4)];
    expect(results(evaluateAll(rubric("cohort.mean(x)"), subs)).get("a")!.points).toBe("2.25");
    // Exact, never a binary float: the mean of 1, 2 and 2 is 5/3.
    expect(results(evaluateAll(rubric("cohort.mean(x)"), subs.slice(0, 3))).get("a")!.points).toBe("5/3");
    expect(results(evaluateAll(rubric("cohort.min(x) + 1"), subs)).get("d")!.points).toBe("2");
    // b and c: 1 below, 2 equal, of 4 → (1 + 1) / 4 = 50 %; d: 3 below, 1 equal → 87.5 %.
    const pct = results(evaluateAll(rubric("cohort.percentile(x) * 10"), subs));
    expect([pct.get("a")!.points, pct.get("b")!.points, pct.get("d")!.points]).toEqual(["1.25", "5", "8.75"]);
    const resc = results(evaluateAll(rubric("cohort.rescale(x, 0, 10)"), subs));
    expect([resc.get("a")!.points, resc.get("b")!.points, resc.get("d")!.points]).toEqual(["0", "10/3", "10"]);
  });

  it("tell a unit evaluated alone to use the batch API, never a default", () => {
    const outcome = evaluate(rubric("x / cohort.max(x) * max"), unit("a", 30));
    if (!outcome.ok) throw new Error("refused");
    expect(outcome.result.complete).toBe(false);
    expect(outcome.result.errors.map((e) => e.code)).toEqual(["needs-cohort"]);
    expect(outcome.result.errors[0]!.message).toContain("evaluateAll");
    const row = rank(rubric("x / cohort.max(x) * max"), [outcome]).unranked[0]!;
    expect(renderRanking({ ...rank(rubric("x"), []), unranked: [row] }, "text", "vi", "R")).toContain("nên phải chấm cùng các đơn vị khác");
  });

  it("leave out ineligible, incomplete and repeated units, which change no other unit's figures", () => {
    const r = rubric("x / cohort.max(x) * max");
    const base = results(evaluateAll(r, [unit("a", 30), unit("b", 60)]));
    const more = results(evaluateAll(r, [unit("a", 30), unit("b", 60), unit("z", 100, { du: false }), unit("y", undefined), unit("w", 99), unit("w", 99)]));
    expect(more.get("a")!.points).toBe(base.get("a")!.points);
    expect(more.get("b")!.points).toBe("10");
    // The ineligible unit is scored against the cohort, and clamped at the max.
    expect(more.get("z")!.ineligible).toEqual({ reason: "không đủ điều kiện" });
    expect(more.get("z")!.points).toBe("10");
  });

  it("are errors of the unit, not 0, when the cohort has no range or no value", () => {
    const flat = results(evaluateAll(rubric("cohort.rescale(x, 0, 10)"), [unit("a", 5), unit("b", 5)]));
    expect(flat.get("a")!.errors.map((e) => e.code)).toEqual(["cohort-zero-range"]);
    const ranked = rank(rubric("cohort.rescale(x, 0, 10)"), evaluateAll(rubric("cohort.rescale(x, 0, 10)"), [unit("a", 5), unit("b", 5)]));
    expect(ranked.rows).toEqual([]);
    expect(renderRanking(ranked, "text", "vi", "R")).toContain("mọi đơn vị trong nhóm so sánh đều có cùng giá trị 5");
    // Only an ineligible unit: the cohort is empty, and so told.
    const empty = results(evaluateAll(rubric("cohort.mean(x)"), [unit("a", 5, { du: false })]));
    expect(empty.get("a")!.errors.map((e) => e.code)).toEqual(["cohort-empty"]);
  });

  it("follow within group: each group is its own cohort", () => {
    const r = rubric("x / cohort.max(x) * max", "    within group\n");
    const out = results(evaluateAll(r, [unit("a", 30, { group: "g1" }), unit("b", 60, { group: "g1" }), unit("c", 30, { group: "g2" })]));
    expect([out.get("a")!.points, out.get("c")!.points]).toEqual(["5", "10"]);
  });

  it("compute an index figure over the rules' results in a second stage", () => {
    const r = rubricOf(`rubric "R" {\n  index = cohort.rescale(points, 0, 100)\n  area "1" "A" max 10 {\n    input x: number in 0..100\n    score = x / cohort.max(x) * max\n  }\n}\n`);
    const out = results(evaluateAll(r, [{ unit: { id: "a" }, self: { "1": { x: 20 } } }, { unit: { id: "b" }, self: { "1": { x: 40 } } }, { unit: { id: "c" }, self: { "1": { x: 30 } } }]));
    expect([out.get("a")!.index, out.get("b")!.index, out.get("c")!.index]).toEqual(["0", "100", "50"]);
  });

  it("list an ineligible unit apart with the reason, in every format and both languages", () => {
    const r = rubric("x / cohort.max(x) * max");
    const ranked = rank(r, evaluateAll(r, [unit("a", 30), unit("b", 60, { du: false, name: "Đài B" })]));
    expect(ranked.rows.map((row) => row.unit.id)).toEqual(["a"]);
    expect(ranked.unranked[0]!.cause).toEqual({ kind: "ineligible", reason: "không đủ điều kiện" });
    for (const format of ["text", "md", "csv", "json"] as const) {
      expect(renderRanking(ranked, format, "vi", "R", r), format).toContain("Không đủ điều kiện xếp hạng: không đủ điều kiện");
      expect(renderRanking(ranked, format, "en", "R", r), format).toContain("Not eligible for ranking: không đủ điều kiện");
    }
    expect(renderRankingHtml(ranked, r, "vi")).toContain("Không đủ điều kiện xếp hạng: không đủ điều kiện");
    expect(renderRankingHtml(ranked, r, "en")).toContain("Not eligible for ranking");
  });
});

describe("a cohort mean past the exact bound", () => {
  it("puts the node that reads it in error (too-large), and nothing else", () => {
    // 1/1 + 1/2 + … + 1/2500: the denominator is about lcm(1..2500), over 1,000 digits.
    const r = rubricOf(`rubric "R" {\n  area "1" "A" max 2 {\n    item "1.1" "M" max 1 {\n      input x: count\n      let inv = 1 / (x + 1)\n      score = cohort.mean(inv) * 0 + 1\n    }\n    item "1.2" "B" max 1 {\n      input y: count\n      score = y / cohort.max(y)\n    }\n  }\n}\n`);
    const subs = Array.from({ length: 2500 }, (_, i) => ({ unit: { id: `u${i}` }, self: { "1.1": { x: i }, "1.2": { y: i + 1 } } }));
    const out = results(evaluateAll(r, subs));
    const first = out.get("u0")!;
    expect(first.errors.map((e) => `${e.node} ${e.code}`)).toEqual(["1 depends-on-error", "1.1 too-large"]);
    expect(first.nodes["1.2"]!.points).toBe("0.0004");
  });
});
