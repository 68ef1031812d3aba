/**
 * The mistakes issue 12 found a new user making: each now gives an error (the cap, a
 * warning) as the first diagnostic, at the place of the mistake, with the fix, in
 * English and in Vietnamese.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/compile.js";
import { localize } from "../../src/diagnostics.js";

const rubric = (body: string, extra = ""): string => `rubric "Tỉnh" {\n  area "1" "Lĩnh vực" max 2 {\n${body}\n  }\n${extra}}\n`;

interface Case {
  readonly name: string;
  readonly source: string;
  readonly code: string;
  /** Where the first diagnostic points: line and column. */
  readonly at: readonly [number, number];
  /** Text of the fix, in the English and the Vietnamese message (or the suggestion). */
  readonly fix: readonly [string, string];
  readonly severity?: "error" | "warning";
}

const CASES: readonly Case[] = [
  { name: "percent banded with bare numbers", source: rubric("    input ty_le: percent in 0..100\n    score = bands ty_le { >= 90: 2; >= 70: 1; else: 0 }"), code: "RL306", at: [4, 30], fix: ["write '90%'", "hãy viết '90%'"] },
  { name: "ratio of counts banded with 100", source: rubric("    input done: count, total: count in 1..9\n    score = bands done / total { >= 100: 2; >= 80%: 1; else: 0 }"), code: "RL306", at: [4, 37], fix: ["write '100%'", "hãy viết '100%'"] },
  { name: "bands in ascending order", source: rubric("    input ty_le: percent\n    score = bands ty_le { >= 70%: 1; >= 90%: 2; else: 0 }"), code: "RL407", at: [4, 38], fix: ["highest threshold first", "ngưỡng cao nhất lên đầu"] },
  {
    name: "children adding up to less than the max",
    source: `rubric "Tỉnh" {\n  area "1" "Lĩnh vực" max 14.5 {\n    item "1.1" "A" max 7 { input a: count; score = min(a, 7) }\n    item "1.2" "B" max 7 { input b: count; score = min(b, 7) }\n  }\n}\n`,
    code: "RL400", at: [2, 3], fix: ["add up to 14.5", "cho đủ 14,5"],
  },
  {
    name: "children adding up to more (a cap): a warning",
    source: `rubric "Tỉnh" {\n  area "1" "Lĩnh vực" max 2 {\n    item "1.1" "A" max 1.5 { input a: count; score = min(a, 1.5) }\n    item "1.2" "B" max 1.5 { input b: count; score = min(b, 1.5) }\n  }\n}\n`,
    code: "RL417", at: [2, 3], fix: ["capped", "không được tính"], severity: "warning",
  },
  { name: "curly quotes", source: rubric("    input so_nv “Số nhiệm vụ”: count\n    score = min(so_nv, 2)"), code: "RL104", at: [3, 17], fix: ['"Số nhiệm vụ"', '"Số nhiệm vụ"'] },
  { name: "a pasted ≥", source: rubric("    input ty_le: percent\n    score = if ty_le ≥ 90% then 2 else 0"), code: "RL105", at: [4, 22], fix: ["write '>='", "hãy viết '>='"] },
  { name: "= for ==", source: rubric("    input total: count\n    when total = 0: full\n    score = min(total, 2)"), code: "RL114", at: [4, 16], fix: ["write '=='", "hãy viết '=='"] },
  { name: "otherwise in a rule's bands", source: rubric("    input ty_le: percent\n    score = bands ty_le { >= 90%: 2; otherwise: 0 }"), code: "RL115", at: [4, 38], fix: ["'else: …'", "'else: …'"] },
  { name: "criteria for criterion", source: rubric('    criteria "1.1" "A" max 2 {\n      input a: count\n      score = min(a, 2)\n    }'), code: "RL117", at: [3, 5], fix: ["did you mean 'criterion'", "có phải là 'criterion'"] },
  { name: "max 2 điểm", source: `rubric "Tỉnh" {\n  area "1" "Lĩnh vực" max 2 điểm {\n    input a: count\n    score = min(a, 2)\n  }\n}\n`, code: "RL118", at: [2, 29], fix: ["write 'max 2'", "hãy viết 'max 2'"] },
  { name: "từ 70% đến dưới 90%", source: rubric("    input ty_le: percent\n    score = bands ty_le { >= 90%: 2; >= 70% and < 90%: 1; else: 0 }"), code: "RL119", at: [4, 45], fix: ["'>= 70%'", "'>= 70%'"] },
  { name: "a date written 31/12/2016", source: rubric("    input d: date\n    score = if d <= 31/12/2016 then 2 else 0"), code: "RL107", at: [4, 21], fix: ["2016-12-31", "2016-12-31"] },
  { name: "percentile(x)", source: rubric("    input xs: list of number in 0..2\n    score = percentile(xs)"), code: "RL120", at: [4, 13], fix: ["The functions are min, max", "Các hàm có sẵn: min, max"] },
  { name: "an unknown name with nothing close", source: rubric("    input so_nhiem_vu: count\n    score = hoan_thanh"), code: "RL201", at: [4, 13], fix: ["'so_nhiem_vu', 'max'", "'so_nhiem_vu', 'max'"] },
  {
    name: "a missing } reported where the block ends, naming it",
    source: `rubric "Tỉnh" {\n  area "1" "A" max 1 {\n    item "1.1" "B" max 1 {\n      input a: count\n      score = min(a, 1)\n  }\n\n  ranking {\n    ties shared\n  }\n}\n`,
    code: "RL121", at: [6, 3], fix: ["'item \"1.1\"' opened on line 3 has no closing '}': by its indentation it ends before line 6", "'item \"1.1\"' mở ở dòng 3"],
  },
  { name: "a classification band that can never match", source: rubric("    input a: count\n    score = min(a, 2)", '  bands {\n    "Khá" when index >= 65\n    "Tốt" when index >= 80\n    "Yếu" otherwise\n  }\n'), code: "RL413", at: [8, 5], fix: ["line 7", "dòng 7"] },
];

describe("issue 12: every mistake gives the helpful diagnostic first, in both languages", () => {
  it.each(CASES)("$name", ({ source, code, at, fix, severity }) => {
    const result = compile(source);
    const first = result.diagnostics[0]!;
    expect(first.code).toBe(code);
    expect(first.severity).toBe(severity ?? "error");
    expect([first.range.start.line, first.range.start.column]).toEqual(at);
    expect(result.ok).toBe(severity === "warning");
    const vi = localize(first, "vi").message;
    expect(`${first.message} ${first.data?.suggestion ?? ""}`).toContain(fix[0]);
    expect(`${vi} ${first.data?.suggestion ?? ""}`).toContain(fix[1]);
    expect(compile(source, { locale: "vi" }).diagnostics[0]!.message).toBe(vi);
  });

  it("a Vietnamese name is a name: two lines, no diagnostic", () => {
    const result = compile(rubric('    input số_đơn_vị "Số đơn vị": count\n    score = min(số_đơn_vị, 2)'));
    expect(result.diagnostics).toEqual([]);
  });

  it("a file saved as UTF-16 gives one diagnostic, not thousands", () => {
    const utf16 = Buffer.from(`\uFEFF${rubric("    input a: count\n    score = min(a, 2)")}`, "utf16le").toString("utf8");
    const result = compile(utf16);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["RL108"]);
    expect(localize(result.diagnostics[0]!, "vi").message).toContain("lưu lại tệp với bảng mã UTF-8");
  });

  it("a syntax error no longer hides the semantic errors elsewhere", () => {
    const source = `rubric "Tỉnh" {\n  area "1" "A" max 1 {\n    input a: count\n    scroe = min(a, 1)\n  }\n  area "2" "B" max 1 {\n    input b: percent\n    score = if b >= 90 then 1 else 0\n  }\n}\n`;
    expect(compile(source).diagnostics.map((d) => `${d.code}@${d.range.start.line}`)).toEqual(["RL117@4", "RL306@8"]);
  });

  it("compile with a locale it does not know falls back to English instead of throwing", () => {
    const source = rubric("    input a: count\n    score = totl");
    const result = compile(source, { locale: "xx" as "en" });
    expect(result.diagnostics.map((d) => d.message)).toEqual(compile(source).diagnostics.map((d) => d.message));
  });

  it("round() takes 0 to 20 decimals", () => {
    const at = (digits: string) => compile(rubric(`    input a: number in 0..2\n    score = round(a, ${digits})`)).diagnostics.map((d) => d.code);
    expect(at("20")).toEqual([]);
    expect(at("21")).toEqual(["RL305"]);
    expect(at("999999999999")).toEqual(["RL305"]);
  });
});
