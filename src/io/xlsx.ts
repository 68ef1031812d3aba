/**
 * XLSX in and out: the self-assessment form written as a workbook with exceljs, and
 * the reader of workbooks (`xlsx-read.ts`, bounded, with no exceljs). Node-only:
 * exceljs is an optional peer dependency, loaded by dynamic import only when a form is
 * written (never by the library entries), and its absence is a message with the
 * install command.
 *
 * Typed cells become text the locale reads without doubt: a number cell `1.5` is
 * `1,5` in `vi` (a decimal comma is never ambiguous there) and `1.5` in `en`, exactly
 * as the shortest decimal of the stored value; a cell formatted as a percentage
 * (`85%`, stored 0.85) is `85%`; a date cell is `yyyy-mm-dd`; a formula gives its
 * computed value.
 * @module
 */
import type { Font as ExcelFont, Workbook } from "exceljs";
import type { Locale } from "../diagnostics.js";
import type { Template, TemplateRow } from "./template.js";

/** The command that installs the optional spreadsheet library, as messages print it. */
export const EXCELJS_INSTALL = "npm install exceljs@^4.4.0";

type ExcelModule = typeof import("exceljs");

/**
 * exceljs, loaded on first use: an optional peer dependency, so a library user who
 * only scores never installs it. Its absence is a message naming the install command.
 */
async function loadExcelJs(): Promise<{ readonly ok: true; readonly excel: ExcelModule } | { readonly ok: false; readonly message: string }> {
  try {
    const loaded = (await import("exceljs")) as ExcelModule & { default?: ExcelModule };
    return { ok: true, excel: loaded.default ?? loaded };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") {
      return { ok: false, message: "missing" };
    }
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Why the XLSX form cannot be written here (exceljs missing or broken), in the locale,
 * or undefined when it can.
 * @param locale - message language
 */
export async function xlsxUnavailable(locale: Locale = "en"): Promise<string | undefined> {
  const loaded = await loadExcelJs();
  if (loaded.ok) return undefined;
  const vi = locale === "vi";
  if (loaded.message === "missing") {
    return vi
      ? `ghi tệp XLSX cần gói exceljs, gói này chưa được cài (rubric-lang coi đây là gói phụ thuộc tùy chọn); hãy cài cùng rubric-lang: ${EXCELJS_INSTALL} (cài toàn máy: npm install -g exceljs@^4.4.0), hoặc dùng CSV`
      : `reading or writing XLSX needs the exceljs package, which is not installed (rubric-lang lists it as an optional peer dependency); install it beside rubric-lang: ${EXCELJS_INSTALL} (for a global install: npm install -g exceljs@^4.4.0), or use CSV`;
  }
  return vi ? `không nạp được gói exceljs (${loaded.message}); hãy cài lại: ${EXCELJS_INSTALL}` : `the exceljs package could not be loaded (${loaded.message}); reinstall it: ${EXCELJS_INSTALL}`;
}

async function newWorkbook(): Promise<Workbook> {
  const loaded = await loadExcelJs();
  if (!loaded.ok) throw new Error((await xlsxUnavailable()) ?? loaded.message);
  return new loaded.excel.Workbook();
}

const SHEET = { vi: "Phiếu tự đánh giá", en: "Self-assessment" } as const;
const HEAD = {
  vi: {
    agency: "CƠ QUAN, ĐƠN VỊ: ……………", country: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", motto: "Độc lập - Tự do - Hạnh phúc",
    preparer: "NGƯỜI LẬP BIỂU\n(Ký, ghi rõ họ tên)", head: "THỦ TRƯỞNG ĐƠN VỊ\n(Ký, ghi rõ họ tên, đóng dấu)",
  },
  en: {
    agency: "AGENCY, UNIT: ……………", country: "SOCIALIST REPUBLIC OF VIETNAM", motto: "Independence - Freedom - Happiness",
    preparer: "PREPARED BY\n(signature, full name)", head: "HEAD OF THE UNIT\n(signature, full name, seal)",
  },
} as const;
/** The heading row of the XLSX form (the reader finds it by its first cell, wherever it is). */
const HEADING_ROW = 7;
const WIDTHS = [14, 9, 60, 10, 28, 16, 16, 30, 24, 40];
const FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF8DC" } } as const;
const GREY = { argb: "FF808080" } as const;
const THIN = { style: "thin" } as const;

/**
 * Printing the form: A4 landscape (ten columns), every column on one page's width and
 * as many pages down as the rows need, the heading row repeated at the top of each
 * printed page, so a council member reading page 3 still knows which column is which.
 */
const PAGE_SETUP = {
  paperSize: 9, // A4
  orientation: "landscape",
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: `${HEADING_ROW}:${HEADING_ROW}`,
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
} as const;

/** The columns a row's kind lets the unit or the council fill (1-based: F self, G appraised, H reason, I does not arise); a leaf's reason goes on its input rows. */
function fillable(r: TemplateRow): number[] {
  if (r.kind === "unit") return [6];
  if (r.kind === "node") return [9];
  return [6, 7, 8];
}

/**
 * The form as an XLSX workbook, laid out as official forms are: the agency and the
 * national motto, the title, the rubric's id and fingerprint, the heading row
 * (frozen, and repeated on every printed page), one row per template row, the
 * signatures; printed A4 landscape, fitted to the page's width; cells to fill shaded and stored
 * as text (so Excel does not turn `1.234` or `01/02/2022` into something else);
 * yes/no and enum inputs offer their choices in a drop-down.
 * @param template - the form ({@link buildTemplate})
 * @param locale - the form's language
 * @returns the file's bytes
 */
export async function templateXlsx(template: Template, locale: Locale): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  workbook.creator = "rubric-lang";
  // The form's language, read back so its cells are read in it (docs/submission.md).
  (workbook as Workbook & { language?: string }).language = locale; // exceljs writes it, though its types leave it out
  // A fixed date keeps the file the same from run to run.
  workbook.created = workbook.modified = new Date(Date.UTC(2000, 0, 1));
  const sheet = workbook.addWorksheet(SHEET[locale], { views: [{ state: "frozen", xSplit: 3, ySplit: HEADING_ROW }], pageSetup: PAGE_SETUP });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  // The head of an official form: the agency on the left, the national motto on the right, then the title.
  const words = HEAD[locale];
  const put = (range: string, text: string, font: Partial<ExcelFont>): void => {
    sheet.mergeCells(range);
    const cell = sheet.getCell(range.split(":")[0]!);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  };
  put("A1:C1", words.agency, { bold: true });
  put("E1:J1", words.country, { bold: true });
  put("E2:J2", words.motto, { bold: true, underline: true });
  put("A4:J4", template.title.toLocaleUpperCase("vi"), { bold: true, size: 14 });
  put("A5:J5", template.subtitle, { italic: true, color: GREY });
  const heading = sheet.getRow(HEADING_ROW);
  heading.values = [...template.headings];
  heading.font = { bold: true };
  heading.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  heading.eachCell((c) => { c.border = { top: THIN, bottom: THIN, left: THIN, right: THIN }; });
  template.rows.forEach((r, i) => {
    const row = sheet.getRow(HEADING_ROW + 1 + i);
    row.values = [r.key, r.number, r.title, r.max, r.how, null, null, null, null, r.evidence];
    row.getCell(1).font = { color: GREY };
    row.getCell(3).alignment = { wrapText: true, indent: r.depth };
    if (r.kind === "node") row.font = { bold: r.depth === 0 };
    for (let c = 1; c <= 10; c++) row.getCell(c).border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
    for (const c of fillable(r)) {
      const cell = row.getCell(c);
      cell.fill = FILL;
      cell.numFmt = "@";
      if (r.choices !== undefined && c <= 7 && r.choices.join(",").length < 250) {
        cell.dataValidation = { type: "list", allowBlank: true, formulae: [`"${r.choices.join(",")}"`] };
      }
    }
  });
  // Signatures below the table, outside the columns that are read back.
  const foot = HEADING_ROW + template.rows.length + 2;
  put(`B${foot}:C${foot}`, words.preparer, { bold: true });
  put(`J${foot}:J${foot + 1}`, words.head, { bold: true });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export { readXlsx, type ReadXlsxOptions, type SheetGrid } from "./xlsx-read.js";
