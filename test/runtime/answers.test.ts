import { describe, expect, it } from "vitest";
import { evaluateUnit } from "../../src/runtime/evaluate.js";
import { evaluateKernel } from "../../src/runtime/kernel-result.js";
import { stepText } from "../../src/report/trace-text.js";
import type { CompiledRubric } from "../../src/compile/types.js";
import type { UnitInputs } from "../../src/runtime/result.js";
import { plainWithoutTraces, rubricOf, unitOf } from "./helpers.js";

const leaf = (inputs: string, rule: string, max = "10"): CompiledRubric =>
  rubricOf(`rubric "R" { area "1" "A" max ${max} {\n input ${inputs}\n score = ${rule}\n } }`);

const answers = (...xs: number[]): UnitInputs => unitOf({ "1": { inputs: { answers: xs.map(String) } } });

/** Both paths' points; the kernel must answer the same as the plain path (or leave it to it). */
function points(rubric: CompiledRubric, unit: UnitInputs): string | undefined {
  const plain = plainWithoutTraces(rubric, unit);
  const kernel = evaluateKernel(rubric, unit);
  if (kernel !== undefined) expect(JSON.stringify(kernel)).toBe(JSON.stringify(plain));
  return plain.complete ? plain.figures?.points : undefined;
}

describe("count and share of the elements meeting a condition", () => {
  const likert = "answers: list of likert(1..5)";

  it("share(answers >= 4) is the exact fraction of answers of 4 or 5", () => {
    const r = leaf(likert, "max * share(answers >= 4)");
    expect(points(r, answers(5, 4, 3, 4, 5))).toBe("8"); // 4/5 of 10
    expect(points(r, answers(5, 4, 2))).toBe("20/3"); // 2/3 of 10, kept exact
    expect(evaluateKernel(r, answers(5, 4, 2))).toBeDefined(); // the fast path answers
  });

  it("count(answers == 5) counts, and count of an empty list is 0", () => {
    const r = leaf(likert, "count(answers == 5)");
    expect(points(r, answers(5, 5, 1))).toBe("2");
    expect(points(r, answers())).toBe("0");
  });

  it("the condition may combine comparisons with and/or/not and read other inputs", () => {
    const r = leaf(`${likert}, cut: count in 1..5`, "10 * share(answers >= cut and not (answers == 5) or answers == 1)");
    const unit = unitOf({ "1": { inputs: { answers: ["1", "2", "3", "4", "5"], cut: "3" } } });
    expect(points(r, unit)).toBe("6"); // 1, 3, 4 of 5
  });

  it("a share of an empty list is an error of the node (never 0), on both paths", () => {
    const r = leaf(likert, "max * share(answers >= 4)");
    const result = evaluateUnit(r, answers());
    expect(result.complete).toBe(false);
    expect(result.errors[0]).toMatchObject({ node: "1", code: "empty-list" });
    expect(evaluateKernel(r, answers())).toBeUndefined();
  });

  it("the rubric declares the policy for no answers with a when clause", () => {
    const r = rubricOf(`rubric "R" { area "1" "A" max 10 {\n input answers: list of likert(1..5)\n when count(answers) == 0: exclude\n score = max * share(answers >= 4)\n } area "2" "B" max 10 { score = given } }`);
    const result = evaluateUnit(r, unitOf({ "1": { inputs: { answers: [] } }, "2": { points: "5" } }));
    expect(result.figures).toMatchObject({ points: "5", max: "10" });
  });

  it("explains the share in Vietnamese and English: 4/5 từ 4 trở lên = 80 %", () => {
    const r = leaf(likert, "max * share(answers >= 4)");
    const steps = evaluateUnit(r, answers(5, 4, 3, 4, 5), { explain: true }).nodes[0]!.trace ?? [];
    const tally = steps.find((s) => s.step === "tally")!;
    expect(tally).toMatchObject({ fn: "share", matched: 4, total: 5, value: "0.8", cmp: "ge", threshold: "4" });
    expect(stepText(tally, "vi")).toBe("answers: 4/5 từ 4 trở lên = 80 %");
    expect(stepText(tally, "en")).toBe("answers: 4 of 5 are 4 or more = 80 %");
  });

  it("a share with no finite decimal is shown rounded with ≈ and a decimal comma in Vietnamese", () => {
    const r = leaf(likert, "max * share(answers == 5 or answers == 1)");
    const tally = evaluateUnit(r, answers(5, 4, 2), { explain: true }).nodes[0]!.trace!.find((s) => s.step === "tally")!;
    expect(stepText(tally, "vi")).toBe("answers: 1/3 thỏa điều kiện = ≈33,33 %");
    expect(stepText(tally, "en")).toBe("answers: 1 of 3 meets the condition = ≈33.33 %");
  });
});

describe("match", () => {
  it("maps an enum answer to a share of the max (A = 100 %, B = 60 %, C = 20 %, D = 0 %)", () => {
    const r = leaf("answer: enum(A, B, C, D)", "max * match answer { A: 100%, B: 60%, C: 20%, D: 0% }");
    const unit = (a: string): UnitInputs => unitOf({ "1": { inputs: { answer: { enum: a } } } });
    expect(["A", "B", "C", "D"].map((a) => points(r, unit(a)))).toEqual(["10", "6", "2", "0"]);
  });

  it("maps likert values, several keys to an arm, and else", () => {
    const r = leaf("answer: likert(1..5)", "match answer { 4, 5: 10; 3: 5; else: 0 }");
    const unit = (a: string): UnitInputs => unitOf({ "1": { inputs: { answer: a } } });
    expect(["1", "2", "3", "4", "5"].map((a) => points(r, unit(a)))).toEqual(["0", "0", "5", "10", "10"]);
  });

  it("over a list it maps each element: the mean of mapped answers", () => {
    const r = leaf("answers: list of likert(1..4)", "max * mean(match answers { 4: 100%; 3: 60%; 2: 20%; 1: 0% })");
    expect(points(r, answers(4, 3, 3, 1))).toBe("5.5"); // (1 + 0.6 + 0.6 + 0) / 4 × 10
  });

  it("explains a match over a list by counts, in arm order", () => {
    const r = leaf("answers: list of enum(A, B, C)", "max * mean(match answers { A: 100%; B: 60%; else: 0% })");
    const unit = unitOf({ "1": { inputs: { answers: ["C", "B", "A", "B", "A", "A"].map((e) => ({ enum: e })) } } });
    const step = evaluateUnit(r, unit, { explain: true }).nodes[0]!.trace!.find((s) => s.step === "match-list")!;
    expect(stepText(step, "vi")).toBe("quy đổi 6 giá trị: 3 × A → 1; 2 × B → 0,6; 1 × C → 0");
    expect(stepText(step, "en")).toBe("mapped 6 values: 3 × A → 1; 2 × B → 0.6; 1 × C → 0");
    expect(points(r, unit)).toBe("7"); // (3 + 1.2 + 0) / 6 × 10
  });

  it("a match inside a share condition reads the element", () => {
    const r = leaf("answers: list of likert(1..4)", "max * share(match answers { 4: 100%; 3: 60%; 2: 20%; 1: 0% } >= 60%)");
    expect(points(r, answers(4, 3, 2, 1))).toBe("5");
  });

  it("explains the arm taken", () => {
    const r = leaf("answer: enum(A, B, C)", "max * match answer { A: 100%, B: 60%, C: 0% }");
    const step = evaluateUnit(r, unitOf({ "1": { inputs: { answer: { enum: "B" } } } }), { explain: true }).nodes[0]!.trace!.find((s) => s.step === "match")!;
    expect(stepText(step, "vi")).toBe("quy đổi B → 0,6 (nhánh 2)");
    expect(stepText(step, "en")).toBe("mapped B → 0.6 (arm 2)");
  });
});
