/**
 * Numbers of the fast path. A value with at most 6 decimals whose scaled form
 * (value × 10⁶) is a safe integer is a plain JS number holding that integer: add,
 * subtract, multiply and compare are exact integer operations. A division that does
 * not end within 6 decimals is a {@link Ratio}: compared with other values by
 * cross-multiplication, turned into decimal.js digits only when they are needed.
 * Anything else is an `Exact`, computed by decimal.js from the same operand values
 * the plain path has, so every result is identical to the plain path's.
 * @module
 */
import { Exact, publish, text } from "./decimal.js";
import type { RoundingMode } from "../compile/types.js";

/** The scale of the integer form: 10⁶. */
export const SCALE = 1e6;
const MAX = Number.MAX_SAFE_INTEGER;

/** An exact quotient n / d of two scaled integers (d ≠ 0), kept unevaluated. */
export class Ratio {
  private exact: Exact | undefined;
  private digits: string | undefined;

  /**
   * @param n - scaled numerator
   * @param d - scaled denominator, not 0
   */
  constructor(
    readonly n: number,
    readonly d: number,
  ) {}

  /** The quotient as decimal.js computes it (what the plain path holds). */
  value(): Exact {
    if (this.exact === undefined) {
      const t = this.text();
      this.exact = t === undefined ? toExact(this.n).dividedBy(toExact(this.d)) : new Exact(t);
    }
    return this.exact;
  }

  /** Its canonical text, by long division; `undefined` when the operands are too large for it. */
  text(): string | undefined {
    this.digits ??= quotientText(this.n, this.d);
    return this.digits;
  }
}

/** Significant digits of a quotient: the runtime's precision (see `decimal.ts`). */
const PRECISION = 40;

/**
 * n / d rounded half-up to 40 significant digits, as decimal.js divides (its division
 * is correctly rounded), written without exponent or trailing zeros. Long division in
 * safe integers: needs |d| < 2^49 so that ten times a remainder stays exact.
 */
export function quotientText(n: number, d: number): string | undefined {
  const a = n < 0 ? -n : n;
  const b = d < 0 ? -d : d;
  if (b >= 2 ** 49 || a === 0) return a === 0 ? "0" : undefined;
  let r = a % b;
  const ip = (a - r) / b;
  let all = ip === 0 ? "" : String(ip);
  let point = all.length;
  let significant = all.length;
  while (r !== 0 && significant <= PRECISION) {
    r *= 10;
    const rest = r % b;
    const q = (r - rest) / b;
    r = rest;
    all += q;
    if (significant > 0 || q !== 0) significant++;
  }
  if (significant > PRECISION) {
    const guard = all.charCodeAt(all.length - 1) - 48;
    all = all.slice(0, -1);
    if (guard >= 5) {
      let i = all.length - 1;
      while (i >= 0 && all[i] === "9") i--;
      all = i < 0 ? `1${"0".repeat(all.length)}` : `${all.slice(0, i)}${String.fromCharCode(all.charCodeAt(i) + 1)}${"0".repeat(all.length - i - 1)}`;
      if (i < 0) point++;
    }
  }
  const whole = all.slice(0, point) || "0";
  const frac = all.slice(point).replace(/0+$/, "");
  return `${(n < 0) !== (d < 0) ? "-" : ""}${whole}${frac === "" ? "" : `.${frac}`}`;
}

/** A fast-path number. */
export type Num = number | Exact | Ratio;

/** Whether a fast-path value is a number. */
export function isNum(x: unknown): x is Num {
  return typeof x === "number" || x instanceof Exact || x instanceof Ratio;
}

/** The canonical text of a scaled integer (as `text()` writes the same value). */
export function scaledText(v: number): string {
  if (v === 0) return "0";
  if (v % SCALE === 0) return String(v / SCALE);
  const neg = v < 0;
  const digits = String(neg ? -v : v).padStart(7, "0");
  const cut = digits.length - 6;
  return `${neg ? "-" : ""}${digits.slice(0, cut)}.${digits.slice(cut).replace(/0+$/, "")}`;
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** An `Exact` as a scaled integer when it fits, else itself (reads decimal.js's digits). */
export function fromExact(x: Exact): Num {
  const d = x.d as number[] | null;
  if (d === null || d.length > 2) return x;
  const head = d[0]!;
  if (head === 0) return 0;
  const n = (head < 10 ? 1 : head < 100 ? 2 : head < 1e3 ? 3 : head < 1e4 ? 4 : head < 1e5 ? 5 : head < 1e6 ? 6 : 7) + 7 * (d.length - 1);
  const c = d.length === 1 ? head : head * 1e7 + d[1]!;
  const k = x.e - n + 7;
  let v: number;
  if (k >= 0) {
    if (k > 22) return x;
    v = c * POW10[k]!;
    if (v > MAX) return x;
  } else {
    if (-k > 22) return x;
    const p = POW10[-k]!;
    if (c % p !== 0) return x;
    v = c / p;
  }
  return x.s < 0 ? -v : v;
}

function digits(n: number): number {
  return n < 10 ? 1 : n < 100 ? 2 : n < 1e3 ? 3 : n < 1e4 ? 4 : n < 1e5 ? 5 : n < 1e6 ? 6 : 7;
}

/**
 * A scaled integer as an `Exact`, built from its base-10⁷ limbs (decimal.js's own
 * layout: limbs aligned on the decimal point, exponent of the leading digit) instead of
 * formatting and parsing a string. A test checks the layout against decimal.js's parser.
 * @param v - a scaled integer that is not a whole number
 */
export function exactOfScaled(v: number): Exact {
  const a = v < 0 ? -v : v;
  const fp = a % SCALE;
  const ip = (a - fp) / SCALE;
  const d: number[] = [];
  let e: number;
  if (ip >= 1e7) {
    const lo = ip % 1e7;
    const hi = (ip - lo) / 1e7;
    d.push(hi, lo, fp * 10);
    e = digits(hi) + 6;
  } else if (ip > 0) {
    d.push(ip, fp * 10);
    e = digits(ip) - 1;
  } else {
    d.push(fp * 10);
    e = digits(fp * 10) - 8;
  }
  const x = new Exact(0);
  const w = x as unknown as { s: number; e: number; d: number[] };
  w.s = v < 0 ? -1 : 1;
  w.e = e;
  w.d = d;
  return x;
}

/** The value as an `Exact`. */
export function toExact(x: Num): Exact {
  if (typeof x === "number") return x % SCALE === 0 ? new Exact(x / SCALE) : exactOfScaled(x);
  return x instanceof Ratio ? x.value() : x;
}

/** Canonical text (the plain path's `text()`). */
export function numText(x: Num): string {
  if (typeof x === "number") return scaledText(x);
  return (x instanceof Ratio ? x.text() : undefined) ?? text(toExact(x));
}

/** a + b. */
export function add(a: Num, b: Num): Num {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (r <= MAX && r >= -MAX) return r;
  }
  return toExact(a).plus(toExact(b));
}

/** a − b. */
export function sub(a: Num, b: Num): Num {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (r <= MAX && r >= -MAX) return r;
  }
  return toExact(a).minus(toExact(b));
}

/** a × b. */
export function mul(a: Num, b: Num): Num {
  if (typeof a === "number" && typeof b === "number") {
    const p = a * b;
    if (p <= MAX && p >= -MAX) {
      if (p % SCALE === 0) return p / SCALE;
    } else if (a % SCALE === 0 || b % SCALE === 0) {
      const r = a % SCALE === 0 ? (a / SCALE) * b : a * (b / SCALE);
      if (r <= MAX && r >= -MAX) return r;
    }
  }
  return toExact(a).times(toExact(b));
}

/** a ÷ b; `undefined` when b is 0 (the caller reports the division by zero). */
export function div(a: Num, b: Num): Num | undefined {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) return undefined;
    const q = a * SCALE;
    if (q <= MAX && q >= -MAX && q % b === 0) return q / b;
    return new Ratio(a, b);
  }
  const d = toExact(b);
  return d.isZero() ? undefined : toExact(a).dividedBy(d);
}

/** −a. */
export function neg(a: Num): Num {
  return typeof a === "number" ? -a : toExact(a).negated();
}

function sign(x: number): number {
  return x < 0 ? -1 : x > 0 ? 1 : 0;
}

/** Compares exactly: −1, 0 or 1. */
export function cmp(a: Num, b: Num): number {
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  // n/d against m/e by cross-multiplication, when the products stay exact. A quotient
  // rounded to 40 digits (the plain path) orders the same way: operands below 2^53
  // cannot bring two different quotients within 10^-33 of each other.
  // A scaled integer v is the fraction v / 10⁶; a Ratio n / d is the value itself.
  const [an, ad] = typeof a === "number" ? [a, SCALE] : a instanceof Ratio ? [a.n, a.d] : [NaN, NaN];
  const [bn, bd] = typeof b === "number" ? [b, SCALE] : b instanceof Ratio ? [b.n, b.d] : [NaN, NaN];
  const l = an * bd;
  const r = bn * ad;
  if (Math.abs(l) <= MAX && Math.abs(r) <= MAX) return sign(l - r) * sign(ad * bd);
  return toExact(a).comparedTo(toExact(b));
}

/** The smaller (first on ties, like decimal.js). */
export function min(a: Num, b: Num): Num {
  return cmp(b, a) < 0 ? b : a;
}

/** The larger (first on ties). */
export function max(a: Num, b: Num): Num {
  return cmp(b, a) > 0 ? b : a;
}

/** Published text: rounded once (the plain path's `publish`). */
export function publishNum(x: Num, precision: number, mode: RoundingMode): string {
  return publish(toExact(x), precision, mode);
}
