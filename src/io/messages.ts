/**
 * Messages about files that the readers and the CLI give, each worded once here in
 * English and Vietnamese (decimal comma, the words an official uses), so a later
 * catalogue can take them over from one place. Messages about values, which the
 * browser entry needs too, are in `value-messages.ts`.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import type { EncodingProblem } from "./encoding.js";

/** A message in both languages: the locale picks one. */
export type Message<A extends unknown[]> = (locale: Locale, ...args: A) => string;

/**
 * A message from its two wordings.
 * @param en - the English wording
 * @param vi - the Vietnamese wording
 */
export function message<A extends unknown[]>(en: (...args: A) => string, vi: (...args: A) => string): Message<A> {
  return (locale, ...args) => (locale === "vi" ? vi(...args) : en(...args));
}

/** A size in bytes as people read it: `16 MB` (a megabyte is 1,000,000 bytes). */
export function megabytes(bytes: number, locale: Locale): string {
  const mb = bytes / 1_000_000;
  const text = Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
  return `${locale === "vi" ? text.replace(".", ",") : text} MB`;
}

const hex = (byte: number): string => `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;

/** Every message of this module, by what it says. */
export const MESSAGES = {
  /** A file that cannot be opened or read; `reason` from {@link osReason}. */
  cannotRead: message(
    (file: string, reason: string) => `${file}: cannot read the file (${reason}).`,
    (file: string, reason: string) => `${file}: không đọc được tệp (${reason}).`,
  ),
  /** A file that cannot be written. */
  cannotWrite: message(
    (file: string, reason: string) => `${file}: cannot write the file (${reason}); the file was left as it was.`,
    (file: string, reason: string) => `${file}: không ghi được tệp (${reason}); tệp vẫn giữ nguyên như trước.`,
  ),
  /** A file larger than what is read of that kind. */
  tooLarge: message(
    (file: string, limit: string, hint: string) => `${file}: the file is larger than ${limit}, the most read of this kind of file; ${hint}`,
    (file: string, limit: string, hint: string) => `${file}: tệp lớn hơn ${limit}, mức tối đa được đọc với loại tệp này; ${hint}`,
  ),
  /** Hint: a rubric source. */
  tooLargeRubric: message(() => "a rubric source is a few hundred KB at most — is this the right file?", () => "một bộ tiêu chí chỉ vài trăm KB — có đúng tệp không?"),
  /** Hint: a JSON file read whole. */
  tooLargeJson: message(
    () => "give many units as JSON Lines (.jsonl, one submission per line), which is read line by line",
    () => "với nhiều đơn vị, hãy dùng JSON Lines (.jsonl, mỗi dòng một bản đánh giá), tệp này được đọc từng dòng",
  ),
  /** Hint: an XLSX workbook or a CSV form. */
  tooLargeSheet: message(
    () => "give many units as a CSV table (one row per unit), which is read row by row",
    () => "với nhiều đơn vị, hãy dùng bảng CSV (mỗi dòng một đơn vị), tệp này được đọc từng dòng",
  ),
  /** A UTF-16 or UTF-32 file. */
  wideEncoding: message(
    (file: string, name: string) => `${file}: the file is ${name} text, not UTF-8; save it again as UTF-8 (in Excel: "CSV UTF-8"; in a text editor: encoding UTF-8)`,
    (file: string, name: string) => `${file}: tệp được mã hóa ${name}, không phải UTF-8; hãy lưu lại theo UTF-8 (trong Excel: "CSV UTF-8"; trong trình soạn thảo: bảng mã UTF-8)`,
  ),
  /** Bytes that are not UTF-8. */
  notUtf8: message(
    (file: string, line: number, column: number, byte: string) =>
      `${file}:${line}:${column}: the file is not UTF-8 text (byte ${byte}); it may be in a legacy encoding such as Windows-1258 or TCVN3 — save it again as UTF-8 (in Excel: "CSV UTF-8")`,
    (file: string, line: number, column: number, byte: string) =>
      `${file}:${line}:${column}: tệp không phải văn bản UTF-8 (byte ${byte}); có thể tệp dùng bảng mã cũ như Windows-1258 hoặc TCVN3 — hãy lưu lại theo UTF-8 (trong Excel: "CSV UTF-8")`,
  ),
  /** A NUL character. */
  nulByte: message(
    (file: string, line: number, column: number) => `${file}:${line}:${column}: the file holds a NUL byte, so it is not a text file (or not UTF-8); save it again as UTF-8 text`,
    (file: string, line: number, column: number) => `${file}:${line}:${column}: tệp chứa byte NUL nên không phải tệp văn bản (hoặc không phải UTF-8); hãy lưu lại thành văn bản UTF-8`,
  ),
  /** `-o` names a file the same run reads. */
  outputIsInput: message(
    (command: string, output: string, input: string) => `rubric ${command}: the output file ${output} is also an input of this run (${input}); write the output to another file`,
    (command: string, output: string, input: string) => `rubric ${command}: tệp kết quả ${output} cũng là tệp đầu vào của lần chạy này (${input}); hãy ghi ra tệp khác`,
  ),
  unitTwice: message(
    (origin: string, unit: string, first: string, table = false) => `${origin}: the unit "${unit}" is given twice (first at ${first}); give each unit once${table ? " (in a long table, keep a unit's rows together)" : ""}`,
    (origin: string, unit: string, first: string, table = false) => `${origin}: đơn vị "${unit}" có hai bản số liệu (bản đầu ở ${first}); mỗi đơn vị chỉ được nộp một bản${table ? " (trong bảng dạng dọc, các dòng của một đơn vị phải liền nhau)" : ""}`,
  ),
  jsonEmpty: message(
    (file: string) => `${file}: the file is empty; write one submission object or an array of them`,
    (file: string) => `${file}: tệp rỗng; hãy ghi một bản số liệu (đối tượng JSON) hoặc một danh sách các bản số liệu`,
  ),
  jsonInvalid: message(
    (file: string, why: string) => `${file}: not valid JSON (${why})`,
    (file: string, why: string) => `${file}: không phải JSON hợp lệ (${why})`,
  ),
  jsonLineTooLong: message(
    (place: string, length: string, limit: string) => `${place}: the line is ${length} characters long, more than ${limit}; one line holds one unit's submission`,
    (place: string, length: string, limit: string) => `${place}: dòng dài ${length} ký tự, vượt quá ${limit}; mỗi dòng chỉ ghi số liệu của một đơn vị`,
  ),
  jsonLineNotObject: message(
    (place: string, what: string) => `${place}: the line holds ${what}, not a submission object; write one {"unit": …} object per line`,
    (place: string, what: string) => `${place}: dòng này chứa ${what}, không phải một bản số liệu; mỗi dòng ghi một đối tượng {"unit": …}`,
  ),
  jsonLineInvalid: message(
    (place: string, why: string) => `${place}: not valid JSON (${why}); write one submission object per line`,
    (place: string, why: string) => `${place}: không phải JSON hợp lệ (${why}); mỗi dòng ghi một bản số liệu (đối tượng JSON)`,
  ),
  noSubmission: message(
    (unit: string, files: string) => `no submission for unit "${unit}" in ${files}`,
    (unit: string, files: string) => `không có số liệu của đơn vị "${unit}" trong ${files}`,
  ),
} as const;

/**
 * An operating-system error in words: no such file, a folder, permission denied, else
 * the system's own message.
 * @param error - what `fs` threw
 * @param locale - message language
 */
export function osReason(error: unknown, locale: Locale): string {
  const code = (error as { code?: string } | null)?.code;
  const words: Record<string, readonly [string, string]> = {
    ENOENT: ["no such file", "không có tệp này"],
    EISDIR: ["it is a folder", "đây là một thư mục"],
    EACCES: ["permission denied", "không có quyền truy cập"],
    EPERM: ["permission denied", "không có quyền truy cập"],
    ENOSPC: ["the disk is full", "ổ đĩa đã đầy"],
    EROFS: ["the disk is read-only", "ổ đĩa chỉ cho phép đọc"],
    ENOTDIR: ["a part of the path is a file, not a folder", "một phần của đường dẫn là tệp chứ không phải thư mục"],
    ENAMETOOLONG: ["the name is too long", "tên tệp quá dài"],
  };
  const known = code === undefined ? undefined : words[code];
  if (known !== undefined) return locale === "vi" ? known[1] : known[0];
  // The system's own message is English: in Vietnamese, its code is what can be looked up.
  if (locale === "vi" && code !== undefined) return `lỗi hệ thống ${code}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Why a file could not be written, in words: as {@link osReason}, except that a path
 * not found when writing means its folder does not exist.
 * @param error - what `fs` threw
 * @param locale - message language
 */
export function writeReason(error: unknown, locale: Locale): string {
  if ((error as { code?: string } | null)?.code === "ENOENT") return locale === "vi" ? "thư mục chứa tệp không tồn tại" : "its folder does not exist";
  return osReason(error, locale);
}

/**
 * An encoding problem as a message naming the file.
 * @param file - the file
 * @param problem - what {@link decodeUtf8} or a stream decoder found
 * @param locale - message language
 */
export function encodingMessage(file: string, problem: EncodingProblem, locale: Locale): string {
  switch (problem.kind) {
    case "utf16": return MESSAGES.wideEncoding(locale, file, "UTF-16");
    case "utf32": return MESSAGES.wideEncoding(locale, file, "UTF-32");
    case "invalid": return MESSAGES.notUtf8(locale, file, problem.line, problem.column, hex(problem.byte));
    case "nul": return MESSAGES.nulByte(locale, file, problem.line, problem.column);
  }
}
