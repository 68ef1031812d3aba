/**
 * Reading numbers from submissions exactly: a JSON number is taken by its shortest
 * decimal spelling (`0.1` stays 0.1, no float arithmetic); a decimal string is taken
 * as written. A decimal comma, NaN, Infinity or an unsafe integer is refused with a
 * message that says what to write instead.
 * @module
 */

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A number read from a submission, or why it cannot be. */
export type DecimalRead = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/**
 * Reads a submitted number.
 * @param value - a JSON number or a string
 */
export function readDecimal(value: unknown): DecimalRead {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { ok: false, message: `${String(value)} is not a number; write a decimal such as 12.5` };
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      return { ok: false, message: "this whole number is too large to be read exactly from JSON; write it as a string, e.g. \"12345678901234567890\"" };
    }
    const text = String(value);
    if (text.includes("e")) return { ok: false, message: `${text} uses exponent notation; write it as a decimal string` };
    return { ok: true, text };
  }
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (DECIMAL.test(trimmed)) return { ok: true, text: trimmed };
    if (/^-?\d+,\d+$/.test(trimmed)) return { ok: false, message: `"${value}" uses a decimal comma; write "${trimmed.replace(",", ".")}"` };
    return { ok: false, message: `"${value}" is not a decimal number; write digits with an optional dot, e.g. "12.5"` };
  }
  return { ok: false, message: `expected a number, got ${value === null ? "null" : Array.isArray(value) ? "a list" : typeof value}` };
}

/**
 * True when a `YYYY-MM-DD` string is a real calendar date.
 * @param text - the date text
 */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return days !== undefined && d >= 1 && d <= days;
}
