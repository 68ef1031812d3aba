/**
 * The fast path's exact numbers against the plain path's exact rationals: every
 * operation on scaled integers, quotients and rationals gives the rational result,
 * including near and past the safe-integer limit and with more decimals than the
 * scale holds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Exact, text } from "../../src/runtime/exact.js";
import { add, cmp, div, fromExact, max, min, mul, neg, numText, publishNum, Ratio, scaledText, sub, toExact, type Num } from "../../src/runtime/fast-num.js";

/** Decimals from 0 to 21 places, magnitudes up to 10^21, both signs. */
const decimalArb = fc.tuple(fc.bigInt({ min: -(10n ** 21n), max: 10n ** 21n }), fc.nat({ max: 9 }), fc.nat({ max: 12 }))
  .map(([digits, places, shrink]) => Exact.fraction(digits, 10n ** BigInt(places + shrink)));

/** The same value in every fast form it can take: as read, as a rational, as a quotient. */
const numArb: fc.Arbitrary<[Exact, Num]> = fc.oneof(
  decimalArb.map((e): [Exact, Num] => [e, fromExact(e)]),
  decimalArb.map((e): [Exact, Num] => [e, e]),
  fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 })).map(([n, d]): [Exact, Num] => [Exact.fraction(BigInt(n), BigInt(d)), new Ratio(n, d)]),
  fc.tuple(fc.maxSafeInteger(), fc.integer({ min: 1, max: 2 ** 40 })).map(([n, d]): [Exact, Num] => [Exact.fraction(BigInt(n), BigInt(d)), new Ratio(n, d)]),
);

describe("fast-path numbers", () => {
  it("read back to the same text and value", () => {
    fc.assert(fc.property(decimalArb, (e) => {
      expect(numText(fromExact(e))).toBe(text(e));
      expect(toExact(fromExact(e)).eq(e)).toBe(true);
    }), { numRuns: 2000 });
  });

  it("write scaled integers as the rational of the same value writes itself", () => {
    const scaledArb = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.maxSafeInteger(), fc.maxSafeInteger().map((v) => -v));
    fc.assert(fc.property(scaledArb, (v) => {
      expect(scaledText(v)).toBe(text(Exact.fraction(BigInt(v), 1_000_000n)));
    }), { numRuns: 3000 });
  });

  it("add, subtract, multiply, divide, negate, compare, min, max and publish as the rationals do", () => {
    fc.assert(fc.property(numArb, numArb, ([ea, a], [eb, b]) => {
      expect(numText(add(a, b))).toBe(text(ea.plus(eb)));
      expect(numText(sub(a, b))).toBe(text(ea.minus(eb)));
      expect(numText(mul(a, b))).toBe(text(ea.times(eb)));
      const q = div(a, b);
      if (eb.isZero()) expect(q).toBeUndefined();
      else expect(numText(q!)).toBe(text(ea.dividedBy(eb)));
      expect(numText(neg(a))).toBe(text(ea.negated()));
      expect(cmp(a, b)).toBe(ea.comparedTo(eb));
      expect(numText(min(a, b))).toBe(text(Exact.min(ea, eb)));
      expect(numText(max(a, b))).toBe(text(Exact.max(ea, eb)));
      expect(publishNum(a, 2, "half-even")).toBe(ea.toFixed(2, "half-even"));
    }), { numRuns: 3000 });
  });
});
