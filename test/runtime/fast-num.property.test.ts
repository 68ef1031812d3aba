/**
 * The fast path's exact numbers against decimal.js: every operation on scaled
 * integers, quotients and decimal.js values gives decimal.js's own result, including
 * near and past the safe-integer limit and with more decimals than the scale holds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Exact, text } from "../../src/runtime/decimal.js";
import { add, cmp, div, exactOfScaled, fromExact, max, min, mul, neg, numText, Ratio, scaledText, sub, toExact, type Num } from "../../src/runtime/fast-num.js";

/** Decimals from 0 to 9 places, magnitudes up to 10^12, both signs. */
const decimalArb = fc.tuple(fc.bigInt({ min: -(10n ** 21n), max: 10n ** 21n }), fc.nat({ max: 9 }), fc.nat({ max: 12 }))
  .map(([digits, places, shrink]) => new Exact(digits.toString()).dividedBy(new Exact(10).pow(places + shrink)));

/** The same value in every fast form it can take: as read, as an Exact, as a quotient. */
const numArb: fc.Arbitrary<[Exact, Num]> = fc.oneof(
  decimalArb.map((e): [Exact, Num] => [e, fromExact(e)]),
  decimalArb.map((e): [Exact, Num] => [e, e]),
  fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 })).map(([n, d]): [Exact, Num] => [new Exact(n).dividedBy(d), new Ratio(n, d)]),
);

describe("fast-path numbers", () => {
  it("read back to the same decimal text", () => {
    fc.assert(fc.property(decimalArb, (e) => {
      expect(numText(fromExact(e))).toBe(text(e));
      expect(toExact(fromExact(e)).eq(e)).toBe(true);
    }), { numRuns: 2000 });
  });

  it("writes quotients by long division exactly as decimal.js divides", () => {
    const operand = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -(2 ** 49) + 1, max: 2 ** 49 - 1 }), fc.maxSafeInteger());
    fc.assert(fc.property(operand, operand, (n, d) => {
      fc.pre(d !== 0);
      const ratio = new Ratio(n, d);
      const expected = text(new Exact(n).dividedBy(d));
      expect(numText(ratio)).toBe(expected);
      expect(text(ratio.value())).toBe(expected);
    }), { numRuns: 5000 });
    // Carries through nines, ties at the 41st digit, leading zeros.
    for (const [n, d] of [[2, 3], [-2, 3], [1, 7], [999999, 1000000], [1, 2 ** 48], [10 ** 15, 3], [1, 81], [5, 9999999999]]) {
      expect(numText(new Ratio(n!, d!))).toBe(text(new Exact(n!).dividedBy(d!)));
    }
  });

  it("builds decimal.js's own layout (digits, exponent, sign) from a scaled integer", () => {
    const scaledArb = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.maxSafeInteger().map((v) => v - (v % 7)), fc.maxSafeInteger().map((v) => -v));
    fc.assert(fc.property(scaledArb, (v) => {
      fc.pre(v % 1e6 !== 0);
      const built = exactOfScaled(v);
      const parsed = new Exact(scaledText(v));
      expect({ d: built.d, e: built.e, s: built.s }).toEqual({ d: parsed.d, e: parsed.e, s: parsed.s });
      expect(text(built.plus("0.1234567"))).toBe(text(parsed.plus("0.1234567")));
    }), { numRuns: 3000 });
  });

  it("add, subtract, multiply, divide, negate, compare, min and max as decimal.js does", () => {
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
    }), { numRuns: 3000 });
  });
});
