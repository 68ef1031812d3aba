/**
 * Messages about units refused while their data was read — a unit listed apart with
 * every problem of its sheet, row or line — and the cap on how many problems of one
 * file are printed. Worded once in English and Vietnamese (numbers with the locale's
 * grouping, the words an official uses).
 * @module
 */
import type { Locale } from "../diagnostics.js";
import { message } from "./messages.js";

/** How many problems of one data file are printed; the rest are counted. */
export const PROBLEMS_SHOWN_PER_FILE = 100;

/** A count as people read it: `1,234` in English, `1.234` in Vietnamese. */
export function countText(n: number, locale: Locale): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, locale === "vi" ? "." : ",");
}

/** Every message of this module, by what it says. */
export const DATA_MESSAGES = {
  /** The reason a refused unit is listed apart: its data could not be read. */
  refused: message(
    (count: number, problems: string) => `its data could not be read (${count === 1 ? "1 problem" : `${countText(count, "en")} problems`}): ${problems}`,
    (count: number, problems: string) => `không đọc được số liệu của đơn vị (${countText(count, "vi")} lỗi): ${problems}`,
  ),
  /** The reason a unit whose submission the checks refused is listed apart. */
  invalid: message(
    (count: number, problems: string) => `its submission was refused (${count === 1 ? "1 problem" : `${countText(count, "en")} problems`}): ${problems}`,
    (count: number, problems: string) => `số liệu của đơn vị không hợp lệ (${countText(count, "vi")} lỗi): ${problems}`,
  ),
  /** The problems of one file beyond the ones printed. */
  moreProblems: message(
    (file: string, count: number) => `${file}: ${countText(count, "en")} more problem${count === 1 ? "" : "s"} not shown (the first ${PROBLEMS_SHOWN_PER_FILE} are above); fix these and run again to see the rest`,
    (file: string, count: number) => `${file}: còn ${countText(count, "vi")} lỗi khác chưa hiện (đã hiện ${PROBLEMS_SHOWN_PER_FILE} lỗi đầu tiên ở trên); sửa các lỗi này rồi chạy lại để xem tiếp`,
  ),
  /** A sheet that is neither a form nor a wide table. */
  notAForm: message(
    (where: string) => `${where}: neither a self-assessment form (no row whose first cell is "Mã" or "Key") nor a wide sheet (no "unit.id" column); make the form with 'rubric template'`,
    (where: string) => `${where}: không phải biểu tự đánh giá (không có dòng nào mà ô đầu là "Mã" hoặc "Key") cũng không phải bảng ngang (không có cột "unit.id"); hãy tạo biểu bằng lệnh 'rubric template'`,
  ),
  /** Values given for a node the unit declared not arising, or under one that does not apply (`cause`). */
  valueNotApplicable: message(
    (place: string, node: string, inputs: string, cause: string) =>
      cause === node
        ? `${place}: warning: the values given for ${node} (${inputs}) are not used: the unit declared ${node} not arising; remove them, or the declaration`
        : `${place}: warning: the values given for ${node} (${inputs}) are not used: ${cause}, which contains it, does not apply to this unit; remove them, or check ${cause}`,
    (place: string, node: string, inputs: string, cause: string) =>
      cause === node
        ? `${place}: cảnh báo: giá trị đã nhập cho ${node} (${inputs}) không được sử dụng vì đơn vị đã khai báo ${node} không phát sinh; hãy xóa các giá trị này hoặc bỏ khai báo không phát sinh`
        : `${place}: cảnh báo: giá trị đã nhập cho ${node} (${inputs}) không được sử dụng vì ${cause} (mục chứa ${node}) không áp dụng đối với đơn vị; hãy xóa các giá trị này hoặc kiểm tra lại ${cause}`,
  ),
  /** A workbook whose sheets are all empty. */
  emptyWorkbook: message(
    (file: string) => `${file}: every sheet is empty; fill the form made by 'rubric template'`,
    (file: string) => `${file}: mọi trang tính đều trống; hãy điền vào biểu tạo bằng lệnh 'rubric template'`,
  ),
} as const;
