/**
 * Cohort figures in the checker: unknown statistics, places where a figure cannot
 * stand, arguments that read a cohort figure (directly or through a chain of lets, the
 * chain named), rescale scales, arity; messages in English and Vietnamese; and the
 * formatter's round trip.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/compile.js";
import { format } from "../../src/syntax/print.js";
import { checkCodes, leaf } from "./helpers.js";

const FACTS = `  unit { du: bool }\n`;

describe("cohort figures in the checker", () => {
  it("accepts every statistic in lets, scores and the index formula", () => {
    const source = `rubric "R" {\n  index = cohort.rescale(points, 0, 100)\n  area "1" "A" max 2 {\n    input x: number in 0..10\n    let best = cohort.max(x)\n    score = x / best + cohort.min(x) * 0 + cohort.mean(x) * 0 + cohort.percentile(x) * 0 + cohort.rescale(x, 0, 1) * 0\n  }\n}\n`;
    expect(checkCodes(source)).toEqual([]);
  });

  it("names an unknown statistic with the closest one (RL350)", () => {
    const result = compile(leaf("x: number", "cohort.maxx(x)"));
    expect(result.diagnostics.map((d) => [d.code, d.data?.suggestion])).toEqual([["RL350", "cohort.max"]]);
    expect(result.diagnostics[0]!.message).toContain("did you mean cohort.max?");
    expect(compile(leaf("x: number", "cohort.maxx(x)"), { locale: "vi" }).diagnostics[0]!.message).toContain("có phải là cohort.max?");
  });

  it("refuses a figure where it decides which units take part (RL351)", () => {
    const applies = `rubric "R" {\n${FACTS}  area "1" "A" max 2 applies when cohort.max(1) > 0 {\n    input x: number\n    score = x\n  }\n}\n`;
    expect(checkCodes(applies)).toContain("RL351@3:35");
    const when = `rubric "R" {\n  area "1" "A" max 2 {\n    input x: number in 0..2\n    when x > cohort.mean(x): full\n    score = x\n  }\n}\n`;
    expect(checkCodes(when)).toEqual(["RL351@4:14"]);
    const bands = `rubric "R" {\n  area "1" "A" max 2 {\n    input x: number in 0..2\n    score = x\n  }\n  bands {\n    "A" when index >= cohort.mean(index)\n    "B" otherwise\n  }\n}\n`;
    expect(checkCodes(bands)).toEqual(["RL351@7:23"]);
    const eligible = `rubric "R" {\n${FACTS}  area "1" "A" max 2 {\n    input x: number in 0..2\n    score = x\n  }\n  ranking {\n    eligible when cohort.max(1) > 0 "r"\n  }\n}\n`;
    expect(checkCodes(eligible)).toEqual(["RL351@8:19"]);
  });

  it("proves no argument reads a cohort figure, naming the chain of lets (RL352)", () => {
    expect(checkCodes(leaf("x: number", "cohort.max(cohort.min(x))"))).toEqual(["RL352@4:24"]);
    const chain = `rubric "R" {\n  area "1" "A" max 2 {\n    input x: number\n    let a = cohort.max(x)\n    let b = a * 2\n    score = cohort.min(b)\n  }\n}\n`;
    const result = compile(chain);
    expect(result.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.column}`)).toEqual(["RL352@6:24"]);
    expect(result.diagnostics[0]!.message).toContain("cohort.min → b → a → cohort.max(…)");
    const vi = compile(chain, { locale: "vi" });
    expect(vi.diagnostics[0]!.message).toContain("Đối số của cohort.min lại phụ thuộc");
    expect(vi.diagnostics[0]!.message).toContain("cohort.min → b → a → cohort.max(…)");
  });

  it("a let with a figure may be used outside any argument", () => {
    const source = `rubric "R" {\n  area "1" "A" max 2 {\n    input x: number in 1..10\n    let a = cohort.max(x)\n    score = x / a * max\n  }\n}\n`;
    expect(checkCodes(source)).toEqual([]);
  });

  it("needs rescale's scale written as two numbers, low below high (RL353), and the right number of arguments (RL301)", () => {
    expect(checkCodes(leaf("x: number, y: number", "cohort.rescale(x, 0, y)"))).toEqual(["RL353@4:13"]);
    const reversed = compile(leaf("x: number", "cohort.rescale(x, 10, 0)"), { locale: "vi" });
    expect(reversed.diagnostics.map((d) => d.code)).toEqual(["RL353"]);
    expect(reversed.diagnostics[0]!.message).toContain("10 không nhỏ hơn 0");
    expect(checkCodes(leaf("x: number", "cohort.max(x, 1)"))).toEqual(["RL301@4:13"]);
    expect(checkCodes(leaf("x: bool", "cohort.mean(x)"))).toEqual(["RL300@4:25"]);
  });

  it("formats cohort figures and eligibility back to the same source", () => {
    const source = `rubric "R" {\n  unit {\n    du: bool\n  }\n\n  area "1" "A" max 2 {\n    input x: number in 1..10\n    score = cohort.rescale(x, 0, 2)\n  }\n\n  ranking {\n    eligible when unit.du "không đủ điều kiện"\n  }\n}\n`;
    expect(compile(source).ok).toBe(true);
    const formatted = format(source);
    expect(formatted.ok && formatted.text).toBe(source);
  });
});
