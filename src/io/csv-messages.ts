/**
 * Why a CSV table or a form file cannot be read, in English and Vietnamese, each once:
 * an empty file, a header of neither kind of table, a CSV file that is no form, a
 * broken CSV structure. Pure.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import { message } from "./messages.js";

/** Every message of the CSV table reader, by what it says. */
export const CSV_MESSAGES = {
  /** No header row at all. */
  empty: message(
    (file: string) => `${file}: the file is empty; the first row is the header (unit.id, … or unit,node,input,layer,value)`,
    (file: string) => `${file}: tệp rỗng; dòng đầu tiên là dòng tiêu đề (unit.id, … hoặc unit,node,input,layer,value)`,
  ),
  /** A header that is neither a wide nor a long table's. */
  header: message(
    (place: string) => `${place}: the header is neither a wide table's (a unit.id column, then <criterion>.<input> columns) nor a long table's (unit,node,input,layer,value)`,
    (place: string) => `${place}: dòng tiêu đề không phải của bảng dạng ngang (cột unit.id, tiếp theo các cột <mã tiêu chí>.<đầu vào>) cũng không phải của bảng dạng dọc (unit,node,input,layer,value)`,
  ),
  /** A CSV form with no cell filled. */
  formEmpty: message(
    (file: string) => `${file}: the file is empty; fill the form made by 'rubric template'`,
    (file: string) => `${file}: tệp rỗng; hãy điền vào biểu tạo bằng lệnh 'rubric template'`,
  ),
  /** A CSV file headed neither as a form nor as a table. */
  notAForm: message(
    (place: string, first: string) =>
      `${place}: not a self-assessment form (its first column is headed "${first}", not "Mã" or "Key"); a wide or long table is read when its header has "unit.id" or is "unit,node,input,layer,value"`,
    (place: string, first: string) =>
      `${place}: không phải biểu tự đánh giá (ô đầu cột thứ nhất là "${first}", không phải "Mã"); bảng ngang hoặc bảng dọc được đọc khi dòng tiêu đề có "unit.id" hoặc là "unit,node,input,layer,value"`,
  ),
  /** A CSV form whose structure is broken; `why` from {@link csvStructureProblem} or the parser. */
  formNotCsv: message(
    (file: string, why: string) => `${file}: not valid CSV (${why}); check the quotes on that line`,
    (file: string, why: string) => `${file}: không phải tệp CSV hợp lệ (${why}); hãy kiểm tra các dấu ngoặc kép trong tệp`,
  ),
  /** An `.xlsx` file of no bytes. */
  emptyXlsx: message(
    (file: string) => `${file}: the file is empty; an XLSX workbook was expected`,
    (file: string) => `${file}: tệp rỗng, không phải một sổ tính XLSX`,
  ),
} as const;

/** A broken CSV structure, by csv-parse's error code. */
const STRUCTURE: Readonly<Record<string, readonly [string, string]>> = {
  CSV_QUOTE_NOT_CLOSED: ['a quoted cell is never closed; end it with " (write "" for a quote inside a cell)', 'một ô mở dấu ngoặc kép nhưng không đóng; hãy thêm " ở cuối ô (dấu ngoặc kép trong ô ghi thành "")'],
  CSV_INVALID_CLOSING_QUOTE: ['a quote ends a cell too early; write "" for a quote inside a quoted cell', 'dấu ngoặc kép kết thúc ô quá sớm; dấu ngoặc kép trong ô ghi thành ""'],
  // csv-parse names this one without the CSV_ prefix.
  INVALID_OPENING_QUOTE: ['a quote stands inside an unquoted cell; quote the whole cell and write "" for the quote', 'có dấu ngoặc kép giữa một ô không đặt trong ngoặc kép; hãy đặt cả ô trong ngoặc kép và ghi dấu ngoặc kép trong ô thành ""'],
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: ['text follows a closing quote; quote the whole cell and write "" for a quote inside it', 'có chữ sau dấu ngoặc kép đóng ô; hãy đặt cả ô trong ngoặc kép và ghi dấu ngoặc kép trong ô thành ""'],
};

/**
 * A broken CSV structure in words, or undefined for a code not known here.
 * @param code - csv-parse's error code
 * @param maxRecordChars - the longest row read (for `CSV_MAX_RECORD_SIZE`)
 * @param locale - message language
 */
export function csvStructureProblem(code: string | undefined, maxRecordChars: number, locale: Locale): string | undefined {
  const vi = locale === "vi";
  if (code === "CSV_MAX_RECORD_SIZE") {
    return vi
      ? `dòng dài hơn ${maxRecordChars} ký tự; mỗi dòng chỉ chứa số liệu của một đơn vị — có dấu ngoặc kép nào chưa đóng không?`
      : `the row is longer than ${maxRecordChars} characters; a row holds one unit's values, not a whole file — is a quote left open?`;
  }
  const words = code === undefined ? undefined : STRUCTURE[code];
  return words === undefined ? undefined : words[vi ? 1 : 0];
}
