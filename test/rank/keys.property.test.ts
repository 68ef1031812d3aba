import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RoundingMode } from "../../src/compile/types.js";
import { compareAt, keyColumn, publishText } from "../../src/rank/keys.js";
import Decimal from "decimal.js";
import { Exact } from "../../src/runtime/exact.js";

/** decimal.js as the independent oracle: enough precision that no test value is rounded. */
const D = Decimal.clone({ precision: 200, toExpNeg: -1e9, toExpPos: 1e9 });
const DMODE: Readonly<Record<RoundingMode, Decimal.Rounding>> = { "half-up": D.ROUND_HALF_UP, "half-even": D.ROUND_HALF_EVEN, "half-down": D.ROUND_HALF_DOWN, up: D.ROUND_UP, down: D.ROUND_DOWN };
function publish(text: string, precision: number, mode: RoundingMode): string {
  const fixed = new D(text).toFixed(precision, DMODE[mode]);
  return /^-0(\.0*)?$/.test(fixed) ? fixed.slice(1) : fixed;
}

const MODES: readonly RoundingMode[] = ["half-up", "half-even", "half-down", "up", "down"];
const digits = (min: number, max: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });
const sign = fc.boolean().map((neg) => (neg ? "-" : ""));

/** Plain decimals: up to 20 integer digits (leading zeros too) and 30 fraction digits. */
const plain = fc.tuple(sign, digits(1, 20), digits(0, 30)).map(([s, i, f]) => `${s}${i}${f === "" ? "" : `.${f}`}`);
/** Values exactly halfway (or just off it) at `precision` decimals: `12.345` at 2, `12.3450001`. */
const halfway = (precision: number): fc.Arbitrary<string> =>
  fc.tuple(sign, digits(1, 4), digits(precision, precision), fc.constantFrom("5", "50", "5000", "4", "6", "49", "51", "50001"))
    .map(([s, i, f, tail]) => `${s}${i}.${f}${tail}`);
/** Short values on a coarse grid, so keys tie often. */
const coarse = fc.tuple(sign, fc.integer({ min: 0, max: 30 }), fc.constantFrom("", ".5", ".25", ".250", ".05", ".005")).map(([s, i, f]) => `${s}${i}${f}`);
/** Up to 15 significant digits with nines and fives at the end: the integer fast path's limits. */
const wide = fc.tuple(sign, digits(1, 9), digits(1, 9), fc.constantFrom("", "5", "9", "99", "49", "95")).map(([s, i, f, tail]) => `${s}${i}.${f}${tail}`.slice(0, 17 + s.length));
/** Few significant digits far after the point (1e-21): more decimals than the integer fast path's powers of ten. */
const tiny = fc.tuple(sign, fc.integer({ min: 14, max: 45 }), digits(1, 3)).map(([s, zeros, d]) => `${s}0.${"0".repeat(zeros)}${d}`);
/** Other forms decimal.js reads: exponents, a leading `+` or `.`. */
const other = fc.oneof(
  fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: -25, max: 25 })).map(([m, e]) => `${m}e${e}`),
  digits(1, 6).map((d) => `+${d}`),
  digits(1, 6).map((d) => `.${d}`),
);
const decimal = (precision: number): fc.Arbitrary<string> => fc.oneof({ arbitrary: plain, weight: 3 }, { arbitrary: halfway(precision), weight: 3 }, { arbitrary: coarse, weight: 2 }, { arbitrary: wide, weight: 3 }, { arbitrary: tiny, weight: 1 }, { arbitrary: other, weight: 1 });

describe("fast ranking keys against decimal.js", () => {
  it("publishes exactly as publish(): every rounding mode, precisions 0–10, halfway values, negatives", () => {
    const arb = fc.integer({ min: 0, max: 10 }).chain((p) => fc.tuple(fc.constant(p), decimal(p), fc.constantFrom(...MODES)));
    fc.assert(fc.property(arb, ([precision, text, mode]) => {
      expect(publishText(text, precision, mode)).toBe(publish(text, precision, mode));
    }), { numRuns: 5000 });
  });

  it("orders a key column as decimal.js comparedTo does, ascending and descending, published or exact", () => {
    const arb = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom(...MODES), fc.boolean(), fc.boolean())
      .chain(([p, mode, desc, published]) => fc.tuple(fc.constant({ p, mode, desc, published }), fc.array(decimal(p), { minLength: 1, maxLength: 30 })));
    fc.assert(fc.property(arb, ([{ p, mode, desc, published }, raw]) => {
      const texts = published ? raw.map((t) => publishText(t, p, mode)) : raw;
      const column = keyColumn(texts, desc);
      for (let a = 0; a < texts.length; a++) {
        for (let b = 0; b < texts.length; b++) {
          const expected = Exact.of(texts[a]!).comparedTo(Exact.of(texts[b]!)) * (desc ? -1 : 1);
          expect(Math.sign(compareAt(column, a, b)) + 0).toBe(Math.sign(expected) + 0); // + 0: -0 is 0
        }
      }
    }), { numRuns: 1500 });
  });

  it("uses exact integers: numbers for short values, BigInt once a scaled value passes 15 digits", () => {
    expect(keyColumn(["90.48", "-0.5", "7"], true).kind).toBe("number");
    expect(keyColumn(["1234567890.123456", "1"], false).kind).toBe("bigint");
    expect(keyColumn(["1e3", "2"], false).kind).toBe("bigint");
    // 2^53 + 1 would not survive as a float: the column must still tell it from 2^53.
    const big = keyColumn(["9007199254740993", "9007199254740992"], false);
    expect(Math.sign(compareAt(big, 0, 1))).toBe(1);
  });
});
