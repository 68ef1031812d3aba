import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/compile.js";
import type { CompiledRubric } from "../../src/compile/types.js";
import { readTemplate, type GridRow } from "../../src/io/template-read.js";
import { buildTemplate, templateGrid, typeHint } from "../../src/io/template.js";

const SOURCE = `rubric "Thử" {
  id "thu"
  unit { kind: enum(a, b) }
  area "1" "Khu vực một" max 6 {
    item "1.1" "Mục một" max 4 {
      evidence "Báo cáo", "Quyết định"
      input done: count, planned: count in 1..50, rate: percent
      score = min(done, 4)
    }
    item "1.2" "Chấm điểm" max 2 {
      score = given step 0.25
    }
  }
  area "2" "Điều tra" max 5 from survey {
    item "2.1" "Hài lòng" max 5 {
      input answers: list of likert(1..5)
      score = mean(answers)
    }
  }
  bonus "T1" "Sáng kiến" max 1 {
    input initiatives: count
    score = initiatives
  }
}`;

function rubric(): CompiledRubric {
  const compiled = compile(SOURCE, { locale: "vi" });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
  return compiled.rubric;
}

/** The form's grid as rows, with a value typed into some cells (by key and column index). */
function filled(values: Record<string, Record<number, string>>, grid = templateGrid(buildTemplate(rubric(), "vi"))): GridRow[] {
  return grid.map((cells, i) => {
    const row = [...cells];
    for (const [column, text] of Object.entries(values[row[0]!] ?? {})) row[Number(column)] = text;
    return { cells: row, row: i + 1 };
  });
}

describe("buildTemplate", () => {
  it("lists the unit's rows, the tree in order with inputs under their leaf, points rows, then bonus and penalty", () => {
    const keys = buildTemplate(rubric(), "vi").rows.map((r) => r.key);
    expect(keys).toEqual([
      "unit.id", "unit.name", "unit.group", "unit.kind",
      "1", "1.1", "1.1.done", "1.1.planned", "1.1.rate", "1.2", "1.2.points",
      "2", "2.1", "2.1.answers",
      "T1", "T1.initiatives",
    ]);
  });

  it("writes how to fill each value, with ranges, steps and survey in the locale", () => {
    const rows = new Map(buildTemplate(rubric(), "vi").rows.map((r) => [r.key, r]));
    expect(rows.get("1.1.planned")!.how).toBe("số nguyên ≥ 0, từ 1 đến 50");
    expect(rows.get("1.2.points")!.how).toBe("số từ 0 đến 2, bước 0,25");
    expect(rows.get("2.1.answers")!.how).toBe("danh sách cách nhau bởi dấu ; ([] nếu không có), mỗi phần tử: thang điểm, từ 1 đến 5 (điều tra XHH)");
    const en = new Map(buildTemplate(rubric(), "en").rows.map((r) => [r.key, r]));
    expect(en.get("1.1.planned")!.how).toBe("whole number ≥ 0, from 1 to 50");
    expect(en.get("1.2.points")!.how).toBe("number from 0 to 2, step 0.25");
    expect(rows.get("unit.kind")!.choices).toEqual(["a", "b"]);
    expect(rows.get("1.1")!.evidence).toBe("Báo cáo; Quyết định");
    expect(typeHint({ kind: "bool" }, "en")).toBe("yes / no");
    // Ranges in words, decimals in the locale's notation, also with one bound (a compiled rubric may have one).
    expect(typeHint({ kind: "number", min: "-0.5", max: "2.5" }, "vi")).toBe("số, từ -0,5 đến 2,5");
    expect(typeHint({ kind: "number", min: "1" }, "vi")).toBe("số, từ 1 trở lên");
    expect(typeHint({ kind: "percent", max: "100" }, "vi")).toBe("tỷ lệ % (85 là 85%), không quá 100");
    expect(typeHint({ kind: "count", min: "1" }, "en")).toBe("whole number ≥ 0, 1 or more");
    expect(typeHint({ kind: "number", max: "2.5" }, "en")).toBe("number, at most 2.5");
    expect(buildTemplate(rubric(), "en").headings[5]).toBe("Self-assessed");
  });
});

describe("readTemplate", () => {
  const source = { file: "f.csv" };

  it("reads each layer to its place: self, appraisal with the reasons joined, survey, does-not-arise", () => {
    const read = readTemplate(filled({
      "unit.id": { 5: "don-vi" }, "unit.kind": { 5: "b" },
      "1.1.done": { 5: "3", 6: "2", 7: "thiếu hồ sơ" }, "1.1.planned": { 5: "10", 7: "sai số liệu" }, "1.1.rate": { 5: "85,5" },
      "1.2.points": { 6: "1,25" }, "2.1.answers": { 5: "4; 5;3" }, "T1.initiatives": { 5: "1" }, "1": { 8: "không có" },
    }), source, rubric(), "vi");
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(JSON.parse(JSON.stringify(read.draft.value))).toEqual({
      unit: { id: "don-vi", facts: { kind: "b" } },
      self: { "1.1": { done: "3", planned: "10", rate: "85.5" }, T1: { initiatives: "1" } },
      appraisal: { "1.1": { done: "2", reason: "thiếu hồ sơ; sai số liệu" }, "1.2": { points: "1.25" } },
      survey: { "2.1": { answers: ["4", "5", "3"] } },
      notApplicable: { "1": "không có" },
    });
    expect(read.draft.places.get(JSON.stringify(["self", "1.1", "rate"]))).toBe("f.csv:10:F (1.1.rate Tự đánh giá)");
  });

  it("finds the heading row below a title, in English too, and reads rows in any order", () => {
    const grid = templateGrid(buildTemplate(rubric(), "en"));
    const [head, ...rest] = grid;
    const rows = filled({ "unit.id": { 5: "x" }, "1.1.done": { 5: "2" } }, [["Self-assessment form"], [], head!, ...rest.reverse()]);
    const read = readTemplate(rows, { file: "f.xlsx", sheet: "S" }, rubric(), "en");
    expect(read.ok && read.draft.value).toMatchObject({ unit: { id: "x" }, self: { "1.1": { done: "2" } } });
  });

  it("refuses what a row does not take, and an appraisal or reason on a survey input", () => {
    const read = readTemplate(filled({ "unit.id": { 5: "x", 6: "y" }, "2.1.answers": { 6: "3", 7: "vì" }, T1: { 8: "không" }, "1.1": { 7: "lý do" } }), source, rubric(), "vi");
    expect(read.ok ? [] : read.errors).toEqual([
      'f.csv:2:G (unit.id Thẩm định): this row takes no value in "Thẩm định"; leave it empty',
      'f.csv:15:G (2.1.answers Thẩm định): this row takes no value in "Thẩm định"; leave it empty',
      'f.csv:15:H (2.1.answers Lý do thẩm định): this row takes no value in "Lý do thẩm định"; leave it empty',
      'f.csv:16:I (T1 Không phát sinh (lý do)): this row takes no value in "Không phát sinh (lý do)"; leave it empty',
    ]);
  });

  it("a leaf's own row may carry the council's reason; an inner node's may not", () => {
    const ok = readTemplate(filled({ "unit.id": { 5: "x" }, "1.2": { 7: "sáng kiến nhỏ" } }), source, rubric(), "vi");
    expect(ok.ok && ok.draft.value).toMatchObject({ appraisal: { "1.2": { reason: "sáng kiến nhỏ" } } });
    const bad = readTemplate(filled({ "unit.id": { 5: "x" }, "1": { 7: "lý do" } }), source, rubric(), "vi");
    expect(bad.ok ? [] : bad.errors).toEqual(['f.csv:6:H (1 Lý do thẩm định): this row takes no value in "Lý do thẩm định"; leave it empty']);
  });

  it("a grid without a heading row", () => {
    const read = readTemplate([{ cells: ["unit.id", "x"], row: 1 }], { file: "f.xlsx", sheet: "S" }, rubric(), "vi");
    expect(read.ok ? [] : read.errors).toEqual(['f.xlsx [S]: no heading row of a self-assessment form (a row whose first cell is "Mã" or "Key"); make the form with \'rubric template\'']);
  });
});
