/**
 * Canonical decimal text for the compiled form: literals as the author wrote them
 * ("0.50", "80%") become one exact canonical string ("0.5", "0.8").
 * @module
 */
import Decimal from "decimal.js";
import { Exact } from "../runtime/exact.js";

// A private clone: the compiler never touches the user's global Decimal settings.
const D = Decimal.clone({ precision: 40, toExpNeg: -1e9, toExpPos: 1e9 });

/**
 * Normalises a decimal literal: no exponent, no trailing zeros, no negative zero.
 * @param text - a decimal literal, optionally signed (e.g. `"-0.50"`)
 */
export function canonicalDecimal(text: string): string {
  return memo(canonical, text, () => {
    const value = new D(text);
    return value.isZero() ? "0" : value.toFixed();
  });
}

/**
 * Canonical text of a maximum or weight: a decimal as {@link canonicalDecimal}, a
 * fraction `a/b` as its exact value, a decimal where it ends (`"5/2"` → `"2.5"`), else
 * the reduced fraction (`"20/6"` → `"10/3"`). The checker has refused a zero denominator.
 * @param text - the text the parser kept (`"10"`, `"10/3"`)
 */
export function canonicalExact(text: string): string {
  return text.includes("/") ? Exact.of(text).toString() : canonicalDecimal(text);
}

/**
 * The fraction a percent literal stands for: `"80"` (from `80%`) → `"0.8"`.
 * @param text - the percent points, with or without a trailing `%`
 */
export function percentToFraction(text: string): string {
  return memo(fractions, text, () => {
    const value = new D(text.endsWith("%") ? text.slice(0, -1) : text).dividedBy(100);
    return value.isZero() ? "0" : value.toFixed();
  });
}

// Both functions are pure and a rubric repeats few distinct literals (`0`, `1`, `100`…)
// many times: remember results, up to a bound so a huge source cannot grow the caches
// without limit.
const MAX_MEMO = 10_000;
const canonical = new Map<string, string>();
const fractions = new Map<string, string>();

function memo(cache: Map<string, string>, text: string, compute: () => string): string {
  let result = cache.get(text);
  if (result === undefined) {
    result = compute();
    if (cache.size < MAX_MEMO) cache.set(text, result);
  }
  return result;
}
