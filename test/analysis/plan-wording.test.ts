/**
 * Every problem a sensitivity plan can have is told in Vietnamese with `--lang vi`:
 * plans that trip each check of `readPlan`, each problem worded (never the English
 * text back), with decimal commas and no English words; and a rubric with cohort
 * figures is refused by sensitivity and what-if alike, in both languages; bands per
 * unit group are counted and reached by each unit's own group's bands.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planProblemText } from "../../src/analysis/plan-wording.js";
import { readPlan } from "../../src/analysis/plan.js";
import { prepareSensitivity, sensitivity } from "../../src/analysis/sensitivity.js";
import { evaluateAll } from "../../src/io/evaluate.js";
import { rank } from "../../src/rank/rank.js";
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

describe("bands per unit group", () => {
  const nd = example("nam-dinh-2020");

  it("are counted by sensitivity and reached by what-if, each unit by its own group's bands", () => {
    const s = sensitivity(nd.rubric, nd.submissions, { factors: [{ kind: "weight", node: "1", min: "1", max: "1" }], samples: 4 });
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(s.result.bandLabels).toEqual(expect.arrayContaining(["Nhóm I", "Nhóm II"]));
    // With nothing varied, every sample gives each unit its nominal band.
    const nominal = rank(nd.rubric, evaluateAll(nd.rubric, nd.submissions));
    for (const u of s.result.units) {
      const band = nominal.rows.find((r) => r.unit.id === u.unit.id)?.band;
      if (band !== undefined) expect(u.bands[band], `${u.unit.id} ${band}`).toBe(4);
    }
    const district = nominal.rows.find((r) => r.band === "Nhóm II" && nd.submissions.some((x) => (x as { unit: { id: string; group?: string } }).unit.id === r.unit.id && (x as { unit: { group?: string } }).unit.group === "huyen"));
    // Nam Định's one district in Nhóm II (its cut-off for Nhóm I is 80 %, not the departments' 90 %).
    expect(district).toBeDefined();
    const w = whatIf(nd.rubric, nd.submissions, district!.unit.id, { band: "Nhóm I" });
    expect(w.ok, JSON.stringify(w)).toBe(true);
    const first = nominal.rows[0]!;
    expect(whatIf(nd.rubric, nd.submissions, first.unit.id, { band: first.band! }).ok).toBe(true);
  });
});

describe("what-if on a unit that is not ranked", () => {
  it("says why as the full evaluation does, naming the unit, the criterion and the input's label", () => {
    const dep = example("par-department");
    const incomplete = JSON.parse(readFileSync(join(import.meta.dirname, "../../examples/par-department/incomplete/so-xay-dung.json"), "utf8")) as unknown;
    const w = whatIf(dep.rubric, [...dep.submissions, incomplete], "so-xay-dung", { rank: 1 });
    expect(w.ok).toBe(false);
    if (w.ok) return;
    const vi = whatIfProblemText(w.problem, "vi", dep.rubric);
    expect(vi).toMatch(/^đơn vị "Sở Xây dựng" chưa được xếp hạng/);
    expect(vi).toContain("“Tỷ lệ giải ngân dự toán được giao (%)” (disbursed) tại tiêu chí 6.1");
    expect(whatIfProblemText(w.problem, "en", dep.rubric)).not.toContain("cannot be scored with these parameters");
  });
});
