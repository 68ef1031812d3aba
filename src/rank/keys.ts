/**
 * Exact, pre-normalised sort keys for ranking: published rounding done once per value
 * by string arithmetic on the decimal digits, and each key column stored as scaled
 * integers — JS numbers while every value of the column is a safe integer, BigInt
 * otherwise — so the sort compares integers instead of exact rationals. Never binary
 * floating point: a number here only ever holds an integer below 2^53.
 * @module
 */
import type { RoundingMode } from "../compile/types.js";
import { Exact } from "../runtime/exact.js";

/** A finite decimal split into its sign and digits (`-12.5` → `-`, `12`, `5`). */
export interface Digits {
  /** Negative (a zero may carry the sign; it compares as zero). */
  readonly neg: boolean;
  /** Integer digits, at least one. */
  readonly int: string;
  /** Fraction digits, possibly empty. */
  readonly frac: string;
}

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Splits a decimal string. Plain decimals (`-12.50`) are read directly; other decimal
 * forms (exponents, `+`, `.5`) are normalised through {@link Exact} first.
 * @param s - a decimal string
 * @returns its digits, or undefined when it is not a decimal that ends (a fraction such
 * as `"25/12"` is not)
 */
export function splitDecimal(s: string): Digits | undefined {
  let m = PLAIN.exec(s);
  if (m === null) {
    const value = Exact.parse(s);
    if (value === undefined || value.terminatingDecimals() === undefined) return undefined;
    m = PLAIN.exec(value.toString());
    if (m === null) return undefined;
  }
  return { neg: m[1] === "-", int: m[2]!, frac: m[3] ?? "" };
}

/** Adds one to a string of decimal digits (`"199"` → `"200"`, `"99"` → `"100"`). */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === 57) i--;
  if (i < 0) return `1${"0".repeat(digits.length)}`;
  return digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + "0".repeat(digits.length - i - 1);
}

const NONZERO = /[1-9]/;

/** Whether the magnitude is rounded away from zero, from the dropped digits. */
function roundsAway(kept: string, dropped: string, mode: RoundingMode): boolean {
  if (dropped === "") return false;
  const first = dropped.charCodeAt(0) - 48;
  switch (mode) {
    case "down": return false;
    case "up": return NONZERO.test(dropped);
    case "half-up": return first >= 5;
    case "half-down": return first > 5 || (first === 5 && NONZERO.test(dropped.slice(1)));
    case "half-even": return first > 5 || (first === 5 && (NONZERO.test(dropped.slice(1)) || (kept.charCodeAt(kept.length - 1) - 48) % 2 === 1));
  }
}

/**
 * Rounds for publication exactly as `Exact#toFixed` does (with the
 * rubric's mode; no `-0`), on the digits alone.
 * @param d - the value's digits
 * @param precision - decimals to keep (0 to 10)
 * @param mode - the rubric's rounding mode (modes are symmetric about zero)
 */
export function publishDigits(d: Digits, precision: number, mode: RoundingMode): string {
  const frac = d.frac.length >= precision ? d.frac : d.frac + "0".repeat(precision - d.frac.length);
  let kept = d.int + frac.slice(0, precision);
  if (roundsAway(kept, frac.slice(precision), mode)) kept = increment(kept);
  let start = 0;
  const intLength = kept.length - precision;
  while (start < intLength - 1 && kept.charCodeAt(start) === 48) start++;
  const sign = d.neg && NONZERO.test(kept) ? "-" : "";
  return precision === 0 ? sign + kept.slice(start) : `${sign}${kept.slice(start, intLength)}.${kept.slice(intLength)}`;
}

/**
 * Publishes exact text: {@link publishDigits} for a decimal, exact rational rounding for
 * a fraction (throws on text that is not a number, as ranking always has).
 * @param s - the exact value as text
 * @param precision - decimals to keep
 * @param mode - the rubric's rounding mode
 */
export function publishText(s: string, precision: number, mode: RoundingMode): string {
  const fast = publishPlain(s, precision, mode);
  if (fast !== undefined) return fast;
  const d = splitDecimal(s);
  return d === undefined ? Exact.of(s).toFixed(precision, mode) : publishDigits(d, precision, mode);
}

/**
 * {@link publishDigits} for a plain decimal of at most 15 significant digits, as exact
 * integer arithmetic on numbers below 2^53 (no intermediate strings); undefined for
 * any other text.
 */
function publishPlain(s: string, precision: number, mode: RoundingMode): string | undefined {
  const dot = s.indexOf(".");
  const fracLength = dot < 0 ? 0 : s.length - dot - 1;
  // Already at the precision: only a "-0.00" needs rewriting; any other text is kept.
  // More than 15 decimals: beyond the powers of ten kept here (and of exact doubles).
  if (fracLength <= precision || fracLength > 15) return undefined;
  const v = scaledNumber(s, fracLength);
  if (v === undefined) return undefined;
  const neg = v < 0 || Object.is(v, -0);
  const m = neg ? -v : v;
  const unit = POW10[fracLength - precision]!;
  let q = Math.floor(m / unit);
  let rest = m - q * unit;
  // The float quotient may be off by one near a multiple; the remainder says so exactly.
  if (rest < 0) { q--; rest += unit; } else if (rest >= unit) { q++; rest -= unit; }
  const twice = 2 * rest;
  let away: boolean;
  switch (mode) {
    case "down": away = false; break;
    case "up": away = rest > 0; break;
    case "half-up": away = twice >= unit; break;
    case "half-down": away = twice > unit; break;
    case "half-even": away = twice > unit || (twice === unit && q % 2 === 1); break;
  }
  if (away) q++;
  let digits = String(q);
  if (digits.length <= precision) digits = "0".repeat(precision + 1 - digits.length) + digits;
  const sign = neg && q !== 0 ? "-" : "";
  return precision === 0 ? sign + digits : `${sign}${digits.slice(0, digits.length - precision)}.${digits.slice(digits.length - precision)}`;
}

/**
 * One sort key over every candidate, ascending in the wanted direction (descending keys
 * are negated): a comparison of two entries is a subtraction or a BigInt comparison.
 */
export type KeyColumn =
  | { readonly kind: "number"; readonly values: Float64Array }
  | { readonly kind: "bigint"; readonly values: readonly bigint[] }
  | { readonly kind: "exact"; readonly values: readonly Exact[]; readonly sign: 1 | -1 };

/** The integer digits of `d` scaled by 10^scale (its fraction has at most `scale` digits). */
function scaledDigits(d: Digits, scale: number): string {
  return d.int + d.frac + "0".repeat(scale - d.frac.length);
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * A plain decimal (`-12.50`) times 10^scale as a number, read without allocating;
 * undefined unless the text is plain and the scaled integer has at most 15 digits
 * (below 2^53, so every step is exact integer arithmetic).
 */
function scaledNumber(t: string, scale: number): number | undefined {
  const neg = t.charCodeAt(0) === 45;
  let v = 0;
  let digits = 0;
  let frac = -1;
  let intDigits = 0;
  for (let i = neg ? 1 : 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 46) {
      if (frac >= 0 || intDigits === 0) return undefined;
      frac = 0;
      continue;
    }
    if (c < 48 || c > 57) return undefined;
    if (frac >= 0) frac++;
    else intDigits++;
    if (v !== 0 || c !== 48) digits++;
    if (digits > 15) return undefined;
    v = v * 10 + (c - 48);
  }
  if (intDigits === 0 || frac === 0 || frac > scale) return undefined;
  const shift = scale - Math.max(frac, 0);
  if ((digits === 0 ? 0 : digits + shift) > 15) return undefined;
  v *= POW10[shift]!;
  return neg ? -v : v;
}

/** The longest fraction among plain decimal texts (others are measured by the slow path). */
function longestFraction(texts: readonly string[]): number {
  let scale = 0;
  for (const t of texts) {
    const dot = t.indexOf(".");
    if (dot >= 0 && t.length - dot - 1 > scale) scale = t.length - dot - 1;
  }
  return scale;
}

/**
 * Builds a key column from the values' text, all scaled to the longest fraction among
 * them: numbers when every scaled value has at most 15 digits, else BigInt. Falls back
 * to exact rationals only for a value that has no finite decimal (a fraction).
 * @param texts - each candidate's key value as text
 * @param desc - descending: the integers are negated so that ascending order is wanted
 */
export function keyColumn(texts: readonly string[], desc: boolean): KeyColumn {
  const scale = longestFraction(texts);
  if (scale <= 15) {
    const numbers = new Float64Array(texts.length);
    let i = 0;
    for (; i < texts.length; i++) {
      const v = scaledNumber(texts[i]!, scale);
      if (v === undefined) break;
      numbers[i] = desc ? -v : v;
    }
    if (i === texts.length) return { kind: "number", values: numbers };
  }
  return slowColumn(texts, desc);
}

/** A column through the digits of every value: BigInt, or exact rationals when a value is a fraction. */
function slowColumn(texts: readonly string[], desc: boolean): KeyColumn {
  const parts: Digits[] = [];
  let scale = 0;
  for (const t of texts) {
    const d = splitDecimal(t);
    if (d === undefined) return { kind: "exact", values: texts.map((x) => Exact.of(x)), sign: desc ? -1 : 1 };
    if (d.frac.length > scale) scale = d.frac.length;
    parts.push(d);
  }
  const values = parts.map((p) => {
    const v = BigInt(scaledDigits(p, scale));
    return p.neg !== desc ? -v : v;
  });
  return { kind: "bigint", values };
}

/**
 * Compares two candidates on one column: negative when `a` ranks first.
 * @param column - the key column
 * @param a - index of one candidate
 * @param b - index of the other
 */
export function compareAt(column: KeyColumn, a: number, b: number): number {
  switch (column.kind) {
    case "number": return column.values[a]! - column.values[b]!;
    case "bigint": { const x = column.values[a]!, y = column.values[b]!; return x < y ? -1 : x > y ? 1 : 0; }
    case "exact": return column.sign * column.values[a]!.comparedTo(column.values[b]!);
  }
}
