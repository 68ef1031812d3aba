/**
 * Messages about values — numbers outside what is read, a unit rubric-lang failed on —
 * worded once in English and Vietnamese. Small and pure: the browser entry reads
 * submissions too, so it loads the English half (`VALUE_MESSAGES_EN`) and not the file
 * messages of `messages.ts`.
 * @module
 */
import { MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS } from "../compile/number-bounds.js";
import type { Locale } from "../diagnostics.js";

type Message<A extends unknown[]> = (locale: Locale, ...args: A) => string;

function message<A extends unknown[]>(en: (...args: A) => string, vi: (...args: A) => string): Message<A> {
  return (locale, ...args) => (locale === "vi" ? vi(...args) : en(...args));
}

/**
 * Text too long to repeat whole in a message (a 500,000-digit number): its start, its
 * end and its length.
 * @param text - the text
 * @param locale - message language
 */
export function shorten(text: string, locale: Locale = "en"): string {
  return text.length <= 60 ? text : `${text.slice(0, 24)}…${text.slice(-12)} (${text.length} ${locale === "vi" ? "ký tự" : "characters"})`;
}

// Each English wording once, as its own function: the tables below refer to them by
// name, so a bundler can drop the bilingual table wherever only the English is used.
const unitFaultEn = (detail: string): string => `could not be scored: rubric-lang failed on this unit (${detail}); please report it, with the rubric and this unit's data`;
const exponentEn = (text: string, plain: string | undefined): string =>
  `${shorten(text)} uses exponent notation; write it as a decimal${plain === undefined ? ` (at most ${MAX_INTEGER_DIGITS} digits before the point and ${MAX_FRACTION_DIGITS} after it)` : `: ${plain}`}`;
const outOfRangeEn = (text: string): string => `${shorten(text)} is outside the numbers read: at most ${MAX_INTEGER_DIGITS} digits before the decimal point and ${MAX_FRACTION_DIGITS} after it`;

/**
 * The English wording of every message of this module. The runtime entry words values
 * only in English, so it imports this alone and its bundle leaves the Vietnamese out.
 */
export const VALUE_MESSAGES_EN = {
  /** rubric-lang failed on one unit (an exception while scoring or ranking it). */
  unitFault: unitFaultEn,
  /** A number in exponent notation, with the decimal to write when it is in range. */
  exponent: exponentEn,
  /** A number with more digits than are read. */
  outOfRange: outOfRangeEn,
} as const;

/** Every message of this module, by what it says, in English and Vietnamese. */
export const VALUE_MESSAGES = {
  /** rubric-lang failed on one unit (an exception while scoring or ranking it). */
  unitFault: /* @__PURE__ */ message(
    unitFaultEn,
    (detail: string) => `không chấm được: rubric-lang gặp lỗi khi xử lý đơn vị này (${detail}); vui lòng báo lỗi, kèm bộ tiêu chí và dữ liệu của đơn vị`,
  ),
  /** A number in exponent notation, with the decimal to write when it is in range. */
  exponent: /* @__PURE__ */ message(
    exponentEn,
    (text: string, plain: string | undefined) =>
      `${shorten(text, "vi")} được viết dưới dạng số mũ; hãy viết thành số thập phân${plain === undefined ? ` (tối đa ${MAX_INTEGER_DIGITS} chữ số phần nguyên và ${MAX_FRACTION_DIGITS} chữ số thập phân)` : `: ${plain.replace(".", ",")}`}`,
  ),
  /** A number with more digits than are read. */
  outOfRange: /* @__PURE__ */ message(
    outOfRangeEn,
    (text: string) => `${shorten(text, "vi")} nằm ngoài phạm vi số được đọc: tối đa ${MAX_INTEGER_DIGITS} chữ số phần nguyên và ${MAX_FRACTION_DIGITS} chữ số thập phân`,
  ),
} as const;
