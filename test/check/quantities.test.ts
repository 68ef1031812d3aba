/**
 * Percentages and ratios of counts are fractions (docs/language.md, "Percentages and
 * ratios"): the checker flags what confuses them with plain numbers, and nothing that
 * is written right.
 */
import { describe, expect, it } from "vitest";
import { checkCodes, leaf } from "./helpers.js";

const INPUTS = "rate: percent, done: count, total: count in 1..50, x: number in 0..5, answers: list of percent, scores: list of likert(1..5)";
const codes = (rule: string): string[] => checkCodes(leaf(INPUTS, rule)).filter((c) => c.startsWith("RL306") || c.startsWith("RL307"));

describe("quantities", () => {
  it.each([
    "if rate >= 90% then 2 else 0",
    "if rate >= 0.9 then 2 else 0",
    "if 1 - rate <= 5% then 2 else 0",
    "max * rate",
    "min(done / total, 1) * max",
    "bands done / total { >= 100%: 2; >= 80%: 1; else: 0 }",
    "bands ratio(done, total) { >= 100%: 2; else: 0 }",
    "if done <= 25 * total then 2 else 0",
    "if count(scores) >= 3 and mean(answers) >= 50% then 2 else 0",
    "if mean(scores) >= 4 then 2 else 0",
    "if x >= 3 and rate * 100 >= 90 then 2 else 0",
    "bands x { >= 4: 2; >= 2: 1; else: 0 }",
    "if done >= 1 then 2 else 0",
  ])("accepts %s", (rule) => {
    expect(codes(rule)).toEqual([]);
  });

  it.each([
    ["if rate >= 90 then 2 else 0", ["RL306@4:24"]],
    ["if 90 <= rate then 2 else 0", ["RL306@4:16"]],
    ["if done / total >= 1 then 2 else 0", ["RL306@4:32"]],
    ["bands done / total { >= 100: 2; else: 0 }", ["RL306@4:37"]],
    ["if mean(answers) > 50 then 2 else 0", ["RL306@4:32"]],
    ["if rate + 5 >= 1 then 2 else 0", ["RL306@4:23"]],
    ["if done <= 1% then 2 else 0", ["RL307@4:24"]],
    ["bands x { >= 90%: 2; >= 70: 1; else: 0 }", ["RL306@4:37"]],
    ["if min(rate, 1) >= 95 then 2 else 0", ["RL306@4:32"]],
  ])("flags %s", (rule, expected) => {
    expect(codes(rule)).toEqual(expected);
  });

  it("follows fractions through lets and unit facts", () => {
    expect(checkCodes(leaf("done: count, total: count in 1..9", "if ty_le >= 80 then 2 else 0").replace("    score", "    let ty_le = done / total\n    score"))).toContain("RL306@5:25");
    const withFact = `rubric "R" {\n  unit { urban: percent }\n  area "1" "A" max 2 applies when unit.urban > 50 {\n    input a: count\n    score = min(a, 2)\n  }\n}\n`;
    expect(checkCodes(withFact)).toEqual(["RL306@3:48"]);
  });
});
