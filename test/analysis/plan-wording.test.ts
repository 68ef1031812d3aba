/**
 * Every problem a sensitivity plan can have is told in Vietnamese with `--lang vi`:
 * plans that trip each check of `readPlan`, each problem worded (never the English
 * text back), with decimal commas and no English words; and a rubric with cohort
 * figures is refused by sensitivity and what-if alike, in both languages.
 */
import { describe, expect, it } from "vitest";
import { planProblemText } from "../../src/analysis/plan-wording.js";
import { readPlan } from "../../src/analysis/plan.js";
import { prepareSensitivity } from "../../src/analysis/sensitivity.js";
import { whatIf } from "../../src/analysis/whatif.js";
import { whatIfProblemText } from "../../src/analysis/render-whatif.js";
import { example } from "./helpers.js";

const { rubric } = example("par-department");

/** Plans that together give every problem `readPlan` words. */
const BAD_PLANS: unknown[] = [
  "not a plan",
  { factors: [
    { kind: "weight", node: "9.9", min: "0.8", max: "1.2" },
    { kind: "weight", node: "1.1", min: "0.8", max: "1.2" },
    { kind: "threshold", node: "6.1", arm: 9, min: "1", max: "2" },
    { kind: "threshold", node: "1.2", arm: 1, min: "1", max: "2" },
    { kind: "band", band: "Siêu", min: "1", max: "2" },
    { kind: "weight", node: "1", min: "0.8", max: "1.2", step: "0.3" },
    { kind: "weight", node: "1", min: "0,8", max: "1.2" },
    { kind: "weight", node: "1", min: "1.2", max: "0.8" },
    { kind: "weight", node: "1", min: "0.8", max: "1.2", step: "-1" },
    { kind: "weight", node: "1", min: "0", max: "100000", step: "0.0001" },
    { kind: "weight", node: "1", min: "-1", max: "1" },
    { kind: "appraisal", min: "0", max: "2" },
    { kind: "appraisal", min: "0", max: "1" },
    { kind: "na-policy", choices: ["never"] },
    { kind: "na-policy", choices: ["zero"], nodes: ["1", "42"] },
    "a factor",
    { kind: "colour" },
  ], samples: 0, seed: -1, sampling: "random" },
  { factors: Array.from({ length: 40 }, () => ({ kind: "weight", node: "1", min: "0.8", max: "1.2" })) },
];

const ENGLISH = /\b(?:the|is|must|be|has|no|of|with|from|to|one|or|and|cannot|steps|rubric|range|factor|plan|weight|whole|number|expected|list|choose)\b/;

describe("sensitivity plan problems in Vietnamese", () => {
  const problems = BAD_PLANS.flatMap((plan) => {
    const read = readPlan(rubric, plan);
    return read.ok ? [] : read.problems;
  });

  it("covers every check of readPlan", () => {
    expect(problems.length).toBeGreaterThanOrEqual(20);
  });

  it.each(problems.map((p) => [p]))("%s", (problem) => {
    const vi = planProblemText(problem, "vi");
    expect(vi).not.toBe(problem);
    // Quoted JSON keys and values ("min", "kind", "weight" as written in the plan) are the user's own words.
    const prose = vi.replace(/"[^"]*"/g, " ").replace(/\{.*\}/g, " ").replace(/\([^)]*\)/g, " ");
    expect(prose).not.toMatch(ENGLISH);
    // A decimal point (not the thousands dot of 10.000.000) would be English.
    expect(prose).not.toMatch(/(?<![\d.])\d+\.(?!\d{3}(?:\D|$))\d/);
    expect(planProblemText(problem, "en")).toBe(problem);
  });
});

describe("a rubric with cohort figures", () => {
  const ict = example("ict-index");

  it("is refused by sensitivity and by what-if, rather than scored against figures that would move", () => {
    const prepared = prepareSensitivity(ict.rubric, ict.submissions, { factors: [] });
    expect(prepared.ok).toBe(false);
    if (!prepared.ok) expect(planProblemText(prepared.problems[0]!, "vi")).toContain("cohort.…");
    const w = whatIf(ict.rubric, ict.submissions, "bo-cong-thuong", { rank: 1 });
    expect(w).toEqual({ ok: false, problem: { code: "cohort-rubric" } });
    if (!w.ok) {
      expect(whatIfProblemText(w.problem, "vi")).toMatch(/^bộ tiêu chí có điểm tính theo các đơn vị khác/);
      expect(whatIfProblemText(w.problem, "en")).toMatch(/^the rubric has cohort figures/);
    }
  });
});
