/**
 * PAPI's published quartile group sizes, highest group first (the order the sources
 * list them: "(1) Nhóm đạt điểm cao nhất (16 tỉnh, thành phố); (2) … trung bình cao
 * (16); (3) … trung bình thấp (15); (4) … thấp nhất (16)" — ddcilaocai.vn, PAPI 2019;
 * 2023: "one of the 15 localities that have the highest scores", upper medium 15,
 * "the 16 lowest scorers", lower medium 61 − 15 − 15 − 16 = 15 — hanoitimes.vn; see
 * shared/domain/data/index_grouping_rules_published.csv).
 *
 * With distinct scores, PERCENTILE.INC and units at a cut-off placed in the higher group
 * ("Từ bách phân vị thứ 75 trở lên": `from percentile`) gives 16/16/15/16 of 63. The
 * 2023 split 15/15/15/16 of 61 comes from PERCENTILE.INC with units at a cut-off placed
 * in the lower group (`above percentile`); no one method gives both (docs/language.md).
 */
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/io/evaluate.js";
import { rank } from "../../src/rank/rank.js";
import { rubricOf } from "../runtime/helpers.js";

const GROUPS = ["Nhóm đạt điểm cao nhất", "Nhóm đạt điểm trung bình cao", "Nhóm đạt điểm trung bình thấp", "Nhóm đạt điểm thấp nhất"];

function quartiles(method: string, word: "from" | "above"): ReturnType<typeof rubricOf> {
  return rubricOf(`rubric "PAPI" {
  publish precision 4
  index = points
  area "1" "Tổng điểm" max 80 { score = given step 0.0001 }
  bands by percentile ${method} {
    "${GROUPS[0]}" ${word} percentile 75
    "${GROUPS[1]}" ${word} percentile 50
    "${GROUPS[2]}" ${word} percentile 25
    "${GROUPS[3]}" otherwise
  }
}`);
}

/** Distinct provincial totals between 30 and 50, in a scrambled order (as a table by province code). */
function provinces(n: number): { id: string; total: string }[] {
  return Array.from({ length: n }, (_, i) => ({ id: `tinh-${String(i + 1).padStart(2, "0")}`, total: (30 + ((i * 37) % n) * 0.3125).toFixed(4) }));
}

function sizes(method: string, word: "from" | "above", n: number): number[] {
  const rubric = quartiles(method, word);
  const rows = rank(rubric, provinces(n).map((p) => evaluate(rubric, { unit: { id: p.id }, self: { "1": { points: p.total } } }))).rows;
  expect(new Set(rows.map((r) => r.index)).size).toBe(n);
  return GROUPS.map((g) => rows.filter((r) => r.band === g).length);
}

describe("PAPI quartile groups", () => {
  it("63 provinces: PERCENTILE.INC, at the cut-off upward ('từ … trở lên'), gives the published 16/16/15/16", () => {
    expect(sizes("inc", "from", 63)).toEqual([16, 16, 15, 16]);
  });

  it("61 provinces (2023): PERCENTILE.INC, at the cut-off downward, gives the published 15/15/15/16", () => {
    expect(sizes("inc", "above", 61)).toEqual([15, 15, 15, 16]);
  });

  it("no single convention gives both published splits (so the rubric states its own)", () => {
    expect(sizes("inc", "from", 61)).toEqual([16, 15, 15, 15]);
    expect(sizes("inc", "above", 63)).toEqual([16, 15, 16, 16]);
    // The other methods miss the 63 split either way.
    for (const method of ["nearest", "exc"]) for (const word of ["from", "above"] as const) expect(sizes(method, word, 63)).not.toEqual([16, 16, 15, 16]);
  });

  it("explains a unit's group with the cut-off and the cohort", () => {
    const rubric = quartiles("inc", "from");
    const rows = rank(rubric, provinces(63).map((p) => evaluate(rubric, { unit: { id: p.id }, self: { "1": { points: p.total } } }))).rows;
    // Sorted ascending, x_k = 30 + 0.3125·(k − 1); P75 at h = 62·0.75 + 1 = 47.5: x₄₇ + 0.5·0.3125.
    expect(rows[0]!.bandBasis).toEqual({ percentile: "75", method: "inc", cutoff: "44.53125", value: "49.3750", cmp: ">=", of: 63 });
    expect(rows[62]!.bandBasis).toMatchObject({ percentile: "25", cutoff: "34.84375", cmp: "<", of: 63 });
  });
});
