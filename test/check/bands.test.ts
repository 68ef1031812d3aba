import { describe, expect, it } from "vitest";
import { checkCodes, leaf } from "./helpers.js";

describe("bands coverage (RL407, RL408)", () => {
  it("finds an arm covered by an earlier one", () => {
    expect(checkCodes(leaf("r: percent in 0..100", "bands r { >= 80%: 1; >= 90%: 2; else: 0 }"))).toEqual(["RL407@4:34"]);
    expect(checkCodes(leaf("r: percent in 0..100", "bands r { > 80%: 1; >= 80%: 2; else: 0 }"))).toEqual([]);
    expect(checkCodes(leaf("r: percent in 0..100", "bands r { >= 80%: 1; > 80%: 2; else: 0 }"))).toEqual(["RL407@4:34"]);
  });

  it("finds a gap when there is no else, and none when the arms cover everything", () => {
    expect(checkCodes(leaf("r: percent in 0..100", "bands r { >= 100%: 2; >= 80%: 1 }"))).toEqual(["RL408@4:13"]);
    expect(checkCodes(leaf("r: number in 0..2", "bands r { >= 1: 2; < 1: 0 }"))).toEqual([]);
    expect(checkCodes(leaf("r: number in 0..2", "bands r { > 1: 2; < 1: 0 }"))).toEqual(["RL408@4:13"]);
  });

  it("stays silent on thresholds it cannot read", () => {
    expect(checkCodes(leaf("r: number in 0..2, t: number in 0..2", "bands r { >= t: 2; >= t: 1 }"))).toEqual([]);
  });
});

describe("classification bands (RL413, RL414)", () => {
  const rubric = (bands: string): string => `rubric "R" { area "1" "A" max 1 { input a: count in 0..1\n score = a }\n bands {\n${bands}\n } }`;
  it("accepts descending thresholds ending in otherwise", () => {
    expect(checkCodes(rubric('"A" when index >= 90\n "B" when index >= 80\n "C" otherwise'))).toEqual([]);
  });
  it("reports a band covered by an earlier one", () => {
    expect(checkCodes(rubric('"B" when index >= 80\n "A" when index >= 90\n "C" otherwise'))).toEqual(["RL413@5:2"]);
  });
});
