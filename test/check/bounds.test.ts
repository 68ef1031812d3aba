import { describe, expect, it } from "vitest";
import { checkCodes, leaf } from "./helpers.js";

describe("interval analysis of rules (RL405, RL406)", () => {
  it("warns when declared ranges let a rule exceed the max, with the bound", () => {
    expect(checkCodes(leaf("a: count in 0..10", "a * 0.5"))).toEqual(["RL405@4:13"]);
  });

  it("warns when deductions can pass 0, even unbounded", () => {
    expect(checkCodes(leaf("missing: count", "max - 0.25 * missing"))).toEqual(["RL406@4:13"]);
  });

  it("is silent when the rule stays within [0, max] or cannot be bounded", () => {
    expect(checkCodes(leaf("done: count, planned: count in 1..100", "bands done / planned { >= 100%: 2; >= 80%: 1; else: 0 }"))).toEqual([]);
    expect(checkCodes(leaf("a: count, t: count", "max * a / t"))).toEqual([]);
    expect(checkCodes(leaf("xs: list of likert(1..5)", "max * (mean(xs) - 1) / 4"))).toEqual([]);
    expect(checkCodes(leaf("p: percent in 0..100", "max * p"))).toEqual([]);
    expect(checkCodes(leaf("n: count", "min(n * 0.5, max)"))).toEqual([]);
  });

  it("stays silent where a repeated input makes the bounds inexact", () => {
    expect(checkCodes(leaf("a: count in 0..60, t: count in 1..60", "max * min(a, t) / t"))).toEqual([]);
    expect(checkCodes('rubric "R" { area "1" "A" max 2 { input a: count in 0..60\n let twice = a + a\n score = twice - a } }')).toEqual([]);
  });

  it("skips unclamped nodes", () => {
    expect(checkCodes('rubric "R" { area "1" "A" max 1 { unclamped\n input a: count in 0..5\n score = a - 3 } }')).toEqual([]);
  });
});
