/**
 * Exact numbers of the runtime: rationals n / d with BigInt parts, always reduced
 * (d > 0, gcd(n, d) = 1). Every value a rubric computes is exact: a division that does
 * not terminate stays a fraction, so `1 / 3 * 3` is exactly 1. Rounding happens only
 * where a rule says `round(…)` and at publication, on the exact value.
 *
 * Text forms: a value whose decimal expansion ends is written as that decimal
 * (`"2.5"`, `"-0.125"`); any other value as its reduced fraction (`"25/12"`).
 * @module
 */
import type { RoundingMode } from "../compile/types.js";

/**
 * The largest magnitude a numerator or denominator may reach: 10^1000. A computation
 * that grows past it (a value squared again and again) stops with {@link ExactOverflow}
 * instead of exhausting memory; the runtime reports it as that node's error.
 * @category Evaluate
 */
export const MAX_EXACT_DIGITS = 1000;
const LIMIT = 10n ** BigInt(MAX_EXACT_DIGITS);

/**
 * Thrown when an exact value would grow beyond {@link MAX_EXACT_DIGITS} digits.
 * @category Evaluate
 */
export class ExactOverflow extends RangeError {
  constructor() {
    super(`a value grew beyond ${MAX_EXACT_DIGITS} digits`);
  }
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

const POW10: bigint[] = [];
/** 10^k as a BigInt (memoised for small k). */
function pow10(k: number): bigint {
  if (k < 64) return (POW10[k] ??= 10n ** BigInt(k));
  return 10n ** BigInt(k);
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,6}))?$/;
const FRACTION = /^(-?)(\d+)\/(\d+)$/;

/**
 * An exact rational number. Immutable.
 * @category Evaluate
 */
export class Exact {
  /**
   * Use {@link Exact.parse}, {@link Exact.of}, {@link Exact.int} or {@link Exact.fraction}.
   * @param n - numerator (carries the sign)
   * @param d - denominator, > 0, coprime with n
   */
  private constructor(
    readonly n: bigint,
    readonly d: bigint,
  ) {}

  /** Zero. */
  static readonly ZERO = new Exact(0n, 1n);
  /** One. */
  static readonly ONE = new Exact(1n, 1n);

  /**
   * n / d, reduced. Throws a RangeError when d is 0 and {@link ExactOverflow} past the bound.
   * @param n - numerator
   * @param d - denominator, not 0
   */
  static fraction(n: bigint, d: bigint): Exact {
    if (d === 0n) throw new RangeError("division by zero");
    if (d < 0n) [n, d] = [-n, -d];
    if (d !== 1n) {
      const g = gcd(n, d);
      if (g !== 1n) [n, d] = [n / g, d / g];
    }
    if (n >= LIMIT || n <= -LIMIT || d >= LIMIT) throw new ExactOverflow();
    if (n === 0n) return Exact.ZERO;
    return new Exact(n, d);
  }

  /**
   * A whole number.
   * @param v - a safe integer or a BigInt
   */
  static int(v: number | bigint): Exact {
    return Exact.fraction(BigInt(v), 1n);
  }

  /**
   * Reads a decimal (`"-12.50"`, `".5"`, `"1e-21"`) or a fraction (`"25/12"`), exactly.
   * @param text - the number as text
   * @returns the value, or undefined when the text is not such a number (or exceeds the bound)
   */
  static parse(text: string): Exact | undefined {
    const m = DECIMAL.exec(text);
    try {
      if (m !== null) {
        const [, sign, int = "", frac = "", exp] = m;
        if (int === "" && frac === "") return undefined;
        const e = exp === undefined ? 0 : Number(exp);
        let n = BigInt(int + frac || "0");
        if (sign === "-") n = -n;
        const shift = e - frac.length;
        if (Math.abs(shift) > MAX_EXACT_DIGITS + 1000) return n === 0n ? Exact.ZERO : undefined;
        return shift >= 0 ? Exact.fraction(n * pow10(shift), 1n) : Exact.fraction(n, pow10(-shift));
      }
      const f = FRACTION.exec(text);
      if (f === null || /^0+$/.test(f[3]!)) return undefined;
      const n = BigInt(f[2]!);
      return Exact.fraction(f[1] === "-" ? -n : n, BigInt(f[3]!));
    } catch {
      return undefined;
    }
  }

  /**
   * Reads text known to be a number (a compiled literal, a result figure); throws on anything else.
   * @param text - a decimal or fraction
   */
  static of(text: string): Exact {
    const v = Exact.parse(text);
    if (v === undefined) throw new RangeError(`not an exact number: ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`);
    return v;
  }

  /**
   * The smallest of some values (the first of equals).
   * @param values - at least one value
   */
  static min(...values: Exact[]): Exact {
    return values.reduce((a, b) => (b.comparedTo(a) < 0 ? b : a));
  }

  /**
   * The largest of some values (the first of equals).
   * @param values - at least one value
   */
  static max(...values: Exact[]): Exact {
    return values.reduce((a, b) => (b.comparedTo(a) > 0 ? b : a));
  }

  /** this + o. @param o - the other value */
  plus(o: Exact): Exact {
    if (this.d === o.d) return Exact.fraction(this.n + o.n, this.d);
    return Exact.fraction(this.n * o.d + o.n * this.d, this.d * o.d);
  }

  /** this − o. @param o - the other value */
  minus(o: Exact): Exact {
    if (this.d === o.d) return Exact.fraction(this.n - o.n, this.d);
    return Exact.fraction(this.n * o.d - o.n * this.d, this.d * o.d);
  }

  /** this × o. @param o - the other value */
  times(o: Exact): Exact {
    return Exact.fraction(this.n * o.n, this.d * o.d);
  }

  /** this ÷ o; throws a RangeError when o is 0. @param o - the divisor */
  dividedBy(o: Exact): Exact {
    return Exact.fraction(this.n * o.d, this.d * o.n);
  }

  /** −this. */
  negated(): Exact {
    return this.n === 0n ? this : new Exact(-this.n, this.d);
  }

  /** |this|. */
  abs(): Exact {
    return this.n < 0n ? new Exact(-this.n, this.d) : this;
  }

  /** The largest whole number ≤ this. */
  floor(): Exact {
    if (this.d === 1n) return this;
    const q = this.n / this.d;
    return Exact.fraction(this.n < 0n ? q - 1n : q, 1n);
  }

  /** The smallest whole number ≥ this. */
  ceil(): Exact {
    if (this.d === 1n) return this;
    const q = this.n / this.d;
    return Exact.fraction(this.n > 0n ? q + 1n : q, 1n);
  }

  /** −1, 0 or 1 as this is below, equal to or above o. @param o - the other value */
  comparedTo(o: Exact): -1 | 0 | 1 {
    const l = this.d === o.d ? this.n : this.n * o.d;
    const r = this.d === o.d ? o.n : o.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  /** this = o. @param o - the other value */
  eq(o: Exact): boolean {
    return this.n === o.n && this.d === o.d;
  }

  /** this < o. @param o - the other value */
  lt(o: Exact): boolean {
    return this.comparedTo(o) < 0;
  }

  /** this > o. @param o - the other value */
  gt(o: Exact): boolean {
    return this.comparedTo(o) > 0;
  }

  /** this ≤ o. @param o - the other value */
  lte(o: Exact): boolean {
    return this.comparedTo(o) <= 0;
  }

  /** this ≥ o. @param o - the other value */
  gte(o: Exact): boolean {
    return this.comparedTo(o) >= 0;
  }

  /** Whether this is 0. */
  isZero(): boolean {
    return this.n === 0n;
  }

  /** Whether this is below 0. */
  isNegative(): boolean {
    return this.n < 0n;
  }

  /** Whether this is a whole number. */
  isInteger(): boolean {
    return this.d === 1n;
  }

  /**
   * This rounded to a number of decimals with a rounding mode, exactly.
   * @param decimals - decimals to keep (≥ 0)
   * @param mode - how to round
   */
  roundTo(decimals: number, mode: RoundingMode): Exact {
    const scale = pow10(decimals);
    return Exact.fraction(this.scaledRounded(scale, mode), scale);
  }

  /**
   * Published text: rounded once to `precision` decimals with `mode`, written with
   * exactly that many decimals and a dot, never `-0` (`"90.49"`, `"0.76"`, `"100.00"`).
   * @param precision - decimals to keep (≥ 0)
   * @param mode - the rubric's rounding mode
   */
  toFixed(precision: number, mode: RoundingMode): string {
    const q = this.scaledRounded(pow10(precision), mode);
    const neg = q < 0n;
    let digits = (neg ? -q : q).toString();
    if (precision === 0) return (neg ? "-" : "") + digits;
    if (digits.length <= precision) digits = "0".repeat(precision + 1 - digits.length) + digits;
    const cut = digits.length - precision;
    return `${neg ? "-" : ""}${digits.slice(0, cut)}.${digits.slice(cut)}`;
  }

  /** round(this × scale) as a whole number, with the mode (modes are symmetric about zero). */
  private scaledRounded(scale: bigint, mode: RoundingMode): bigint {
    const neg = this.n < 0n;
    const m = (neg ? -this.n : this.n) * scale;
    let q = m / this.d;
    const rest = m - q * this.d;
    if (rest !== 0n) {
      const twice = 2n * rest;
      let away: boolean;
      switch (mode) {
        case "down": away = false; break;
        case "up": away = true; break;
        case "half-up": away = twice >= this.d; break;
        case "half-down": away = twice > this.d; break;
        case "half-even": away = twice > this.d || (twice === this.d && q % 2n === 1n); break;
      }
      if (away) q += 1n;
    }
    return neg ? -q : q;
  }

  /**
   * The value's decimal places when its expansion ends (the denominator is 2^a·5^b):
   * max(a, b); undefined when it never ends.
   */
  terminatingDecimals(): number | undefined {
    let d = this.d;
    let twos = 0;
    let fives = 0;
    while (d % 2n === 0n) { d /= 2n; twos++; }
    while (d % 5n === 0n) { d /= 5n; fives++; }
    return d === 1n ? Math.max(twos, fives) : undefined;
  }

  /**
   * Canonical text: the decimal when it ends (no exponent, no trailing zeros, `"0"` for
   * zero), else the reduced fraction `"n/d"`.
   */
  toString(): string {
    if (this.d === 1n) return this.n.toString();
    const places = this.terminatingDecimals();
    if (places === undefined) return `${this.n}/${this.d}`;
    return this.toFixed(places, "down");
  }

  /** JSON writes the canonical text (BigInt parts cannot be serialised). */
  toJSON(): string {
    return this.toString();
  }

  /**
   * A decimal approximation for people to read: `digits` significant digits, rounded
   * half-up (`"2.083333333"`); the exact value itself when it has no more digits.
   * @param digits - significant digits (≥ 1)
   */
  toSignificant(digits: number): string {
    if (this.n === 0n) return "0";
    const n = this.n < 0n ? -this.n : this.n;
    // e = floor(log10 |this|), from the lengths of n and d, corrected by one comparison.
    let e = n.toString().length - this.d.toString().length;
    if (e >= 0 ? n < this.d * pow10(e) : n * pow10(-e) < this.d) e--;
    const decimals = Math.max(0, digits - 1 - e);
    const places = this.terminatingDecimals();
    if (places !== undefined && places <= decimals) return this.toString();
    return this.toFixed(decimals, "half-up").replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
  }
}

/**
 * Canonical text of an exact value (see {@link Exact.toString}).
 * @param value - the value
 */
export function text(value: Exact): string {
  return value.toString();
}

/**
 * Rounds once, for publication, and writes fixed decimals (see {@link Exact.toFixed}).
 * @param value - the exact value
 * @param precision - decimals to keep
 * @param mode - the rubric's rounding mode
 */
export function publish(value: Exact, precision: number, mode: RoundingMode): string {
  return value.toFixed(precision, mode);
}

/**
 * Publishes exact text (a decimal or a fraction, as results write it).
 * @param value - an exact value as text
 * @param precision - decimals to keep
 * @param mode - the rubric's rounding mode
 * @category Evaluate
 */
export function publishText(value: string, precision: number, mode: RoundingMode): string {
  return Exact.of(value).toFixed(precision, mode);
}
