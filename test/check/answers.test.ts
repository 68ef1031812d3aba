import { describe, expect, it } from "vitest";
import { checkRubric } from "../../src/check/index.js";
import { localize } from "../../src/diagnostics.js";
import { parseRubric } from "../../src/syntax/parse.js";
import { checkCodes, leaf } from "./helpers.js";

/** The diagnostics of a one-leaf rubric, with their data. */
function diagnostics(inputs: string, rule: string) {
  const parsed = parseRubric(leaf(inputs, rule));
  if (parsed.ast === undefined) throw new Error("does not parse");
  return checkRubric(parsed.ast);
}

describe("count and share with a condition", () => {
  it("accepts conditions on one list, with and/or/not, in and other inputs", () => {
    expect(checkCodes(leaf("answers: list of likert(1..5)", "max * share(answers >= 4)"))).toEqual([]);
    expect(checkCodes(leaf("answers: list of likert(1..5), cut: count", "count(answers >= cut and answers != 5) / 2"))).toEqual([]);
    expect(checkCodes(leaf("picks: list of enum(A, B, C)", "max * share(picks == A or picks == B)"))).toEqual([]);
  });

  it("share of a bare list is RL385 with a condition to write", () => {
    const [d] = diagnostics("answers: list of likert(1..5)", "max * share(answers)");
    expect(d).toMatchObject({ code: "RL385", data: { suggestion: "answers >= 4" } });
    expect(localize(d!, "vi").message).toContain("ví dụ share(answers >= 4)");
  });

  it("a condition on no list is RL385; on two lists RL386; nested RL387", () => {
    expect(checkCodes(leaf("answers: list of likert(1..5), n: count", "share(n >= 4)"))).toEqual(["RL415@3:11", "RL385@4:19"]);
    expect(checkCodes(leaf("a: list of likert(1..5), b: list of likert(1..5)", "count(a >= b)"))).toEqual(["RL386@4:19"]);
    expect(checkCodes(leaf("a: list of likert(1..5), b: list of likert(1..5)", "count(a > count(b >= 2))"))).toEqual(["RL387@4:23"]);
  });

  it("the element has the list's element type: comparing an enum element with a number is RL302", () => {
    expect(checkCodes(leaf("picks: list of enum(A, B)", "count(picks >= 4)"))).toEqual(["RL302@4:19"]);
    expect(checkCodes(leaf("picks: list of enum(A, B)", "count(picks == Z)"))).toEqual(["RL205@4:28"]);
  });

  it("the element keeps its quantity: a scale answer against a percentage is RL307, a percentage against 90 is RL306", () => {
    expect(checkCodes(leaf("answers: list of likert(1..5)", "max * share(answers >= 80%)")).map((c) => c.split("@")[0])).toEqual(["RL307"]);
    expect(checkCodes(leaf("rates: list of percent", "count(rates >= 90)")).map((c) => c.split("@")[0])).toEqual(["RL306"]);
    expect(checkCodes(leaf("rates: list of percent", "max * share(rates >= 90%)"))).toEqual([]);
  });

  it("count of a bare list or a list unit fact is still its length", () => {
    expect(checkCodes(leaf("answers: list of likert(1..5)", "count(answers)"))).toEqual([]);
    expect(checkCodes(`rubric "R" {\n  unit { xs: list of number }\n  area "1" "A" max 2 {\n    score = min(count(unit.xs), 2)\n  }\n}\n`)).toEqual([]);
  });
});

describe("match", () => {
  it("accepts an exhaustive match over an enum, a likert value and a list", () => {
    expect(checkCodes(leaf("a: enum(A, B, C)", "max * match a { A: 100%, B: 60%, C: 0% }"))).toEqual([]);
    expect(checkCodes(leaf("a: likert(1..3)", "match a { 1: 0; 2, 3: 2 }"))).toEqual([]);
    expect(checkCodes(leaf("xs: list of likert(1..3)", "mean(match xs { 1: 0; 2: 1; 3: 2 })"))).toEqual([]);
    expect(checkCodes(leaf("x: number", "match x { 1: 2; else: 0 }"))).toEqual([]);
  });

  it("a missing member or value is RL380, naming the missing ones", () => {
    const [d] = diagnostics("a: enum(A, B, C, D)", "max * match a { A: 100%, B: 60% }");
    expect(d).toMatchObject({ code: "RL380" });
    expect(d!.message).toContain("'C', 'D'");
    expect(localize(d!, "vi").message).toContain("chưa có giá trị cho 'C', 'D'");
    expect(checkCodes(leaf("a: likert(1..5)", "match a { 1: 0; 2: 0; 5: 2 }"))).toEqual(["RL380@4:19"]);
  });

  it("an unknown member is RL205 with did-you-mean", () => {
    const [d] = diagnostics("a: enum(hai_long, khong_hai_long)", "match a { hai_long: 2, khong_hai_lng: 0 }");
    expect(d).toMatchObject({ code: "RL205", data: { suggestion: "khong_hai_long" } });
  });

  it("a duplicate key is RL381, naming the line of the first", () => {
    expect(checkCodes(leaf("a: enum(A, B)", "match a { A: 1, B: 0, A: 2 }"))).toEqual(["RL381@4:35"]);
    expect(checkCodes(leaf("a: likert(1..2)", "match a { 1, 2: 1; 02: 0 }"))).toEqual(["RL381@4:32"]);
  });

  it("a key the subject cannot take is RL382", () => {
    expect(checkCodes(leaf("a: likert(1..3)", "match a { 1: 0; 2: 1; 3: 2; 6: 2 }"))).toEqual(["RL382@4:41"]);
    expect(checkCodes(leaf("a: enum(A, B)", "match a { A: 1; B: 0; 3: 2 }"))).toEqual(["RL382@4:35"]);
    expect(checkCodes(leaf("a: likert(1..2)", "match a { 1: 0; 2: 1; A: 2 }"))).toEqual(["RL382@4:35"]);
  });

  it("an else after every value is the RL383 warning; a number with no whole range needs else (RL384)", () => {
    expect(checkCodes(leaf("a: enum(A, B)", "match a { A: 1; B: 0; else: 2 }"))).toEqual(["RL383@4:41"]);
    expect(checkCodes(leaf("x: number", "match x { 1: 2; 2: 0 }"))).toEqual(["RL384@4:19"]);
  });

  it("arms of different types are RL300; a date subject is RL300", () => {
    expect(checkCodes(leaf("a: enum(A, B)", "match a { A: 1; B: true }"))).toContain("RL300@4:32");
    expect(checkCodes(leaf("d: date", "match d { 1: 0; else: 1 }"))).toContain("RL300@4:19");
  });
});
