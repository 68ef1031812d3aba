import { describe, expect, it } from "vitest";
import { evaluateUnit } from "../../src/runtime/evaluate.js";
import { rubricOf, unitOf } from "./helpers.js";

describe("exact arithmetic: the hand-checked cases", () => {
  it("0.1 + 0.2 points give exactly 0.3", () => {
    const r = rubricOf('rubric "R" { area "1" "A" max 1 { item "a" "a" max 0.5 { score = 0.1 } item "b" "b" max 0.5 { score = 0.2 } } }');
    const result = evaluateUnit(r, unitOf({}));
    expect(result.figures?.points).toBe("0.3");
  });

  it("35/46 of a 1-point item stays the exact fraction and publishes 0.76", () => {
    const r = rubricOf('rubric "R" { area "1" "A" max 1 { input done: count, planned: count in 1..100\n score = max * done / planned } }');
    const result = evaluateUnit(r, unitOf({ "1": { inputs: { done: "35", planned: "46" } } }));
    expect(result.figures?.points).toBe("35/46");
    expect(result.published?.points).toBe("0.76");
  });

  it("a total of 90.485 publishes 90.49 under half-up, 90.48 under half-even", () => {
    const source = (mode: string): string => `rubric "R" { publish precision 2 rounding ${mode}\n area "1" "A" max 100 { score = given } }`;
    const unit = unitOf({ "1": { points: "90.485" } });
    expect(evaluateUnit(rubricOf(source("half-up")), unit).published).toEqual({ points: "90.49", index: "90.49" });
    expect(evaluateUnit(rubricOf(source("half-even")), unit).published).toEqual({ points: "90.48", index: "90.48" });
  });

  it("an exclude N/A of a 2-point item out of 100 rescales the index to points/98 × 100", () => {
    const r = rubricOf('rubric "R" { not applicable: exclude\n area "1" "A" max 100 { item "1.1" "x" max 98 { score = given } item "1.2" "y" max 2 { score = given } } }');
    const result = evaluateUnit(r, unitOf({ "1.1": { points: "90" }, "1.2": { notApplicable: "không phát sinh" } }));
    expect(result.figures).toMatchObject({ points: "90", max: "98" });
    expect(result.figures?.index).toBe("4500/49"); // 90 / 98 × 100, exactly
    expect(result.published?.index).toBe("91.84");
  });
});

describe("not applicable", () => {
  const source = (policy: string): string =>
    `rubric "R" { unit { kind: enum(a, b) }\n area "1" "A" max 8 { item "1.1" "x" max 6 { score = given } item "1.2" "y" max 2 applies when unit.kind == a { not applicable: ${policy}\n score = given } } }`;
  it.each([["full", "8", "8"], ["zero", "6", "8"], ["exclude", "6", "6"]])("%s: points %s of max %s", (policy, points, max) => {
    const result = evaluateUnit(rubricOf(source(policy)), unitOf({ "1.1": { points: "6" } }, { kind: { enum: "b" } }));
    expect(result.figures).toMatchObject({ points, max });
    expect(result.nodes.find((n) => n.id === "1.2")).toMatchObject({ status: "not-applicable", naPolicy: policy });
  });

  it("a when clause declares not arising with its own policy", () => {
    const r = rubricOf('rubric "R" { area "1" "A" max 2 { input on_time: count, total: count\n when total == 0: full\n score = max * on_time / total } }');
    const result = evaluateUnit(r, unitOf({ "1": { inputs: { on_time: "0", total: "0" } } }), { explain: true });
    expect(result.figures?.points).toBe("2");
    expect(result.nodes[0]?.trace).toContainEqual({ step: "when", clause: 1, policy: "full" });
  });
});

describe("lets are computed when first needed", () => {
  it("a when clause protects a let that would divide by zero", () => {
    const r = rubricOf('rubric "R" { area "1" "A" max 3 { input done: count, total: count\n let rate = done / total\n when total == 0: full\n score = bands rate { >= 100%: 3; else: 0 } } }');
    const result = evaluateUnit(r, unitOf({ "1": { inputs: { done: "0", total: "0" } } }), { explain: true });
    expect(result.complete).toBe(true);
    expect(result.figures?.points).toBe("3");
    expect(result.nodes[0]?.trace).toEqual([{ step: "when", clause: 1, policy: "full" }]);
  });
});

describe("aggregation and clamping", () => {
  const tree = (method: string, weights = ["", ""]): string =>
    `rubric "R" { area "1" "A" max 10 { aggregate ${method}\n item "a" "a" max 10${weights[0]} { score = given } item "b" "b" max 10${weights[1]} { score = given } } }`;
  const unit = unitOf({ a: { points: "4" }, b: { points: "8" } });
  it.each([["mean", "6"], ["min", "4"], ["normalised", "6"]])("%s", (method, points) => {
    expect(evaluateUnit(rubricOf(tree(method)), unit).figures?.points).toBe(points);
  });

  it("weighted: Σ weight × points", () => {
    expect(evaluateUnit(rubricOf(tree("weighted", [" weight 0.25", " weight 0.75"])), unit).figures?.points).toBe("7");
  });

  it("clamps a leaf to [0, max] and records it in the trace", () => {
    const r = rubricOf('rubric "R" { area "1" "A" max 2 { input missing: count\n score = max - 0.5 * missing } }');
    const result = evaluateUnit(r, unitOf({ "1": { inputs: { missing: "7" } } }), { explain: true });
    expect(result.figures?.points).toBe("0");
    expect(result.nodes[0]?.trace).toEqual([{ step: "rule", value: "-1.5" }, { step: "clamped", to: "0" }]);
  });

  it("traces the band that fired", () => {
    const r = rubricOf('rubric "R" { area "1" "A" max 2 { input done: count, planned: count in 1..100\n let rate = done / planned\n score = bands rate { >= 100%: 2; >= 80%: 1; else: 0 } } }');
    const result = evaluateUnit(r, unitOf({ "1": { inputs: { done: "35", planned: "40" } } }), { explain: true });
    expect(result.figures?.points).toBe("1");
    expect(result.nodes[0]?.trace).toEqual([
      { step: "let", name: "rate", value: "0.875", ratio: { numerator: "35", denominator: "40" } },
      { step: "band", arm: 2, subject: "0.875", cmp: "ge", threshold: "0.8", percent: true },
      { step: "rule", value: "1" },
    ]);
  });

  it("shows a band on a quotient with its two sides", () => {
    const r = rubricOf('rubric "R" { area "1" "A" max 2 { input done: count, planned: count in 1..200000\n score = bands done / planned { >= 100%: 2; >= 90%: 1; else: 0 } } }');
    const result = evaluateUnit(r, unitOf({ "1": { inputs: { done: "152340", planned: "152400" } } }), { explain: true });
    expect(result.nodes[0]?.trace).toEqual([
      { step: "band", arm: 2, subject: "2539/2540", cmp: "ge", threshold: "0.9", percent: true, ratio: { numerator: "152340", denominator: "152400" } },
      { step: "rule", value: "1" },
    ]);
  });
});

describe("bonus and penalty", () => {
  const source = (exceed: string): string => `rubric "R" { ${exceed}\n area "1" "A" max 10 { score = given }\n bonus "T" "t" max 2 { input n: count\n score = 1 * n }\n penalty "P" "p" max 1 { input n: count\n score = 0.5 * n } }`;
  it("caps each block and the total at the maximum", () => {
    const result = evaluateUnit(rubricOf(source("")), unitOf({ "1": { points: "9.5" }, T: { inputs: { n: "5" } }, P: { inputs: { n: "1" } } }));
    expect(result.figures).toMatchObject({ bonus: "2", penalty: "0.5", points: "10" });
  });
  it("lets the bonus lift the total above the maximum when the rubric says so", () => {
    const result = evaluateUnit(rubricOf(source("bonus may exceed max")), unitOf({ "1": { points: "9.5" }, T: { inputs: { n: "5" } }, P: { inputs: { n: "1" } } }));
    expect(result.figures).toMatchObject({ points: "11", index: "110" });
  });
});

describe("errors are results", () => {
  const r = rubricOf('rubric "R" { area "1" "A" max 2 { item "1.1" "x" max 1 { input a: count, b: count\n score = a / b } item "1.2" "y" max 1 { score = given step 0.25 } } }');
  it("a division by zero puts the node and its parents in error, never 0", () => {
    const result = evaluateUnit(r, unitOf({ "1.1": { inputs: { a: "1", b: "0" } }, "1.2": { points: "0.5" } }));
    expect(result.complete).toBe(false);
    expect(result.figures).toBeUndefined();
    expect(result.errors).toEqual([
      { node: "1", code: "depends-on-error", message: '"1": depends on "1.1", which is in error', args: { node: "1.1" } },
      { node: "1.1", code: "division-by-zero", message: '"1.1": division by zero in a rule', args: { numerator: "1" } },
    ]);
    expect(result.nodes.find((n) => n.id === "1.2")).toMatchObject({ status: "scored", points: "0.5" });
  });
  it.each([
    [{ "1.1": { inputs: { a: "1" } }, "1.2": { points: "0.5" } }, "missing-input", "input 'b' is missing"],
    [{ "1.1": { inputs: { a: "1", b: "1" } } }, "missing-input", "points given by the assessor are missing"],
    [{ "1.1": { inputs: { a: "1", b: "1" } }, "1.2": { points: "0.3" } }, "bad-points", "not a multiple of the step 0.25"],
    [{ "1.1": { inputs: { a: "1", b: "1" } }, "1.2": { points: "2" } }, "bad-points", "outside 0..1"],
  ])("%j → %s", (nodes, code, message) => {
    const result = evaluateUnit(r, unitOf(nodes));
    expect(result.complete).toBe(false);
    const error = result.errors.find((e) => e.code === code);
    expect(error?.message).toContain(message);
  });
});

describe("determinism", () => {
  it("gives byte-identical results for the same inputs, whatever the key order", () => {
    const r = rubricOf('rubric "R" { area "1" "A" max 2 { item "a" "a" max 1 { input x: count in 0..1\n score = x } item "b" "b" max 1 { input y: count in 0..1\n score = y } } }');
    const one = evaluateUnit(r, unitOf({ a: { inputs: { x: "1" } }, b: { inputs: { y: "0" } } }));
    const two = evaluateUnit(r, unitOf({ b: { inputs: { y: "0" } }, a: { inputs: { x: "1" } } }));
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });
});
