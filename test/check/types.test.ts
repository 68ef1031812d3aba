import { describe, expect, it } from "vitest";
import { checkCodes, leaf } from "./helpers.js";

describe("types and names", () => {
  it("accepts well-typed rules of every form", () => {
    expect(checkCodes(leaf("a: count in 0..2, b: count in 1..9, ok: bool, d: date, k: enum(x, y), xs: list of likert(1..5)",
      "if ok and not (k == y) and d <= 2022-01-31 then min(a, 2) else clamp(mean(xs) - 1, 0, max) * round(ratio(a, b), 2) / 2"))).toEqual([]);
  });

  it("resolves enum members against the other side of a comparison, in either order", () => {
    expect(checkCodes(leaf("k: enum(so, huyen)", "if huyen == k then 2 else 0"))).toEqual([]);
    expect(checkCodes(leaf("k: enum(so, huyen)", "if k == xa then 2 else 0"))).toEqual(["RL205@4:21"]);
    expect(checkCodes(leaf("k: enum(so, huyen)", "if k < so then 2 else 0"))).toContain("RL302@4:20");
  });

  it("reports an unknown name with a suggestion in data (and not the input it misspells as unused)", () => {
    expect(checkCodes(leaf("total: count in 0..2", "totl"))).toEqual(["RL201@4:13"]);
  });

  it("checks function arity and argument types", () => {
    expect(checkCodes(leaf("a: count in 0..2", "floor(a, 1)"))).toEqual(["RL301@4:13"]);
    expect(checkCodes(leaf("a: count in 0..2", "sum(a)"))).toEqual(["RL300@4:17"]);
    expect(checkCodes(leaf("xs: list of bool", "count(xs)"))).toEqual([]);
    expect(checkCodes(leaf("a: count in 0..2", "min()"))).toEqual(["RL415@3:11", "RL301@4:13"]);
  });

  it("requires bands thresholds comparable with the subject and values of one type", () => {
    expect(checkCodes(leaf("d: date", "bands d { >= 2022-01-01: 2; >= 1: 1; else: 0 }"))).toContain("RL302@4:44");
    expect(checkCodes(leaf("a: count in 0..2", "bands a { >= 2: 2; else: true }"))).toEqual(["RL300@4:38"]);
  });

  it("keeps rubric figures to the index formula and bands", () => {
    expect(checkCodes('rubric "R" { index = points / max * 100 + bonus - penalty\n area "1" "A" max 1 { input a: count in 0..1\n score = a } }')).toEqual([]);
    expect(checkCodes(leaf("a: count in 0..2", "a + bonus"))).toEqual(["RL207@4:17"]);
    expect(checkCodes('rubric "R" { index = a\n area "1" "A" max 1 { input a: count in 0..1\n score = a } }')).toEqual(["RL201@1:22"]);
  });
});
