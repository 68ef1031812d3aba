/**
 * Messages for a command line written wrongly (exit code 2), in English and
 * Vietnamese. The English of commander's own errors is commander's wording, kept as
 * it was; the Vietnamese names the option, argument or command as it is written on
 * the command line, so `--lang vi` shows no English even before a command runs.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import { countText } from "../io/data-messages.js";
import { message } from "../io/messages.js";

/** `rubric` or `rubric score`: the command a message is about. */
const quoted = (command: string): string => `'${command}'`;

/** Values or names to type, quoted, in a Vietnamese list: `'a', 'b' hoặc 'c'`. */
function namesVi(names: readonly string[]): string {
  const typed = names.map((n) => `'${n}'`);
  return typed.length <= 1 ? typed.join("") : `${typed.slice(0, -1).join(", ")} hoặc ${typed[typed.length - 1]}`;
}

/** What each argument of the commands holds, in Vietnamese (their names are English words). */
const ARGUMENT_VI: Readonly<Record<string, string>> = {
  rubric: "tệp bộ tiêu chí (.rubric, hoặc .json đã biên dịch)",
  data: "các tệp số liệu của đơn vị (.json, .jsonl, .csv, .xlsx)",
  files: "các tệp bộ tiêu chí (.rubric)",
  file: "tệp bộ tiêu chí (.rubric)",
};

/** Every usage message of the CLI, by what it says. */
export const USAGE_MESSAGES = {
  /** The line after a usage error: where the help is. English keeps commander's root hint. */
  helpHint: message(
    (_command: string) => "(run 'rubric --help' for usage)",
    (command: string) => `(xem cách dùng lệnh: ${quoted(`${command} --help`)})`,
  ),
  /** An option the command does not have; `suggested` from commander's "did you mean". */
  unknownOption: message(
    (_command: string, flag: string) => `error: unknown option '${flag}'`,
    (command: string, flag: string) => `lỗi: lệnh ${quoted(command)} không có tùy chọn '${flag}'`,
  ),
  /** A command that does not exist. */
  unknownCommand: message(
    (name: string) => `error: unknown command '${name}'`,
    (name: string) => `lỗi: không có lệnh '${name}'`,
  ),
  /** commander's "did you mean", after an unknown option or command. */
  didYouMean: message(
    (names: readonly string[], _command: boolean) => `(Did you mean ${names.length > 1 ? "one of " : ""}${names.join(", ")}?)`,
    (names: readonly string[], command: boolean) => `(Có phải là ${command ? "lệnh " : ""}${namesVi(names)}?)`,
  ),
  /** A required argument not given. */
  missingArgument: message(
    (_command: string, name: string, _variadic: boolean) => `error: missing required argument '${name}'`,
    (command: string, name: string, variadic: boolean) =>
      `lỗi: lệnh ${quoted(command)} còn thiếu tham số <${name}${variadic ? "..." : ""}>${ARGUMENT_VI[name] === undefined ? "" : `: ${ARGUMENT_VI[name]}`}`,
  ),
  /** An option written without its value; `flags` as in the help, `choices` when it has them. */
  optionMissingValue: message(
    (flags: string, _choices: readonly string[]) => `error: option '${flags}' argument missing`,
    (flags: string, choices: readonly string[]) => `lỗi: tùy chọn '${optionName(flags)}' cần có giá trị${choices.length > 0 ? ` (${namesVi(choices)})` : ""}`,
  ),
  /** A required option not given. */
  missingOption: message(
    (_command: string, flags: string) => `error: required option '${flags}' not specified`,
    (command: string, flags: string) => `lỗi: lệnh ${quoted(command)} bắt buộc phải có tùy chọn '${optionName(flags)}'`,
  ),
  /** Two options that exclude each other; each is `option 'flags'` or `environment variable 'NAME'`. */
  conflictingOptions: message(
    (first: Conflicting, second: Conflicting) => `error: ${conflictingEn(first)} cannot be used with ${conflictingEn(second)}`,
    (first: Conflicting, second: Conflicting) => `lỗi: không dùng được đồng thời ${conflictingVi(first)} và ${conflictingVi(second)}; hãy chỉ dùng một trong hai`,
  ),
  /** More arguments than the command takes. */
  tooManyArguments: message(
    (command: string | undefined, expected: number, got: number) =>
      `error: too many arguments${command === undefined ? "" : ` for '${command}'`}. Expected ${expected} argument${expected === 1 ? "" : "s"} but got ${got}.`,
    (command: string | undefined, expected: number, got: number) =>
      `lỗi: lệnh ${quoted(command === undefined ? "rubric" : `rubric ${command}`)} chỉ nhận ${expected} tham số nhưng đã ghi ${got} tham số${expected > 0 ? "; tên tệp có dấu cách phải đặt trong ngoặc kép" : ""}`,
  ),
  /** A value an option does not take; `why` is {@link USAGE_MESSAGES.choices} or a parser's own message. */
  invalidOptionValue: message(
    (flags: string, value: string, why: string) => `error: option '${flags}' argument '${value}' is invalid. ${why}`,
    (flags: string, value: string, why: string) => `lỗi: tùy chọn '${optionName(flags)}' không nhận giá trị '${value}'; ${why}`,
  ),
  /** The values an option takes. */
  choices: message(
    (choices: readonly string[]) => `Allowed choices are ${choices.join(", ")}.`,
    (choices: readonly string[]) => `chỉ được chọn ${namesVi(choices)}`,
  ),
  /** A value a whole-number option does not take (`--samples`, `--seed`, `--workers`, `--to-rank`). */
  wholeNumber: message(
    (min: number, max: number) => `a whole number from ${min} to ${max}`,
    (min: number, max: number) => `giá trị phải là số nguyên từ ${countText(min, "vi")} đến ${countText(max, "vi")}`,
  ),
  /** `whatif` without a target. */
  whatIfTarget: message(
    () => "error: give the target: --to-rank K or --to-band NAME",
    () => "lỗi: hãy cho biết mục tiêu: --to-rank K (thứ hạng cần đạt) hoặc --to-band TÊN (xếp loại cần đạt)",
  ),
  /** `template --format xlsx` without `-o`. */
  xlsxNeedsFile: message(
    () => "rubric template: an XLSX form needs a file: add -o FILE.xlsx",
    () => "rubric template: phiếu XLSX phải được ghi ra tệp: hãy thêm -o TÊN-TỆP.xlsx",
  ),
} as const;

/** One side of a conflict: an option by its flags, or an environment variable. */
export type Conflicting = { readonly option: string } | { readonly variable: string };

const conflictingEn = (c: Conflicting): string => ("option" in c ? `option '${c.option}'` : `environment variable '${c.variable}'`);
const conflictingVi = (c: Conflicting): string => ("option" in c ? `tùy chọn '${optionName(c.option)}'` : `biến môi trường '${c.variable}'`);

/** An option as it is written on the command line: its flags without the value's placeholder (`-o, --output <file>` → `-o, --output`). */
export function optionName(flags: string): string {
  return flags.replace(/\s*[<[].*$/s, "");
}

/** The locale of a usage message: Vietnamese only when asked for. */
export const usageLocale = (lang: string | undefined): Locale => (lang === "vi" ? "vi" : "en");
