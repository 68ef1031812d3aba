import { describe, expect, it } from "vitest";
import { checkCodes } from "./helpers.js";

describe("tree structure and points", () => {
  it("checks children's maxima for every aggregation", () => {
    const tree = (agg: string, a: string, b: string, max: string, weights = ["", ""]): string =>
      `rubric "R" { area "1" "A" max ${max} { aggregate ${agg}\n item "1.1" "x" max ${a}${weights[0]} { score = given }\n item "1.2" "y" max ${b}${weights[1]} { score = given } } }`;
    expect(checkCodes(tree("sum", "1", "2", "3"))).toEqual([]);
    expect(checkCodes(tree("sum", "1", "2", "4"))).toEqual(["RL400@1:14"]);
    expect(checkCodes(tree("weighted", "10", "10", "100", [" weight 6", " weight 4"]))).toEqual([]);
    expect(checkCodes(tree("weighted", "10", "10", "100", [" weight 6", " weight 3"]))).toEqual(["RL400@1:14"]);
    expect(checkCodes(tree("mean", "10", "10", "10"))).toEqual([]);
    expect(checkCodes(tree("min", "10", "5", "10"))).toEqual(["RL400@1:14"]);
    expect(checkCodes(tree("normalised", "3", "7", "100"))).toEqual([]);
  });

  it("accepts given with a step that divides the max", () => {
    expect(checkCodes('rubric "R" { area "1" "A" max 2 { score = given step 0.25 } }')).toEqual([]);
    expect(checkCodes('rubric "R" { area "1" "A" max 2 { score = given step 0 } }')).toEqual(["RL305@1:54"]);
  });

  it("reports inputs, lets and when on an inner node", () => {
    expect(checkCodes('rubric "R" { area "1" "A" max 1 { input a: count\n item "1.1" "x" max 1 { score = given } } }')).toContain("RL402@1:35");
  });

  it("checks bonus and penalty blocks like leaves", () => {
    expect(checkCodes('rubric "R" { area "1" "A" max 1 { score = given } bonus "B" "b" max 1 { aggregate sum\n score = 1 } }')).toEqual(["RL403@1:73"]);
    expect(checkCodes('rubric "R" { area "1" "A" max 1 { score = given } penalty "P" "p" max 1 { } }')).toEqual(["RL401@1:51"]);
  });
});
