/**
 * Loading filled self-assessment forms for the scoring commands: an `.xlsx` workbook
 * (each sheet that holds a form is one unit) or a `.csv` form (one unit per file).
 `data.ts` routes `.xlsx` files and CSV forms here; a wide sheet (one row per unit)
 * is read with the same mapping as a wide CSV table.
 * @module
 */
import { closeSync, openSync, readSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { CompiledRubric } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import { readWhole } from "../io/read-file.js";
import { readBackFormula } from "../io/spreadsheet-text.js";
import { leavesOf } from "../io/readers.js";
import { TEMPLATE_COLUMNS } from "../io/template.js";
import { headingLanguage, isTemplateHeader, readTemplate } from "../io/template-read.js";
import { refusal, rowName, wideColumns, wideRow, type GridRow, type GridSource } from "../io/wide.js";
import { readXlsx, type SheetGrid } from "../io/xlsx.js";
import { unitOfDraft } from "../io/cells.js";
import { CSV_MESSAGES, csvStructureProblem } from "../io/csv-messages.js";
import { DATA_MESSAGES } from "../io/data-messages.js";
import type { DataItem } from "./data.js";
import { readText } from "./io.js";

/** The start of a file (BOM dropped), or undefined when it cannot be read. */
function fileStart(file: string): string | undefined {
  try {
    const fd = openSync(file, "r");
    try {
      const buffer = Buffer.alloc(4096);
      return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString("utf8").replace(/^\uFEFF/, "");
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

function startsAsForm(head: string): boolean {
  const line = head.split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
  // The headings of a form hold no comma or quote, so the first field ends at the first separator.
  return isTemplateHeader([line.split(/[,;\t]/)[0]!.replace(/"/g, "")]);
}

/**
 * Whether a CSV file is a self-assessment form: the first cell of its first non-empty
 * line is the key column's heading (`Mã` or `Key`). Only the file's start is read, so
 * a streaming reader of wide and long tables can route the file before parsing it.
 * @param file - the path
 */
export function isFormCsv(file: string): boolean {
  const head = fileStart(file);
  return head !== undefined && startsAsForm(head);
}

/** A form read from a grid: the unit's submission, or the unit refused with every problem of its sheet. */
function fromGrid(rows: readonly GridRow[], source: GridSource, rubric: CompiledRubric, locale: Locale, cellProblems: readonly string[] = []): DataItem {
  const read = readTemplate(rows, source, rubric, locale);
  const origin = source.sheet === undefined ? source.file : `${source.file} [${source.sheet}]`;
  if (read.ok && cellProblems.length === 0) return { ok: true, value: read.draft.value, origin, places: read.draft.places };
  const problems = [...cellProblems, ...(read.ok ? [] : read.errors)];
  const partial = read.ok ? read.draft : read.partial;
  const unit = partial === undefined ? undefined : unitOfDraft(partial.value);
  return { ok: false, message: problems.join("\n"), origin, ...(unit === undefined ? {} : { unit }), ...(partial === undefined ? {} : { partial }) };
}

/**
 * The separator of a CSV form: the character after the key column's heading. A
 * spreadsheet in a locale with the decimal comma (Vietnamese Excel) saves CSV with `;`.
 */
function formDelimiter(text: string): string {
  const line = text.replace(/^\uFEFF/, "").split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
  return /^\s*"?[^",;\t]*"?\s*([,;\t])/.exec(line)?.[1] ?? ",";
}

/** A CSV file's rows, with the line each starts on (a BOM and CRLF line ends are fine), or why it is not CSV. */
function csvRows(text: string, file: string, lang: Locale): GridRow[] | string {
  try {
    const options = { bom: true, delimiter: formDelimiter(text), relax_column_count: true, info: true, skip_empty_lines: false };
    const records = parse(text, options) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ cells: record.map(readBackFormula), row: info.lines }));
  } catch (error) {
    const e = error as { code?: string; lines?: number; message: string };
    if (lang !== "vi") return CSV_MESSAGES.formNotCsv("en", file, e.message);
    // The parser's own words are English: in Vietnamese, the line and what is wrong on it.
    const known = csvStructureProblem(e.code, Number.MAX_SAFE_INTEGER, "vi");
    return known !== undefined && e.lines !== undefined ? `${file}:${e.lines}: ${known}` : CSV_MESSAGES.formNotCsv("vi", file, "lỗi cú pháp CSV");
  }
}

/**
 * The most columns a sheet of this rubric can use: a form's columns, or a wide
 * table's (the unit's fields and facts, then per criterion its inputs in the self and
 * appraisal layers, its points, reason and "does not arise" column). A workbook's
 * values beyond are refused rather than read (a cell in column XFD must not cost
 * 16,384 cells a row).
 */
function usableColumns(rubric: CompiledRubric): number {
  let wide = 3 + rubric.unitFacts.length;
  for (const { node } of leavesOf(rubric)) wide += 2 * node.leaf!.inputs.length + 4;
  for (const e of rubric.extras) wide += 2 * e.leaf.inputs.length + 2;
  const inner = (nodes: CompiledRubric["nodes"]): number => nodes.reduce((n, c) => n + (c.children === undefined ? 0 : 1 + inner(c.children)), 0);
  return Math.max(TEMPLATE_COLUMNS.length, wide + inner(rubric.nodes));
}

/**
 * Reads filled forms: a `.csv` form (one unit) or an `.xlsx` workbook (each sheet that
 * holds a form is one unit, each row of a wide sheet one unit; empty sheets are
 * skipped). A bad cell refuses only its unit — the sheet of a form, the row of a wide
 * sheet — with every problem of it named by file, sheet and cell; the other units are
 * read. A problem of the whole file comes as one item without an origin.
 * @param file - the `.csv` or `.xlsx` file
 * @param rubric - the rubric the forms belong to
 * @param lang - message language
 * @param given - how numbers, dates and yes/no are written in the cells
 * @param followForm - read a form in the language it was made in (its heading row; an
 *   XLSX workbook's declared language) rather than `given`: when `--lang` was not given
 */
export async function* readForms(file: string, rubric: CompiledRubric, lang: Locale, given: Locale = lang, followForm = false): AsyncGenerator<DataItem> {
  let locale = given;
  if (/\.csv$/i.test(file)) {
    const read = readText(file, lang, "sheet");
    if (!read.ok) return yield { ok: false, message: read.message };
    const rows = csvRows(read.text, file, lang);
    if (typeof rows === "string") return yield { ok: false, message: rows };
    const first = rows.find((r) => r.cells.some((c) => c.trim() !== ""));
    if (first === undefined) return yield { ok: false, message: CSV_MESSAGES.formEmpty(lang, file) };
    if (!isTemplateHeader(first.cells)) return yield { ok: false, message: CSV_MESSAGES.notAForm(lang, `${file}:${first.row}`, first.cells[0] ?? "") };
    if (followForm) locale = headingLanguage(first.cells) ?? locale;
    return yield fromGrid(rows, { file }, rubric, locale);
  }
  const whole = readWhole(file, "sheet", lang);
  if (!whole.ok) return yield { ok: false, message: whole.message };
  if (whole.bytes.length === 0) return yield { ok: false, message: CSV_MESSAGES.emptyXlsx(lang, file) };
  const book = await readXlsx(whole.bytes, file, locale, { maxColumns: usableColumns(rubric), followLanguage: followForm, messages: lang });
  if (!book.ok) return yield { ok: false, message: book.message };
  locale = book.locale;
  let units = 0;
  for (const sheet of book.sheets) {
    if (sheet.rows.every((r) => r.cells.every((c) => c.trim() === ""))) {
      // A sheet whose only cells are unreadable is not empty: its problems still refuse it.
      if (sheet.problems.length === 0) continue;
    }
    units++;
    if (sheet.rows.some((r) => isTemplateHeader(r.cells))) {
      yield fromGrid(sheet.rows, { file, sheet: sheet.name }, rubric, locale, sheet.problems.map((p) => p.message));
      continue;
    }
    const header = sheet.rows.find((r) => r.cells.some((c) => c.trim() !== ""));
    if (header === undefined || !header.cells.some((c) => c.trim() === "unit.id")) {
      const where = `${file} [${sheet.name}]`;
      // Not a unit's sheet (notes, say): told, and the run fails, but nobody is listed for it.
      yield { ok: false, message: [...sheet.problems.map((p) => p.message), DATA_MESSAGES.notAForm(lang, where)].join("\n") };
      continue;
    }
    yield* wideSheet(sheet, header, file, rubric, locale);
  }
  if (units === 0) yield { ok: false, message: DATA_MESSAGES.emptyWorkbook(lang, file) };
}

/** The units of a wide sheet, one per row: a bad cell refuses its row only, its problems joined to the row's. */
function* wideSheet(sheet: SheetGrid, header: GridRow, file: string, rubric: CompiledRubric, locale: Locale): Generator<DataItem> {
  const source = { file, sheet: sheet.name };
  const byRow = new Map<number, string[]>();
  for (const p of sheet.problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p.message]);
  const headerProblems = [...byRow].filter(([row]) => row <= header.row).flatMap(([, messages]) => messages);
  const resolved = wideColumns(header.cells, header.row, source, rubric, locale);
  if (!resolved.ok || headerProblems.length > 0) return yield { ok: false, message: [...headerProblems, ...(resolved.ok ? [] : resolved.messages)].join("\n") };
  const rows = sheet.rows.filter((r) => r.row > header.row);
  // A row whose only cells are unreadable is still a unit's row: kept, so its problems are told.
  for (const row of byRow.keys()) if (row > header.row && !rows.some((r) => r.row === row)) rows.push({ cells: [], row });
  rows.sort((a, b) => a.row - b.row);
  for (const row of rows) {
    const cellProblems = byRow.get(row.row) ?? [];
    const item = wideRow(resolved.columns, header.cells, row, source, locale);
    const origin = rowName(source, row.row, locale);
    if (item === undefined) {
      if (cellProblems.length > 0) yield { ok: false, message: cellProblems.join("\n"), origin };
    } else if (cellProblems.length === 0) yield item;
    else if (item.ok) yield refusal(cellProblems, origin, { value: item.value, places: item.places });
    else yield { ...item, message: [...cellProblems, item.message].join("\n"), origin };
  }
}
