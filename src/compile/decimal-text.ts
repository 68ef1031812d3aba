/**
 * Canonical decimal text for the compiled form: literals as the author wrote them
 * ("0.50", "80%") become one exact canonical string ("0.5", "0.8").
 * @module
 */
import Decimal from "decimal.js";

// A private clone: the compiler never touches the user's global Decimal settings.
const D = Decimal.clone({ precision: 40, toExpNeg: -1e9, toExpPos: 1e9 });

/**
 * Normalises a decimal literal: no exponent, no trailing zeros, no negative zero.
 * @param text - a decimal literal, optionally signed (e.g. `"-0.50"`)
 */
export function canonicalDecimal(text: string): string {
  const value = new D(text);
  return value.isZero() ? "0" : value.toFixed();
}

/**
 * The fraction a percent literal stands for: `"80"` (from `80%`) → `"0.8"`.
 * @param text - the percent points, with or without a trailing `%`
 */
export function percentToFraction(text: string): string {
  const value = new D(text.endsWith("%") ? text.slice(0, -1) : text).dividedBy(100);
  return value.isZero() ? "0" : value.toFixed();
}
