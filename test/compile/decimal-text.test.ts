import { describe, expect, it } from "vitest";
import { canonicalDecimal, percentToFraction } from "../../src/compile/decimal-text.js";

describe("canonicalDecimal", () => {
  it.each([
    ["0.50", "0.5"], ["100", "100"], ["-0", "0"], ["-0.250", "-0.25"], ["007", "7"], ["0.0000001", "0.0000001"],
    ["12345678901234567890.123456789", "12345678901234567890.123456789"],
  ])("%s → %s", (text, expected) => {
    expect(canonicalDecimal(text)).toBe(expected);
  });
});

describe("percentToFraction", () => {
  it.each([["80", "0.8"], ["80%", "0.8"], ["100", "1"], ["12.5", "0.125"], ["0", "0"], ["0.1", "0.001"]])("%s%% → %s", (text, expected) => {
    expect(percentToFraction(text)).toBe(expected);
  });
});
