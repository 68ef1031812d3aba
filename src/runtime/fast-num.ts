/**
 * Numbers of the fast path. A value with at most 6 decimals whose scaled form
 * (value × 10⁶) is a safe integer is a plain JS number holding that integer: add,
 * subtract, multiply and compare are exact integer operations. A division that does
 * not end within 6 decimals is a {@link Ratio} of two scaled integers: compared with
 * other values by cross-multiplication, made an {@link Exact} rational only when needed.
 * Anything else is an `Exact`, the plain path's own exact rational, so every result
 * is identical to the plain path's.
 * @module
 */
import type { RoundingMode } from "../compile/types.js";
import { Exact } from "./exact.js";

/** The scale of the integer form: 10⁶. */
export const SCALE = 1e6;
const SCALE_N = 1_000_000n;
const MAX = Number.MAX_SAFE_INTEGER;

/** An exact quotient n / d of two scaled integers (d ≠ 0), kept unevaluated. */
export class Ratio {
  private exact: Exact | undefined;

  /**
   * @param n - scaled numerator
   * @param d - scaled denominator, not 0
   */
  constructor(
    readonly n: number,
    readonly d: number,
  ) {}

  /** The quotient as an exact rational (what the plain path holds). */
  value(): Exact {
    this.exact ??= Exact.fraction(BigInt(this.n), BigInt(this.d));
    return this.exact;
  }
}

/** A fast-path number. */
export type Num = number | Exact | Ratio;

/** Whether a fast-path value is a number. */
export function isNum(x: unknown): x is Num {
  return typeof x === "number" || x instanceof Exact || x instanceof Ratio;
}

/** The canonical text of a scaled integer (as `Exact#toString` writes the same value). */
export function scaledText(v: number): string {
  if (v === 0) return "0";
  if (v % SCALE === 0) return String(v / SCALE);
  const neg = v < 0;
  const digits = String(neg ? -v : v).padStart(7, "0");
  const cut = digits.length - 6;
  return `${neg ? "-" : ""}${digits.slice(0, cut)}.${digits.slice(cut).replace(/0+$/, "")}`;
}

/** An `Exact` as a scaled integer when it fits, else itself. */
export function fromExact(x: Exact): Num {
  if (x.n === 0n) return 0;
  // Only denominators dividing 10⁶ give a whole scaled value.
  if (SCALE_N % x.d !== 0n) return x;
  const v = x.n * (SCALE_N / x.d);
  return v <= 9007199254740991n && v >= -9007199254740991n ? Number(v) : x;
}

/** The value as an `Exact`. */
export function toExact(x: Num): Exact {
  if (typeof x === "number") return Exact.fraction(BigInt(x), SCALE_N);
  return x instanceof Ratio ? x.value() : x;
}

/** Canonical text (the plain path's `text()`). */
export function numText(x: Num): string {
  return typeof x === "number" ? scaledText(x) : toExact(x).toString();
}

function gcdOf(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

const safe = (x: number): boolean => x <= MAX && x >= -MAX;
const REDUCE_ABOVE = 2 ** 24;

/**
 * n / d (safe integers, d ≠ 0) reduced: a scaled integer when the value has at most 6
 * decimals, else a {@link Ratio}. Rationals of safe integers stay off BigInt: the
 * kernel's sums of quotients (a mean, a proportional score) cost no allocation of
 * big numbers while they fit.
 */
function ratioOf(n: number, d: number): Num {
  if (d < 0) { n = -n; d = -d; }
  // Reduce only when the terms grow (a gcd is the costly part); an unreduced quotient
  // compares and prints the same, and a scaled integer stays one.
  if (d > REDUCE_ABOVE || n > REDUCE_ABOVE * SCALE || n < -REDUCE_ABOVE * SCALE || SCALE % d === 0) {
    const g = gcdOf(n, d);
    if (g > 1) { n /= g; d /= g; }
  }
  if (SCALE % d === 0) {
    const v = n * (SCALE / d);
    if (safe(v)) return v;
  }
  return new Ratio(n, d);
}

const numer = (x: number | Ratio): number => (typeof x === "number" ? x : x.n);
const denom = (x: number | Ratio): number => (typeof x === "number" ? SCALE : x.d);

/** a ± b on safe-integer rationals, undefined when a product leaves the safe range. */
function addParts(a: Num, b: Num, sign: 1 | -1): Num | undefined {
  if (a instanceof Exact || b instanceof Exact) return undefined;
  const an = numer(a);
  const ad = denom(a);
  const bn = numer(b);
  const bd = denom(b);
  const g = gcdOf(ad, bd);
  const l = an * (bd / g);
  const r = sign * bn * (ad / g);
  const d = (ad / g) * bd;
  const n = l + r;
  return safe(l) && safe(r) && safe(n) && safe(d) ? ratioOf(n, d) : undefined;
}

/** a × b on safe-integer rationals, undefined when a product leaves the safe range. */
function mulParts(a: Num, b: Num): Num | undefined {
  if (a instanceof Exact || b instanceof Exact) return undefined;
  const an = numer(a);
  const ad = denom(a);
  const bn = numer(b);
  const bd = denom(b);
  const g1 = gcdOf(an, bd) || 1;
  const g2 = gcdOf(bn, ad) || 1;
  const n = (an / g1) * (bn / g2);
  const d = (ad / g2) * (bd / g1);
  return safe(n) && safe(d) && d !== 0 ? ratioOf(n, d) : undefined;
}

/** a + b. */
export function add(a: Num, b: Num): Num {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (r <= MAX && r >= -MAX) return r;
  }
  return addParts(a, b, 1) ?? fromExact(toExact(a).plus(toExact(b)));
}

/** a − b. */
export function sub(a: Num, b: Num): Num {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (r <= MAX && r >= -MAX) return r;
  }
  return addParts(a, b, -1) ?? fromExact(toExact(a).minus(toExact(b)));
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
  return mulParts(a, b) ?? fromExact(toExact(a).times(toExact(b)));
}

/** a ÷ b; `undefined` when b is 0 (the caller reports the division by zero). */
export function div(a: Num, b: Num): Num | undefined {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) return undefined;
    const q = a * SCALE;
    if (q <= MAX && q >= -MAX && q % b === 0) return q / b;
    return new Ratio(a, b);
  }
  if (!(b instanceof Exact)) {
    if (numer(b) === 0) return undefined;
    const q = mulParts(a, new Ratio(denom(b), numer(b)));
    if (q !== undefined) return q;
  }
  const d = toExact(b);
  return d.isZero() ? undefined : fromExact(toExact(a).dividedBy(d));
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
  // n/d against m/e by cross-multiplication while the products stay exact integers.
  // A scaled integer v is the fraction v / 10⁶; a Ratio n / d is the value itself.
  if (!(a instanceof Exact) && !(b instanceof Exact)) {
    const an = numer(a);
    const ad = denom(a);
    const bn = numer(b);
    const bd = denom(b);
    const l = an * bd;
    const r = bn * ad;
    if (Math.abs(l) <= MAX && Math.abs(r) <= MAX) return sign(l - r) * sign(ad * bd);
  }
  return toExact(a).comparedTo(toExact(b));
}

/** The smaller (first on ties). */
export function min(a: Num, b: Num): Num {
  return cmp(b, a) < 0 ? b : a;
}

/** The larger (first on ties). */
export function max(a: Num, b: Num): Num {
  return cmp(b, a) > 0 ? b : a;
}

/** Published text: rounded once (the plain path's `publish`). */
export function publishNum(x: Num, precision: number, mode: RoundingMode): string {
  return toExact(x).toFixed(precision, mode);
}
