/**
 * Long tables: one row per value, with the columns `unit`, `node`, `input`, `layer`,
 * `value` (any order). A unit's rows are consecutive; its name, group and facts are
 * rows with node `unit` (input `name`, `group` or the fact's name); a not-arising
 * declaration is a row with layer `notApplicable`, the node, no input and the reason
 * as value. An empty layer means `self` (`survey` for a leaf scored from the survey).
 *
 * Pure: rows of strings from any source become submissions, one per unit.
 * @module
 */
import type { CompiledRubric } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import { newDraft, placeName, putValue, type SubmissionDraft } from "./cells.js";
import { readTarget, resolveTarget, rubricTargets, targetPath, type Target } from "./targets.js";
import { refusal, rowName, type GridRow, type GridSource, type TableItem } from "./wide.js";
import { TARGET_MESSAGES as TM } from "./target-messages.js";

/**
 * The columns of a long table.
 * @category Data
 */
export const LONG_COLUMNS = ["unit", "node", "input", "layer", "value"] as const;

type LongColumn = (typeof LONG_COLUMNS)[number];

/**
 * The position of each long-table column, when the header is exactly those five
 * names (any order, any case); otherwise undefined.
 * @param header - the header row's cells
 */
export function longColumns(header: readonly string[]): Readonly<Record<LongColumn, number>> | undefined {
  const names = header.map((h) => h.trim().toLowerCase());
  if (names.length !== LONG_COLUMNS.length || !LONG_COLUMNS.every((c) => names.includes(c))) return undefined;
  return Object.fromEntries(LONG_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<LongColumn, number>;
}

interface Group {
  readonly unit: string;
  readonly first: number;
  last: number;
  readonly draft: SubmissionDraft;
  readonly messages: string[];
}

function finish(group: Group, source: GridSource): TableItem {
  const rows = group.first === group.last ? rowName(source, group.first) : `${rowName(source, group.first)}–${group.last}`;
  if (group.messages.length > 0) return refusal(group.messages, rows, group.draft);
  return { ok: true, value: group.draft.value, origin: rows, places: group.draft.places };
}

/**
 * Maps the rows of a long table to submissions, one per run of rows with the same
 * unit. A unit whose rows are not together comes out twice, and is then refused as a
 * duplicate by the caller. Blank rows are skipped.
 * @param header - the header row's cells (`unit`, `node`, `input`, `layer`, `value`, in any order; see {@link LONG_COLUMNS})
 * @param rows - the data rows after the header
 * @param source - the table's file (and sheet)
 * @param rubric - the compiled rubric
 * @param locale - how numbers and dates are written
 * @param headerRow - the header's row number (default 1)
 * @example
 * ```ts
 * import { compile, longRowsToSubmissions } from "rubric-lang";
 * const source = 'rubric "Demo" { area "1" "Chỉ đạo" max 10 { input done: count, planned: count; score = 10 * done / planned } }';
 * const compiled = compile(source);
 * if (compiled.ok) {
 *   const header = ["unit", "node", "input", "layer", "value"];
 *   const rows = [
 *     { cells: ["a", "1", "done", "self", "8"], row: 2 },
 *     { cells: ["a", "1", "planned", "self", "10"], row: 3 },
 *   ];
 *   for await (const item of longRowsToSubmissions(header, rows, { file: "long.csv" }, compiled.rubric, "en")) {
 *     console.log(item.ok ? item.value : item.message); // { unit: { id: "a" }, self: { "1": { done: "8", planned: "10" } } }
 *   }
 * }
 * ```
 * @category Data
 */
export async function* longRowsToSubmissions(header: readonly string[], rows: AsyncIterable<GridRow> | Iterable<GridRow>, source: GridSource, rubric: CompiledRubric, locale: Locale, headerRow = 1): AsyncGenerator<TableItem> {
  const at = longColumns(header);
  if (at === undefined) {
    yield { ok: false, message: TM.longHeader(locale, rowName(source, headerRow, locale), LONG_COLUMNS.join(","), header.join(",")) };
    return;
  }
  const targets = rubricTargets(rubric);
  const resolved = new Map<string, ReturnType<typeof resolveTarget>>();
  const place = (row: number, column: LongColumn): string => placeName({ ...source, row, column: at[column] + 1, header: column });
  let group: Group | undefined;
  for await (const { cells, row } of rows) {
    if (cells.every((c) => c.trim() === "")) continue;
    const cell = (column: LongColumn): string => (cells[at[column]] ?? "").trim();
    if (cells.length > LONG_COLUMNS.length && cells.slice(LONG_COLUMNS.length).some((c) => c.trim() !== "")) {
      yield { ok: false, message: TM.longRowCells(locale, rowName(source, row, locale), cells.length, LONG_COLUMNS.length, LONG_COLUMNS.join(",")) };
      continue;
    }
    const unit = cell("unit");
    if (unit === "") {
      yield { ok: false, message: `${place(row, "unit")}: the unit is empty; write the unit's id on every row` };
      continue;
    }
    if (group === undefined || group.unit !== unit) {
      if (group !== undefined) yield finish(group, source);
      group = { unit, first: row, last: row, draft: newDraft(), messages: [] };
      putValue(group.draft, ["unit", "id"], unit, place(row, "unit"));
    }
    group.last = row;
    const key = `${cell("layer")}\u0000${cell("node")}\u0000${cell("input")}`;
    let target = resolved.get(key);
    if (target === undefined) {
      target = resolveTarget(targets, cell("layer"), cell("node"), cell("input"), locale);
      resolved.set(key, target);
    }
    if (!target.ok) {
      group.messages.push(`${place(row, "node")}: ${target.message}`);
      continue;
    }
    const t: Target = target.target;
    if (t.kind === "unit" && t.field === "id") {
      group.messages.push(`${place(row, "input")}: the unit's id is the unit column; remove this row`);
      continue;
    }
    const read = readTarget(t, cells[at.value] ?? "", locale);
    if (!read.ok) group.messages.push(`${place(row, "value")}: ${read.message}`);
    else if (read.value !== undefined) {
      const twice = putValue(group.draft, targetPath(t), read.value, place(row, "value"));
      if (twice !== undefined) group.messages.push(`${place(row, "value")}: ${twice}`);
    }
  }
  if (group !== undefined) yield finish(group, source);
}
