/**
 * Wide tables: one row per unit, one column per value. The header names each column:
 * `unit.id` (required), `unit.name`, `unit.group`, `unit.<fact>`, `<node>.<input>`,
 * `<node>.points`, and with a layer prefix `appraisal:<node>.<input>`,
 * `appraisal:<node>.reason`, `survey:<node>.<input>`, `notApplicable:<node>`. Node ids
 * contain dots, so the input is the part after the last dot.
 *
 * Pure: rows of strings from any source (a CSV file, an XLSX sheet) become
 * submissions that remember the cell behind each value.
 * @module
 */
import type { CompiledRubric } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import { columnLetter, newDraft, pathKey, placeName, putValue, unitOfDraft, type SubmissionDraft, type UnitRef } from "./cells.js";
import { readTarget, resolveTarget, rubricTargets, targetPath, type Target } from "./targets.js";
import { TARGET_MESSAGES as TM } from "./target-messages.js";

/**
 * One row of a table: its cells as text and its 1-based row (line) number.
 * @category Data
 */
export interface GridRow {
  /** The cells' text. */
  readonly cells: readonly string[];
  /** 1-based row number, as a spreadsheet or an editor shows it. */
  readonly row: number;
}

/**
 * Where a table comes from, for messages.
 * @category Data
 */
export interface GridSource {
  /** The file. */
  readonly file: string;
  /** The worksheet, for XLSX. */
  readonly sheet?: string;
}

/**
 * One unit's submission read from a table, or a problem in the table. A problem
 * message names the file, row and column and says what to write instead.
 * @category Data
 */
export type TableItem =
  | {
      /** The unit's data was read. */
      readonly ok: true;
      /** The submission in its JSON shape. */
      readonly value: Record<string, unknown>;
      /** Where the unit's data is (`file:row`, `file:rows 2–9`). */
      readonly origin: string;
      /** The cell behind each value, by the value's path in the submission. */
      readonly places: SubmissionDraft["places"];
    }
  | RefusedRead;

/**
 * A unit (or a file) refused while it was read, with every problem worded.
 * @category Data
 */
export interface RefusedRead {
  /** Always false: nothing of it is scored. */
  readonly ok: false;
  /** Every problem, one a line, each naming its cell ("" when already printed). */
  readonly message: string;
  /** Where the refused unit's data is, when the problem is one unit's (not the file's or the header's). */
  readonly origin?: string;
  /** The refused unit, when its id could be read. */
  readonly unit?: UnitRef;
  /** What could be read of the refused unit, so the values' own problems (out of range) are told too. */
  readonly partial?: SubmissionDraft;
}

/**
 * Where a row is, for messages that concern the whole row.
 * @param source - the table's file and sheet
 * @param row - the row number
 * @param locale - the language of the message it goes into
 */
export function rowName(source: GridSource, row: number, locale: Locale = "en"): string {
  return source.sheet === undefined ? `${source.file}:${row}` : TM.sheetRow(locale, source.file, source.sheet, row);
}

/** A column header split into layer, node and input (without checking them). */
export function splitHeader(header: string): { layer: string; node: string; input: string } {
  const text = header.trim();
  const colon = /^([A-Za-z]+):(.*)$/.exec(text);
  const layer = colon === null ? "" : colon[1]!;
  const rest = colon === null ? text : colon[2]!.trim();
  if (layer === "notApplicable") return { layer, node: rest, input: "" };
  const dot = rest.lastIndexOf(".");
  return dot < 0 ? { layer, node: rest, input: "" } : { layer, node: rest.slice(0, dot), input: rest.slice(dot + 1) };
}

/**
 * Resolves a wide header: each column's target, or every problem with its cell.
 * @param header - the header row's cells
 * @param headerRow - the header's row number
 * @param source - the table's file and sheet
 * @param rubric - the compiled rubric
 * @param locale - the language of the messages
 */
export function wideColumns(header: readonly string[], headerRow: number, source: GridSource, rubric: CompiledRubric, locale: Locale = "en"): { ok: true; columns: (Target | undefined)[] } | { ok: false; messages: string[] } {
  const targets = rubricTargets(rubric);
  const messages: string[] = [];
  const columns: (Target | undefined)[] = [];
  const seen = new Map<string, string>();
  header.forEach((raw, i) => {
    const place = placeName({ ...source, row: headerRow, column: i + 1 });
    const text = raw.trim();
    if (text === "") {
      columns.push(undefined); // an unnamed column must stay empty; checked row by row
      return;
    }
    const { layer, node, input } = splitHeader(text);
    if (input === "" && layer !== "notApplicable") {
      messages.push(TM.columnNamesNoInput(locale, place, text));
      columns.push(undefined);
      return;
    }
    const resolved = resolveTarget(targets, layer, node, input, locale);
    if (!resolved.ok) {
      messages.push(TM.column(locale, place, text, resolved.message));
      columns.push(undefined);
      return;
    }
    const key = targetPath(resolved.target).join("\u0000");
    const earlier = seen.get(key);
    if (earlier !== undefined) messages.push(TM.columnRepeated(locale, place, text, earlier));
    seen.set(key, `${columnLetter(i + 1)} ("${text}")`);
    columns.push(resolved.target);
  });
  if (!columns.some((c) => c?.kind === "unit" && c.field === "id")) messages.push(TM.noUnitIdColumn(locale, rowName(source, headerRow, locale)));
  return messages.length > 0 ? { ok: false, messages } : { ok: true, columns };
}

/**
 * Reads one data row of a wide table as a submission.
 * @param columns - the header's targets ({@link wideColumns})
 * @param header - the header row's cells (to name columns in messages)
 * @param row - the row
 * @param source - the table's file and sheet
 * @param locale - how numbers and dates are written
 */
export function wideRow(columns: readonly (Target | undefined)[], header: readonly string[], row: GridRow, source: GridSource, locale: Locale): TableItem | undefined {
  if (row.cells.every((c) => c.trim() === "")) return undefined; // blank lines are not units
  const plan = planOf(columns, header, source);
  const draft = newDraft();
  const messages: string[] = [];
  for (let i = 0; i < row.cells.length; i++) {
    const raw = row.cells[i]!;
    const column = plan[i];
    const place = column === undefined ? placeName({ ...source, row: row.row, column: i + 1 }) : column.before + row.row + column.after;
    const target = column?.target;
    if (target === undefined) {
      if (raw.trim() !== "") messages.push(`${place}: "${raw.trim()}" stands in a column without a header${i >= columns.length ? " (the row has more cells than the header)" : ""}; name the column or remove the value`);
      continue;
    }
    const read = readTarget(target, raw, locale);
    if (!read.ok) messages.push(`${place}: ${read.message}`);
    else if (read.value !== undefined) {
      const twice = putValue(draft, column!.path, read.value, place, column!.key);
      if (twice !== undefined) messages.push(`${place}: ${twice}`);
    }
  }
  const unit = draft.value["unit"] as { id?: unknown } | undefined;
  if (unit?.id === undefined && messages.length === 0) {
    const at = columns.findIndex((c) => c?.kind === "unit" && c.field === "id");
    messages.push(TM.emptyUnitId(locale, placeName({ ...source, row: row.row, column: at + 1, header: "unit.id" })));
  }
  const origin = rowName(source, row.row, locale);
  if (messages.length > 0) return refusal(messages, origin, draft);
  return { ok: true, value: draft.value, origin, places: draft.places };
}

/**
 * One unit refused: every problem of its row (or rows), where it is, and the unit when its id was read.
 * @param messages - the problems, each naming its cell
 * @param origin - where the unit's data is
 * @param draft - what was read of it
 */
export function refusal(messages: readonly string[], origin: string, draft: SubmissionDraft): TableItem {
  const unit = unitOfDraft(draft.value);
  return { ok: false, message: messages.join("\n"), origin, partial: draft, ...(unit === undefined ? {} : { unit }) };
}

/** What every row of a column shares: its target, the value's path and key, its place name around the row number. */
interface ColumnPlan {
  readonly target: Target | undefined;
  readonly path: readonly string[];
  readonly key: string;
  readonly before: string;
  readonly after: string;
}

const plans = new WeakMap<readonly (Target | undefined)[], { header: readonly string[]; source: GridSource; plan: ColumnPlan[] }>();

/** The columns' plans, made once per table (the place names as `placeName` writes them). */
function planOf(columns: readonly (Target | undefined)[], header: readonly string[], source: GridSource): ColumnPlan[] {
  const cached = plans.get(columns);
  if (cached !== undefined && cached.header === header && cached.source === source) return cached.plan;
  const plan = columns.map((target, i): ColumnPlan => {
    const name = header[i] ? ` (${header[i]!.trim()})` : "";
    const letter = columnLetter(i + 1);
    const path = target === undefined ? [] : targetPath(target);
    return {
      target, path, key: pathKey(path),
      before: source.sheet === undefined ? `${source.file}:` : `${source.file} [${source.sheet}] ${letter}`,
      after: source.sheet === undefined ? `:${letter}${name}` : name,
    };
  });
  plans.set(columns, { header, source, plan });
  return plan;
}

/**
 * Maps the rows of a wide table to submissions, one per row, in order. A header
 * problem yields its messages and stops; a row problem yields the row's messages and
 * goes on with the next row. Blank rows are skipped. For XLSX wide sheets too.
 * @param header - the header row's cells
 * @param rows - the data rows after the header
 * @param source - the table's file (and sheet)
 * @param rubric - the compiled rubric
 * @param locale - how numbers and dates are written (`vi`: decimal comma or dot)
 * @param headerRow - the header's row number (default 1)
 * @example
 * ```ts
 * import { compile, evaluate, wideRowsToSubmissions } from "rubric-lang";
 * const source = 'rubric "Demo" { area "1" "Chỉ đạo" max 10 { input done: count, planned: count; score = 10 * done / planned } }';
 * const compiled = compile(source);
 * if (compiled.ok) {
 *   const header = ["unit.id", "unit.name", "1.done", "1.planned"];
 *   const rows = [{ cells: ["a", "Sở A", "8", "10"], row: 2 }, { cells: ["b", "Sở B", "9", "x"], row: 3 }];
 *   for await (const item of wideRowsToSubmissions(header, rows, { file: "data.csv" }, compiled.rubric, "en")) {
 *     if (item.ok) console.log(evaluate(compiled.rubric, item.value).ok); // true (Sở A)
 *     else console.error(item.message); // Sở B refused, naming the cell: data.csv:3:D …
 *   }
 * }
 * ```
 * @category Data
 */
export async function* wideRowsToSubmissions(header: readonly string[], rows: AsyncIterable<GridRow> | Iterable<GridRow>, source: GridSource, rubric: CompiledRubric, locale: Locale, headerRow = 1): AsyncGenerator<TableItem> {
  const resolved = wideColumns(header, headerRow, source, rubric, locale);
  if (!resolved.ok) {
    yield { ok: false, message: resolved.messages.join("\n") };
    return;
  }
  for await (const row of rows) {
    const item = wideRow(resolved.columns, header, row, source, locale);
    if (item !== undefined) yield item;
  }
}
