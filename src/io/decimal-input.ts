/**
 * Reading numbers from submissions exactly: a decimal string is taken as written; a
 * number from JSON text that a float would change is kept as its text by the CLI's
 * JSON reader ({@link JsonNumberText}) and read from it; any other JSON number is
 * taken by its shortest decimal spelling (`0.1` stays 0.1, no float arithmetic).
 * Refused with what to write instead: a decimal comma, NaN, Infinity, exponent
 * notation, an integer beyond 2^53 given as a float, and a number outside the
 * accepted range (at most 50 digits before and after the point, see `number-bounds.ts`).
 * @module
 */
import { MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS, withinNumberBounds } from "../compile/number-bounds.js";
import { JsonNumberText } from "./json-text.js";
import { shorten, VALUE_MESSAGES_EN } from "./value-messages.js";

const DECIMAL = /^-?\d+(\.\d+)?$/;
const EXPONENT = /^(-?)(\d+)(?:\.(\d+))?[eE]([-+]?\d+)$/;

/** A number read from a submission, or why it cannot be. */
export type DecimalRead = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/**
 * The plain decimal an exponent form stands for (`1.5e3` → `1500`), or undefined when
 * it lies far outside the accepted range (so no huge string is ever built).
 * @param text - a number in exponent notation
 */
export function plainOfExponent(text: string): string | undefined {
  const m = EXPONENT.exec(text);
  if (m === null) return undefined;
  const exponent = Number(m[4]);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > MAX_INTEGER_DIGITS + MAX_FRACTION_DIGITS + 40) return undefined;
  const int = m[2]!;
  const frac = m[3] ?? "";
  const digits = int + frac;
  const point = int.length + exponent;
  const whole = point <= 0 ? "0" : (digits + "0".repeat(Math.max(0, point - digits.length))).slice(0, point);
  const fraction = point <= 0 ? "0".repeat(-point) + digits : digits.slice(point);
  const cleanWhole = whole.replace(/^0+(?=\d)/, "");
  const cleanFraction = fraction.replace(/0+$/, "");
  const plain = cleanFraction === "" ? cleanWhole : `${cleanWhole}.${cleanFraction}`;
  return m[1] === "-" && /[1-9]/.test(plain) ? `-${plain}` : plain;
}

/** A plain decimal within the bounds, or the refusal. */
function bounded(text: string): DecimalRead {
  return withinNumberBounds(text) ? { ok: true, text } : { ok: false, message: VALUE_MESSAGES_EN.outOfRange(text) };
}

/** Exponent notation: refused, with the decimal to write when there is one. */
function exponentForm(text: string): DecimalRead {
  const plain = plainOfExponent(text);
  return { ok: false, message: VALUE_MESSAGES_EN.exponent(text, plain !== undefined && withinNumberBounds(plain) ? plain : undefined) };
}

/**
 * Reads a submitted number.
 * @param value - a JSON number, a {@link JsonNumberText}, or a string
 */
export function readDecimal(value: unknown): DecimalRead {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { ok: false, message: `${String(value)} is not a number; write a decimal such as 12.5` };
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      return { ok: false, message: "this whole number is too large to be read exactly from JSON; write it as a string, e.g. \"12345678901234567890\"" };
    }
    // A float's shortest spelling (`1e-7`) is the decimal it was written as: spelt out.
    const text = String(value);
    return bounded(text.includes("e") ? plainOfExponent(text) ?? text : text);
  }
  if (value instanceof JsonNumberText) return EXPONENT.test(value.text) ? exponentForm(value.text) : bounded(value.text);
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (DECIMAL.test(trimmed)) return bounded(trimmed);
    if (EXPONENT.test(trimmed)) return exponentForm(trimmed);
    if (/^-?\d+,\d+$/.test(trimmed)) return { ok: false, message: `"${value}" uses a decimal comma; write "${trimmed.replace(",", ".")}"` };
    return { ok: false, message: `"${shorten(value)}" is not a decimal number; write digits with an optional dot, e.g. "12.5"` };
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
