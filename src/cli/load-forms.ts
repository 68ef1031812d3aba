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
import { isTemplateHeader, readTemplate } from "../io/template-read.js";
import { wideRowsToSubmissions, type GridRow, type GridSource } from "../io/wide.js";
import { readXlsx } from "../io/xlsx.js";
import { readText, type Output } from "./io.js";
import type { LoadedSubmission } from "./load.js";

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

function fromGrid(rows: readonly GridRow[], source: GridSource, rubric: CompiledRubric, locale: Locale, io: Output): LoadedSubmission | undefined {
  const read = readTemplate(rows, source, rubric, locale);
  if (!read.ok) {
    for (const e of read.errors) io.err(e);
    return undefined;
  }
  const origin = source.sheet === undefined ? source.file : `${source.file} [${source.sheet}]`;
  return { value: read.draft.value, origin, places: read.draft.places };
}

/**
 * The separator of a CSV form: the character after the key column's heading. A
 * spreadsheet in a locale with the decimal comma (Vietnamese Excel) saves CSV with `;`.
 */
function formDelimiter(text: string): string {
  const line = text.replace(/^\uFEFF/, "").split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
  return /^\s*"?[^",;\t]*"?\s*([,;\t])/.exec(line)?.[1] ?? ",";
}

/** A CSV file's rows, with the line each starts on; a BOM and CRLF line ends are fine. */
function csvRows(text: string, file: string, io: Output): GridRow[] | undefined {
  try {
    const options = { bom: true, delimiter: formDelimiter(text), relax_column_count: true, info: true, skip_empty_lines: false };
    const records = parse(text, options) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ cells: record.map(readBackFormula), row: info.lines }));
  } catch (error) {
    io.err(`${file}: not valid CSV (${(error as Error).message}); check the quotes on that line`);
    return undefined;
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
 * holds a form is one unit; empty sheets are skipped). Every problem is printed,
 * naming file, sheet and cell; undefined when the file cannot be used.
 * @param file - the `.csv` or `.xlsx` file
 * @param rubric - the rubric the forms belong to
 * @param locale - how numbers, dates and yes/no are written in the cells
 * @param io - output sinks
 */
export async function loadForms(file: string, rubric: CompiledRubric, locale: Locale, io: Output): Promise<LoadedSubmission[] | undefined> {
  if (/\.csv$/i.test(file)) {
    const read = readText(file, locale, "sheet");
    if (!read.ok) {
      io.err(read.message);
      return undefined;
    }
    const rows = csvRows(read.text, file, io);
    if (rows === undefined) return undefined;
    const first = rows.find((r) => r.cells.some((c) => c.trim() !== ""));
    if (first === undefined) {
      io.err(`${file}: the file is empty; fill the form made by 'rubric template'`);
      return undefined;
    }
    if (!isTemplateHeader(first.cells)) {
      io.err(`${file}:${first.row}: not a self-assessment form (its first column is headed "${first.cells[0] ?? ""}", not "Mã" or "Key"); a wide or long table is read when its header has "unit.id" or is "unit,node,input,layer,value"`);
      return undefined;
    }
    const one = fromGrid(rows, { file }, rubric, locale, io);
    return one === undefined ? undefined : [one];
  }
  const whole = readWhole(file, "sheet", locale);
  if (!whole.ok) {
    io.err(whole.message);
    return undefined;
  }
  const bytes = whole.bytes;
  if (bytes.length === 0) {
    io.err(`${file}: the file is empty; an XLSX workbook was expected`);
    return undefined;
  }
  const book = await readXlsx(bytes, file, locale, { maxColumns: usableColumns(rubric) });
  if (!book.ok) {
    io.err(book.message);
    return undefined;
  }
  const found: LoadedSubmission[] = [];
  let failed = false;
  for (const sheet of book.sheets) {
    if (sheet.rows.every((r) => r.cells.every((c) => c.trim() === ""))) continue;
    for (const p of sheet.problems) io.err(p);
    if (sheet.problems.length > 0) failed = true;
    if (!sheet.rows.some((r) => isTemplateHeader(r.cells))) {
      const header = sheet.rows.find((r) => r.cells.some((c) => c.trim() !== ""))!;
      if (!header.cells.some((c) => c.trim() === "unit.id")) {
        io.err(`${file} [${sheet.name}]: neither a self-assessment form (no row whose first cell is "Mã" or "Key") nor a wide sheet (no "unit.id" column); make the form with 'rubric template'`);
        failed = true;
        continue;
      }
      const rows = sheet.rows.filter((r) => r.row > header.row);
      for await (const item of wideRowsToSubmissions(header.cells, rows, { file, sheet: sheet.name }, rubric, locale, header.row)) {
        if (item.ok) found.push({ value: item.value, origin: item.origin, places: item.places });
        else {
          io.err(item.message);
          failed = true;
        }
      }
      continue;
    }
    const one = fromGrid(sheet.rows, { file, sheet: sheet.name }, rubric, locale, io);
    if (one === undefined) failed = true;
    else found.push(one);
  }
  if (!failed && found.length === 0) {
    io.err(`${file}: every sheet is empty; fill the form made by 'rubric template'`);
    return undefined;
  }
  return failed ? undefined : found;
}
