/**
 * The wording of everything the XLSX reader refuses, in English and Vietnamese, each
 * once: why a workbook cannot be read (its ZIP, its XML, its parts) and why a cell
 * holds no usable value. Pure.
 * @module
 */
import type { Locale } from "../diagnostics.js";

/** A text in both languages. */
export interface Worded {
  /** English. */
  readonly en: string;
  /** Vietnamese. */
  readonly vi: string;
}

/** An error whose message exists in both languages. */
export class WordedError extends Error {
  /**
   * @param words - the message in English and Vietnamese
   */
  constructor(readonly words: Worded) {
    super(words.en);
  }
}

const w = (en: string, vi: string): Worded => ({ en, vi });

/** Why a workbook cannot be read. */
export const XLSX_REASON = {
  notZip: () => w("it is not a ZIP archive, or it is cut short", "tệp không phải tệp nén ZIP, hoặc bị cắt cụt"),
  zip64: () => w("it is a ZIP64 archive, which a workbook of this size never needs", "tệp là ZIP64, dạng mà sổ tính cỡ này không bao giờ cần"),
  tooManyFiles: (count: number, limit: number) => w(`it holds ${count} files, more than the ${limit} a workbook is read with`, `tệp chứa ${count} tệp con, nhiều hơn mức ${limit} được đọc`),
  directoryShort: () => w("its table of contents is cut short", "mục lục của tệp nén bị cắt cụt"),
  directoryDamaged: () => w("its table of contents is damaged", "mục lục của tệp nén bị hỏng"),
  encrypted: () => w("it is encrypted (protected by a password); save it again without a password", "tệp được mã hóa (đặt mật khẩu); hãy lưu lại không có mật khẩu"),
  method: (name: string, method: number) => w(`"${name}" is compressed with a method a workbook does not use (${method})`, `"${name}" được nén bằng phương pháp sổ tính không dùng (${method})`),
  tooLarge: (limit: number) => w(`its content would take more than ${limit / 1_000_000} MB once unpacked, more than a workbook is read with`, `nội dung sau khi giải nén sẽ lớn hơn ${limit / 1_000_000} MB, vượt mức được đọc với một sổ tính`),
  damaged: (name: string) => w(`"${name}" is damaged`, `"${name}" bị hỏng`),
  cutShort: (name: string) => w(`"${name}" is cut short`, `"${name}" bị cắt cụt`),
  bomb: (name: string) => w(`"${name}" unpacks to more than it declares (a zip bomb?)`, `"${name}" giải nén ra nhiều hơn kích thước khai báo (có thể là "zip bomb")`),
  sizeMismatch: (name: string, actual: number, declared: number) => w(`"${name}" unpacks to ${actual} bytes, not the ${declared} it declares`, `"${name}" giải nén ra ${actual} byte, không phải ${declared} byte như khai báo`),
  notUtf8: (part: string) => w(`the part "${part}" is not UTF-8 text`, `phần "${part}" không phải văn bản UTF-8`),
  noWorkbook: () => w("it holds no workbook part", "tệp không có phần sổ tính (workbook)"),
  badRow: (r: string) => w(`a row numbered "${r}"`, `có dòng đánh số "${r}"`),
  beyondXfd: (r: string) => w(`a cell beyond the last column XFD ("${r}")`, `có ô nằm ngoài cột cuối cùng XFD ("${r}")`),
  sheetMissing: (name: string) => w(`the sheet "${name}" is missing from the file`, `tệp thiếu trang tính "${name}"`),
  dtd: () => w("it holds a document type declaration (<!DOCTYPE or <!ENTITY), which a workbook never needs", "tệp chứa khai báo kiểu tài liệu (<!DOCTYPE hoặc <!ENTITY), thứ sổ tính không bao giờ cần"),
  unclosed: (what: string) => w(`${what} is never closed`, `có ${what} không được đóng`),
  entity: (entity: string) => w(`an entity the workbook does not define (${entity})`, `có thực thể (entity) sổ tính không định nghĩa (${entity})`),
  badReference: (ref: string) => w(`a character reference out of range (${ref})`, `có tham chiếu ký tự nằm ngoài phạm vi (${ref})`),
} as const;

/** Why a cell holds no usable value (after "the cell" / "ô"). */
export const CELL_REASON = {
  formulaNotComputed: () => w("holds a formula with no computed value; open and save the file in a spreadsheet program, or type the value", "chứa công thức chưa được tính; hãy mở và lưu tệp bằng chương trình bảng tính, hoặc nhập trực tiếp giá trị"),
  missingString: (index: string) => w(`refers to text number ${index}, which the workbook does not have`, `tham chiếu tới chuỗi văn bản số ${index}, nhưng sổ tính không có chuỗi này`),
  errorValue: (value: string) => w(`holds the error value ${value}`, `chứa giá trị lỗi ${value}`),
  invalidDate: () => w("holds an invalid date", "chứa ngày không hợp lệ"),
  notFinite: () => w("holds a number that is not finite", "chứa số không hữu hạn"),
} as const;

/**
 * A workbook refusal as one message naming the file.
 * @param file - the file
 * @param reason - why
 * @param locale - message language
 */
export function notReadable(file: string, reason: Worded, locale: Locale): string {
  return locale === "vi"
    ? `${file}: không đọc được sổ tính XLSX (${reason.vi}); tệp có thể bị cắt cụt hoặc ở định dạng khác — hãy lưu lại dưới dạng .xlsx (Excel Workbook)`
    : `${file}: not a readable XLSX workbook (${reason.en}); the file may be truncated or in another format — save it again as .xlsx (Excel Workbook)`;
}

/**
 * A cell problem as one message naming the cell.
 * @param place - the cell (`file [sheet] F12`)
 * @param reason - why
 * @param locale - message language
 */
export function cellProblem(place: string, reason: Worded, locale: Locale): string {
  return locale === "vi" ? `${place}: ô ${reason.vi}` : `${place}: the cell ${reason.en}`;
}

/**
 * The message of values beyond the columns a rubric uses.
 * @param place - the first such cell
 * @param last - the last usable column's letters
 * @param locale - message language
 */
export function beyondColumns(place: string, last: string, locale: Locale): string {
  return locale === "vi"
    ? `${place}: ô có giá trị nằm ngoài cột ${last}, cột cuối cùng mà phiếu và bảng của bộ tiêu chí này dùng; hãy xóa các giá trị từ cột này trở đi`
    : `${place}: a value stands beyond column ${last}, the last one this rubric's forms and tables use; remove the values from there on`;
}

/** The message of a workbook with no worksheet. */
export function noWorksheet(file: string, locale: Locale): string {
  return locale === "vi"
    ? `${file}: không phải sổ tính XLSX (không có trang tính nào); hãy lưu lại dưới dạng .xlsx (Excel Workbook)`
    : `${file}: not an XLSX workbook (it holds no worksheet); save it again as .xlsx (Excel Workbook)`;
}
