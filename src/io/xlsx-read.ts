/**
 * Reading the sheets of an XLSX workbook as grids of strings, with work bounded by the
 * input: the ZIP's declared sizes are checked before anything is inflated (and no part
 * inflates past its claim), the XML is scanned once with no tree and no DTD, only the
 * cells present are kept, and no column beyond what the rubric can use is stored — a
 * 13 KB workbook with one cell in column XFD costs one cell, not 16,384 a row.
 *
 * Typed cells become text the locale reads without doubt (see `xlsx.ts`). Node-only.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import { columnLetter } from "./cells.js";
import { readBackFormula } from "./spreadsheet-text.js";
import type { GridRow } from "./wide.js";
import { cellText, XlsxProblem, type CellContext, type RawCell, type SheetGrid, type SheetProblem } from "./xlsx-cells.js";
import { partText, readStyles, readWorkbook, sharedStrings, workbookLanguage } from "./xlsx-parts.js";
import { beyondColumns, cellProblem, noWorksheet, notReadable, WordedError, XLSX_REASON } from "./xlsx-messages.js";
import { scanXml } from "./xml-scan.js";
import { zipEntries, type ZipEntry } from "./zip-read.js";

/** Most bytes a workbook's parts may take together, unpacked. */
export const XLSX_UNPACKED_LIMIT = 100_000_000;
/** Most files inside a workbook's ZIP. */
export const XLSX_ENTRY_LIMIT = 10_000;
/** Spreadsheet programs stop at column XFD. */
const LAST_COLUMN = 16_384;

/** Options of {@link readXlsx}. */
export interface ReadXlsxOptions {
  /** The last column read (1-based); a value beyond it is a problem of its sheet. Default: every column. */
  readonly maxColumns?: number;
  /** Read the cells in the language the workbook declares (`dc:language`, set by `rubric template`) when it declares one. */
  readonly followLanguage?: boolean;
  /** The language of messages, when not the cells' locale. */
  readonly messages?: Locale;
}

/** A1 reference → [row, column], or undefined. */
function cellRef(ref: string): [number, number] | undefined {
  const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref);
  if (m === null) return undefined;
  let column = 0;
  for (const ch of m[1]!) column = column * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), column];
}

/** One sheet's cells, scanned: rows of text, and the cells that could not be read. */
function sheetGrid(xml: string, name: string, file: string, ctx: CellContext, locale: Locale, maxColumns: number, messages: Locale): SheetGrid {
  const rows: GridRow[] = [];
  const problems: SheetProblem[] = [];
  let beyond: { place: string; row: number } | undefined;
  let row: { n: number; cells: string[] } | undefined;
  let rowNumber = 0;
  let column = 0;
  let cell: { -readonly [K in keyof RawCell]: RawCell[K] } | undefined;
  let into: "v" | "t" | "f" | undefined;
  let phonetic = 0;
  const finishRow = (): void => {
    if (row !== undefined && row.cells.length > 0) rows.push({ cells: row.cells, row: row.n });
    row = undefined;
  };
  const finishCell = (): void => {
    if (cell === undefined || row === undefined) return;
    const text = cellText(cell, ctx, locale);
    const place = `${file} [${name}] ${columnLetter(column)}${row.n}`;
    if (typeof text !== "string") problems.push({ message: cellProblem(place, text.error, messages), row: row.n });
    else if (text !== "") {
      if (column > maxColumns) beyond ??= { place, row: row.n };
      else {
        while (row.cells.length < column - 1) row.cells.push("");
        row.cells[column - 1] = readBackFormula(text);
      }
    }
    cell = undefined;
  };
  scanXml(xml, {
    open(tag, attrs) {
      if (tag === "row") {
        finishRow();
        rowNumber = attrs["r"] !== undefined ? Number(attrs["r"]) : rowNumber + 1;
        if (!Number.isSafeInteger(rowNumber) || rowNumber < 1) throw new XlsxProblem(XLSX_REASON.badRow(attrs["r"] ?? ""));
        row = { n: rowNumber, cells: [] };
        column = 0;
      } else if (tag === "c" && row !== undefined) {
        const ref = attrs["r"] === undefined ? undefined : cellRef(attrs["r"]);
        column = ref?.[1] ?? column + 1;
        if (column > LAST_COLUMN) throw new XlsxProblem(XLSX_REASON.beyondXfd(attrs["r"] ?? ""));
        cell = { t: attrs["t"] ?? "n", s: Number(attrs["s"] ?? 0), v: undefined, formula: false, inline: "" };
      } else if (cell !== undefined) {
        if (tag === "v") { into = "v"; cell.v ??= ""; }
        else if (tag === "f") { into = "f"; cell.formula = true; }
        else if (tag === "rPh") phonetic++;
        else if (tag === "t" && phonetic === 0) into = "t";
      }
    },
    close(tag) {
      if (tag === "c") finishCell();
      else if (tag === "row") finishRow();
      else if (tag === "rPh") phonetic--;
      else if (tag === "v" || tag === "t" || tag === "f") into = undefined;
    },
    text(text) {
      if (cell === undefined || into === undefined) return;
      if (into === "v") cell.v += text;
      else if (into === "t") cell.inline += text;
    },
  });
  finishRow();
  if (beyond !== undefined) problems.push({ message: beyondColumns(beyond.place, columnLetter(maxColumns), messages), row: beyond.row });
  return { name, rows, problems };
}

/**
 * Reads every worksheet of an XLSX file as a grid of strings. A file that is not an
 * XLSX workbook (truncated, another format renamed, encrypted), one whose parts would
 * unpack to more than {@link XLSX_UNPACKED_LIMIT} bytes, or one holding a document
 * type declaration is refused with a message naming it.
 * @param bytes - the file's content
 * @param file - its name, for messages
 * @param given - how numbers are written out (`vi`: decimal comma), unless the workbook's language is followed
 * @param options - the last column read; whether to follow the workbook's language
 * @returns the sheets and the locale their cells are written in
 */
export async function readXlsx(bytes: Uint8Array, file: string, given: Locale, options: ReadXlsxOptions = {}): Promise<{ readonly ok: true; readonly sheets: readonly SheetGrid[]; readonly locale: Locale } | { readonly ok: false; readonly message: string }> {
  try {
    const entries: Map<string, ZipEntry> = zipEntries(bytes, { entries: XLSX_ENTRY_LIMIT, totalSize: XLSX_UNPACKED_LIMIT });
    const locale = (options.followLanguage === true ? workbookLanguage(bytes, entries) : undefined) ?? given;
    const book = readWorkbook(bytes, entries);
    const ctx: CellContext = { strings: sharedStrings(bytes, entries, book.sharedStrings), formatOf: readStyles(bytes, entries, book.styles), date1904: book.date1904 };
    if (book.sheets.length === 0) {
      return { ok: false, message: noWorksheet(file, options.messages ?? given) };
    }
    const sheets: SheetGrid[] = [];
    for (const sheet of book.sheets) {
      const xml = partText(bytes, entries, sheet.path);
      if (xml === undefined) throw new XlsxProblem(XLSX_REASON.sheetMissing(sheet.name));
      sheets.push(sheetGrid(xml, sheet.name, file, ctx, locale, Math.min(LAST_COLUMN, options.maxColumns ?? LAST_COLUMN), options.messages ?? given));
    }
    return { ok: true, sheets, locale };
  } catch (error) {
    if (error instanceof WordedError) return { ok: false, message: notReadable(file, error.words, options.messages ?? given) };
    throw error;
  }
}

export type { SheetGrid, SheetProblem };
