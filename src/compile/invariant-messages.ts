/**
 * The wording of `loadCompiled`'s invariant checks, in English and Vietnamese, each
 * message once. Pure.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import { MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS } from "./number-bounds.js";

type Pair<A extends unknown[]> = (locale: Locale, ...args: A) => string;

function pair<A extends unknown[]>(en: (...a: A) => string, vi: (...a: A) => string): Pair<A> {
  return (locale, ...args) => (locale === "vi" ? vi(...args) : en(...args));
}

const cut = (text: string): string => (text.length <= 40 ? text : `${text.slice(0, 20)}…${text.slice(-8)} (${text.length})`);

/** Messages of the invariant checks. */
export const INVARIANT = {
  /** A maximum, weight or step that is not above 0. */
  notPositive: pair(
    (what: string, value: string) => `${what} is ${cut(value)}; it must be greater than 0`,
    (what: string, value: string) => `${what} là ${cut(value)}; phải lớn hơn 0`,
  ),
  /** A decimal outside the accepted range. */
  outOfRange: pair(
    (value: string) => `${cut(value)} is outside the numbers read: at most ${MAX_INTEGER_DIGITS} digits before the decimal point and ${MAX_FRACTION_DIGITS} after it`,
    (value: string) => `${cut(value)} nằm ngoài phạm vi số được đọc: tối đa ${MAX_INTEGER_DIGITS} chữ số phần nguyên và ${MAX_FRACTION_DIGITS} chữ số thập phân`,
  ),
  /** A band's percentile outside 0–100. */
  percentile: pair(
    (value: string) => `the percentile ${cut(value)} is outside 0 to 100`,
    (value: string) => `bách phân vị ${cut(value)} nằm ngoài khoảng 0 đến 100`,
  ),
  /** An id used twice. */
  duplicateId: pair(
    (id: string, first: string) => `the id "${cut(id)}" is used twice (first at ${first}); ids are unique in a rubric`,
    (id: string, first: string) => `mã "${cut(id)}" bị dùng hai lần (lần đầu ở ${first}); mã phải là duy nhất trong bộ tiêu chí`,
  ),
  /** A name declared twice. */
  duplicateName: pair(
    (name: string) => `the name "${cut(name)}" is declared twice`,
    (name: string) => `tên "${cut(name)}" được khai báo hai lần`,
  ),
  /** A name that resolves to nothing. */
  unknownName: pair(
    (kind: string, name: string) => `${kind} "${cut(name)}" is not declared where it is used`,
    (kind: string, name: string) => `${kind} "${cut(name)}" không được khai báo ở nơi dùng nó`,
  ),
  /** Something used where it cannot be. */
  notHere: pair(
    (what: string) => `${what} cannot be used here`,
    (what: string) => `không dùng ${what} ở đây được`,
  ),
  /** A value of the wrong type. */
  wrongType: pair(
    (expected: string, found: string) => `expected ${expected}, found ${found}`,
    (expected: string, found: string) => `cần ${expected}, nhưng là ${found}`,
  ),
  /** A function called with the wrong number of arguments. */
  arity: pair(
    (fn: string, wanted: string, given: number) => `${fn}() takes ${wanted}, not ${given}`,
    (fn: string, wanted: string, given: number) => `${fn}() nhận ${wanted}, không phải ${given} đối số`,
  ),
  /** A value that is not a member of its enum. */
  notMember: pair(
    (value: string, members: string) => `"${cut(value)}" is not a member of enum(${members})`,
    (value: string, members: string) => `"${cut(value)}" không phải là giá trị của enum(${members})`,
  ),
  /** A child of a weighted node without a weight. */
  noWeight: pair(
    () => `a child of an "aggregate weighted" node needs a weight`,
    () => `tiêu chí con của tiêu chí dùng "aggregate weighted" phải có weight`,
  ),
  /** A ranking key naming no node. */
  unknownSortNode: pair(
    (id: string) => `the ranking sorts by node "${cut(id)}", which the rubric does not have`,
    (id: string) => `khối ranking sắp xếp theo tiêu chí "${cut(id)}", nhưng bộ tiêu chí không có tiêu chí này`,
  ),
  /** A range whose bounds are reversed or not whole where they must be. */
  badRange: pair(
    (min: string, max: string) => `the range ${cut(min)}..${cut(max)} is empty or not whole where whole numbers are needed`,
    (min: string, max: string) => `khoảng ${cut(min)}..${cut(max)} rỗng hoặc không phải số nguyên ở chỗ cần số nguyên`,
  ),
  /** The decimals of round() are not a small whole literal. */
  roundDigits: pair(
    () => `the decimals of round() must be a whole number from 0 to ${MAX_FRACTION_DIGITS}, written as a number`,
    () => `số chữ số thập phân của round() phải là số nguyên từ 0 đến ${MAX_FRACTION_DIGITS}, viết trực tiếp`,
  ),
  /** The rubric is not the one expected by fingerprint. */
  notExpected: pair(
    (actual: string, wanted: string) => `this is not the rubric expected: its fingerprint is ${actual}, not ${wanted}`,
    (actual: string, wanted: string) => `đây không phải bộ tiêu chí cần dùng: mã vân tay (fingerprint) của nó là ${actual}, không phải ${wanted}`,
  ),
} as const;

/** Type names in messages. */
export const TYPE_WORDS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: { num: "a number", bool: "a true/false value", date: "a date", text: "text", enum: "a value of an enum", list: "a list", "list-num": "a list of numbers", input: "the input", let: "the let value", fact: "the unit fact", max: "'max'", figure: "the rubric figure" },
  vi: { num: "một số", bool: "một giá trị đúng/sai", date: "một ngày", text: "văn bản", enum: "một giá trị enum", list: "một danh sách", "list-num": "một danh sách số", input: "đầu vào", let: "giá trị 'let'", fact: "thông tin đơn vị", max: "'max'", figure: "số liệu của bộ tiêu chí" },
};
