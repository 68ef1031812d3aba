/**
 * The runtime's exact rationals against decimal.js as an independent oracle (at a
 * precision no test value reaches, so decimal.js is exact here), and against their own
 * definitions where decimal.js cannot be exact (values with no finite decimal).
 */
import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RoundingMode } from "../../src/compile/types.js";
import { Exact, ExactOverflow, MAX_EXACT_DIGITS } from "../../src/runtime/exact.js";
import { evaluateUnit } from "../../src/runtime/evaluate.js";
import { rubricOf, unitOf } from "./helpers.js";

const D = Decimal.clone({ precision: 500, toExpNeg: -1e9, toExpPos: 1e9 });
const MODES: readonly RoundingMode[] = ["half-up", "half-even", "half-down", "up", "down"];
const DMODE: Readonly<Record<RoundingMode, Decimal.Rounding>> = { "half-up": D.ROUND_HALF_UP, "half-even": D.ROUND_HALF_EVEN, "half-down": D.ROUND_HALF_DOWN, up: D.ROUND_UP, down: D.ROUND_DOWN };

/** Decimal texts from 10^-40 to 10^40, both signs, with up to 45 significant digits. */
const decimalText = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 45n }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }))
  .map(([neg, digits, places, shift]) => {
    const d = new D(digits.toString()).times(new D(10).pow(shift)).dividedBy(new D(10).pow(places + shift));
    return (neg && !d.isZero() ? "-" : "") + d.abs().toFixed();
  });

function dFixed(text: string, precision: number, mode: RoundingMode): string {
  const fixed = new D(text).toFixed(precision, DMODE[mode]);
  return /^-0(\.0*)?$/.test(fixed) ? fixed.slice(1) : fixed;
}

describe("exact rationals", () => {
  it("read and write decimals exactly: canonical text as decimal.js writes it", () => {
    fc.assert(fc.property(decimalText, (t) => {
      expect(Exact.of(t).toString()).toBe(new D(t).isZero() ? "0" : new D(t).toFixed());
    }), { numRuns: 2000 });
  });

  it("add, subtract, multiply and compare as decimal.js does on decimals", () => {
    fc.assert(fc.property(decimalText, decimalText, (a, b) => {
      const [x, y] = [Exact.of(a), Exact.of(b)];
      const [dx, dy] = [new D(a), new D(b)];
      const canon = (v: Decimal): string => (v.isZero() ? "0" : v.toFixed());
      expect(x.plus(y).toString()).toBe(canon(dx.plus(dy)));
      expect(x.minus(y).toString()).toBe(canon(dx.minus(dy)));
      expect(x.times(y).toString()).toBe(canon(dx.times(dy)));
      expect(x.comparedTo(y)).toBe(dx.comparedTo(dy));
    }), { numRuns: 2000 });
  });

  it("divide exactly: (a / b) × b = a, and a fraction's text reads back to the same value", () => {
    fc.assert(fc.property(decimalText, decimalText, (a, b) => {
      const [x, y] = [Exact.of(a), Exact.of(b)];
      fc.pre(!y.isZero());
      const q = x.dividedBy(y);
      expect(q.times(y).eq(x)).toBe(true);
      expect(Exact.of(q.toString()).eq(q)).toBe(true);
    }), { numRuns: 2000 });
  });

  it("publish decimals as decimal.js toFixed does, in every mode and precision 0–10", () => {
    fc.assert(fc.property(decimalText, fc.integer({ min: 0, max: 10 }), fc.constantFrom(...MODES), (t, p, mode) => {
      expect(Exact.of(t).toFixed(p, mode)).toBe(dFixed(t, p, mode));
    }), { numRuns: 3000 });
  });

  it("publish fractions by rounding the exact value: ties and near-ties", () => {
    // 1/8 = 0.125 is a tie at 2 decimals; 1/3, 2/3, -5/6 never end.
    const cases: [string, number, RoundingMode, string][] = [
      ["1/8", 2, "half-up", "0.13"], ["1/8", 2, "half-even", "0.12"], ["1/8", 2, "half-down", "0.12"], ["1/8", 2, "up", "0.13"], ["1/8", 2, "down", "0.12"],
      ["-1/8", 2, "half-up", "-0.13"], ["-1/8", 2, "half-even", "-0.12"], ["-1/8", 2, "down", "-0.12"], ["-1/8", 2, "up", "-0.13"],
      ["1/3", 2, "up", "0.34"], ["2/3", 2, "down", "0.66"], ["2/3", 0, "half-down", "1"], ["-5/6", 1, "half-even", "-0.8"],
      ["-1/300", 2, "half-up", "0.00"], ["4500/49", 2, "half-up", "91.84"],
    ];
    for (const [text, p, mode, expected] of cases) expect(`${text} ${p} ${mode}: ${Exact.of(text).toFixed(p, mode)}`).toBe(`${text} ${p} ${mode}: ${expected}`);
  });

  it("reduce fractions and refuse what is not a number", () => {
    expect(Exact.of("10/4").toString()).toBe("2.5");
    expect(Exact.of("-6/9").toString()).toBe("-2/3");
    expect(Exact.of("1e-21").toString()).toBe("0.000000000000000000001");
    expect(Exact.of("1.5E3").toString()).toBe("1500");
    for (const bad of ["", "-", ".", "1/0", "1/-2", "abc", "1,5", "NaN", "Infinity", "1e9999999"]) expect(Exact.parse(bad), bad).toBeUndefined();
  });

  it("writes people's approximations with a number of significant digits", () => {
    expect(Exact.of("25/12").toSignificant(5)).toBe("2.0833");
    expect(Exact.of("1/300").toSignificant(3)).toBe("0.00333");
    expect(Exact.of("2.5").toSignificant(34)).toBe("2.5");
    expect(Exact.of("123456/1").toSignificant(3)).toBe("123456");
  });

  it("stops a value that grows past the bound instead of exhausting memory", () => {
    let v = Exact.of("1.1");
    expect(() => { for (let i = 0; i < 30; i++) v = v.times(v); }).toThrow(ExactOverflow);
    expect(MAX_EXACT_DIGITS).toBe(1000);
  });

  it("a rule squaring a value again and again puts only its node in error (too-large)", () => {
    const lets = Array.from({ length: 26 }, (_, i) => `let s${i + 1} = ${i === 0 ? "x" : `s${i}`} * ${i === 0 ? "x" : `s${i}`}`).join("\n");
    const rubric = rubricOf(`rubric "S" { area "1" "A" max 2 {
      item "1.1" "a" max 1 { input x: number\n${lets}\n score = min(1, s26) }
      item "1.2" "b" max 1 { score = given } } }`);
    const result = evaluateUnit(rubric, unitOf({ "1.1": { inputs: { x: "1.5" } }, "1.2": { points: "1" } }));
    expect(result.complete).toBe(false);
    expect(result.errors.find((e) => e.node === "1.1")).toMatchObject({ code: "too-large" });
    expect(result.nodes.find((n) => n.id === "1.2")).toMatchObject({ status: "scored", points: "1" });
  });
});
