/**
 * The range of numbers rubric-lang reads: in submissions and data files, in a
 * compiled rubric, and (checked by the compiler) in a rubric's literals. A decimal is
 * written with at most {@link MAX_INTEGER_DIGITS} digits before the point and
 * {@link MAX_FRACTION_DIGITS} after it — below 10^50 in size, down to 10^-50 in
 * precision: far beyond any real count, amount or score, and small enough that no
 * value can make the exact arithmetic that follows grow without bound. Exponent
 * notation (`1e2`) is not a decimal here. Pure, dependency-free.
 * @module
 */

/** Most digits before the decimal point (leading zeros not counted). */
export const MAX_INTEGER_DIGITS = 50;

/** Most digits after the decimal point (trailing zeros not counted). */
export const MAX_FRACTION_DIGITS = 50;

/**
 * Whether a plain decimal (`-?digits(.digits)?`) is within the bounds.
 * @param text - a plain decimal
 */
export function withinNumberBounds(text: string): boolean {
  const body = text.startsWith("-") || text.startsWith("+") ? text.slice(1) : text;
  const dot = body.indexOf(".");
  const int = (dot < 0 ? body : body.slice(0, dot)).replace(/^0+/, "");
  const frac = dot < 0 ? "" : body.slice(dot + 1).replace(/0+$/, "");
  return int.length <= MAX_INTEGER_DIGITS && frac.length <= MAX_FRACTION_DIGITS;
}
