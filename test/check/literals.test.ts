import { describe, expect, it } from "vitest";
import { checkCodes, leaf } from "./helpers.js";

describe("number literals within the bounds every reader keeps (RL305)", () => {
  const digits = (n: number): string => "1".padEnd(n, "0");

  it("refuses a max, a threshold or a factor beyond 50 digits before or after the point", () => {
    expect(checkCodes(`rubric "R" { area "1" "A" max ${digits(51)} { input a: number\n score = a } }`)).toContain("RL305@1:31");
    expect(checkCodes(leaf("a: number", `a * 0.${"0".repeat(50)}1`))).toContain("RL305@4:17");
    expect(checkCodes(leaf("a: number", `bands a { >= ${digits(60)}%: 1; else: 0 }`)).some((c) => c.startsWith("RL305@"))).toBe(true);
  });

  it("accepts literals at the bound", () => {
    expect(checkCodes(leaf("a: number in 0..10", `min(a * 0.${"0".repeat(49)}1, max)`))).toEqual([]);
  });
});
