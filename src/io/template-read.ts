/**
 * Reading a filled self-assessment form (see `template.ts`) back into a submission.
 * The form arrives as a grid of strings — from a CSV file or an XLSX sheet — and is
 * read by the key in its first column, through `cells.ts`: every value read as its
 * declared type, every problem named with its cell, a value given twice refused.
 * Pure and browser-safe.
 * @module
 */
import type { CompiledRubric, CompiledType } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import { newDraft, placeName, putValue, readCell, unitOfDraft, type SubmissionDraft, type UnitRef } from "./cells.js";
import { leavesOf } from "./readers.js";
import type { GridRow, GridSource } from "./wide.js";

export type { GridRow, GridSource } from "./wide.js";
import { TEMPLATE_COLUMNS, TEMPLATE_HEADINGS, type TemplateColumn } from "./template.js";

/**
 * A form read as a submission draft, or every problem found, each naming its cell
 * (with the unit, when its id could be read, so the refusal can name it).
 * @category Data
 */
export type TemplateRead =
  | {
      /** The form was read. */ readonly ok: true;
      /** The submission read from it, with where each value came from. */ readonly draft: SubmissionDraft;
    }
  | {
      /** The form was refused. */
      readonly ok: false;
      /** Every problem, worded in the locale and naming its cell. */
      readonly errors: readonly string[];
      /** The unit, when its id could be read. */
      readonly unit?: UnitRef;
      /** What could be read, so the values' own problems (out of range) are told too. */
      readonly partial?: SubmissionDraft;
    };

const HEADING_TO_COLUMN = new Map<string, TemplateColumn>();
for (const locale of ["vi", "en"] as const) for (const c of TEMPLATE_COLUMNS) HEADING_TO_COLUMN.set(TEMPLATE_HEADINGS[locale][c].toLowerCase(), c);

/**
 * Whether a row is the heading row of a form: its first cell is `Mã` or `Key`.
 * @param cells - the row's cells
 * @category Data
 */
export function isTemplateHeader(cells: readonly string[]): boolean {
  return HEADING_TO_COLUMN.get((cells[0] ?? "").trim().toLowerCase()) === "key";
}

/**
 * The language of a form's heading row (`Mã` → `vi`, `Key` → `en`): the locale the
 * form was made in, which its cells are written in. Undefined when it is no heading row.
 * @param cells - the row's cells
 */
export function headingLanguage(cells: readonly string[]): Locale | undefined {
  const first = (cells[0] ?? "").trim().toLowerCase();
  return first === TEMPLATE_HEADINGS.vi.key.toLowerCase() ? "vi" : first === TEMPLATE_HEADINGS.en.key.toLowerCase() ? "en" : undefined;
}

/** What a key stands for: where each fillable column's value goes, and its type. */
interface KeyTarget {
  /** Column → the submission path its value goes to. */
  readonly paths: Partial<Record<TemplateColumn, readonly string[]>>;
  /** The type of the self / appraised value. */
  readonly type: CompiledType;
  /** The leaf whose appraisal reason this row may carry. */
  readonly reasonOf?: string;
}

const TEXT: CompiledType = { kind: "text" };
const NUMBER: CompiledType = { kind: "number" };

/** Every key of the rubric's form. */
function keyTargets(rubric: CompiledRubric): Map<string, KeyTarget> {
  const keys = new Map<string, KeyTarget>();
  for (const field of ["id", "name", "group"]) keys.set(`unit.${field}`, { paths: { self: ["unit", field] }, type: TEXT });
  for (const f of rubric.unitFacts) if (!keys.has(`unit.${f.name}`)) keys.set(`unit.${f.name}`, { paths: { self: ["unit", "facts", f.name] }, type: f.type });
  const inner = (nodes: CompiledRubric["nodes"]): void => {
    for (const n of nodes) {
      if (n.children === undefined) continue;
      keys.set(n.id, { paths: { notApplicable: ["notApplicable", n.id] }, type: TEXT });
      inner(n.children);
    }
  };
  inner(rubric.nodes);
  const leaf = (id: string, inputs: readonly { name: string; type: CompiledType }[], given: boolean, survey: boolean, extra: boolean): void => {
    keys.set(id, { paths: extra ? {} : { notApplicable: ["notApplicable", id] }, type: TEXT, ...(survey ? {} : { reasonOf: id }) });
    // Survey values are measured, not self-assessed or appraised: one column, no reason.
    const layers = (name: string) => (survey ? { self: ["survey", id, name] } : { self: ["self", id, name], appraised: ["appraisal", id, name] });
    for (const d of inputs) keys.set(`${id}.${d.name}`, { paths: layers(d.name), type: d.type, ...(survey ? {} : { reasonOf: id }) });
    if (given) keys.set(`${id}.points`, { paths: { self: ["self", id, "points"], appraised: ["appraisal", id, "points"] }, type: NUMBER, reasonOf: id });
  };
  for (const { node, survey } of leavesOf(rubric)) leaf(node.id, node.leaf!.inputs, node.leaf!.rule.kind === "given", survey, false);
  for (const e of rubric.extras) leaf(e.id, e.leaf.inputs, false, false, true);
  return keys;
}

const FILLED: readonly TemplateColumn[] = ["self", "appraised", "reason", "notApplicable"];

/**
 * Reads a filled form: finds the heading row (the first whose first cell is `Mã` or
 * `Key`, in either language), then reads each keyed row's self-assessed, appraised,
 * reason and does-not-arise cells. Unknown keys and columns, a key given twice, a
 * value in a cell its row does not take, and cells that do not read as their type
 * are errors naming the cell. The council's reasons on a leaf's rows are joined.
 * @param rows - the grid, in order
 * @param source - file and sheet, for messages
 * @param rubric - the rubric the form belongs to
 * @param locale - how numbers, dates and yes/no are written (`vi`: decimal comma or dot)
 * @example
 * ```ts
 * import { buildTemplate, compile, evaluate, readTemplate, templateGrid } from "rubric-lang";
 * const source = 'rubric "Demo" { area "1" "Chỉ đạo" max 10 { input done: count, planned: count; score = 10 * done / planned } }';
 * const compiled = compile(source);
 * if (compiled.ok) {
 *   // The form as an official fills it: the unit's id and the self-assessed values (column "self").
 *   const filled: Record<string, string> = { "unit.id": "so-noi-vu", "1.done": "8", "1.planned": "10" };
 *   const grid = templateGrid(buildTemplate(compiled.rubric, "en")).map((cells) => cells.map((c, i) => (i === 5 && cells[0]! in filled ? filled[cells[0]!]! : c)));
 *   const read = readTemplate(grid.map((cells, i) => ({ cells, row: i + 1 })), { file: "form.csv" }, compiled.rubric, "en");
 *   if (read.ok) console.log(evaluate(compiled.rubric, read.draft.value).ok); // true
 *   else console.error(read.errors); // each names its cell, e.g. "form.csv:6:F: …"
 * }
 * ```
 * @category Data
 */
export function readTemplate(rows: Iterable<GridRow>, source: GridSource, rubric: CompiledRubric, locale: Locale): TemplateRead {
  const errors: string[] = [];
  const where = source.sheet === undefined ? source.file : `${source.file} [${source.sheet}]`;
  const all = [...rows];
  const head = all.find((r) => isTemplateHeader(r.cells));
  if (head === undefined) {
    return { ok: false, errors: [`${where}: no heading row of a self-assessment form (a row whose first cell is "${TEMPLATE_HEADINGS.vi.key}" or "${TEMPLATE_HEADINGS.en.key}"); make the form with 'rubric template'`] };
  }
  const place = (row: number, column: number, header?: string): string => placeName({ ...source, row, column, ...(header === undefined ? {} : { header }) });
  const columns = new Map<TemplateColumn, number>();
  head.cells.forEach((text, i) => {
    if (text.trim() === "") return;
    const column = HEADING_TO_COLUMN.get(text.trim().toLowerCase());
    if (column === undefined) errors.push(`${place(head.row, i + 1)}: unknown column "${text.trim()}"; the form's columns are ${TEMPLATE_COLUMNS.map((c) => TEMPLATE_HEADINGS.vi[c]).join(", ")} (or in English)`);
    else if (columns.has(column)) errors.push(`${place(head.row, i + 1)}: column "${text.trim()}" appears twice (first in ${place(head.row, columns.get(column)! + 1)})`);
    else columns.set(column, i);
  });
  if (!columns.has("self")) errors.push(`${place(head.row, 1)}: the heading row has no "${TEMPLATE_HEADINGS.vi.self}" (${TEMPLATE_HEADINGS.en.self}) column`);
  if (errors.length > 0) return { ok: false, errors };

  const keys = keyTargets(rubric);
  const draft = newDraft();
  const seen = new Map<string, number>();
  const reasons = new Map<string, { text: string[]; place: string }>();
  for (const r of all.slice(all.indexOf(head) + 1)) {
    const key = (r.cells[0] ?? "").trim();
    const filled = FILLED.filter((c) => columns.has(c) && (r.cells[columns.get(c)!] ?? "").trim() !== "");
    if (key === "") {
      if (filled.length > 0) errors.push(`${place(r.row, columns.get(filled[0]!)! + 1)}: a value on a row without a key in column A; put it on the row of its criterion or input`);
      continue;
    }
    const target = keys.get(key);
    if (target === undefined) {
      errors.push(`${place(r.row, 1)}: unknown key "${key}"; keys are unit.id, unit.name, unit.group, unit.<fact>, node ids and <node>.<input> of this rubric`);
      continue;
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push(`${place(r.row, 1)}: key "${key}" appears twice (first on row ${earlier}); keep one row per key`);
      continue;
    }
    seen.set(key, r.row);
    for (const column of filled) {
      const index = columns.get(column)!;
      const cell = place(r.row, index + 1, `${key} ${TEMPLATE_HEADINGS[locale][column]}`);
      const raw = r.cells[index]!;
      if (column === "reason" && target.reasonOf !== undefined) {
        const reason = reasons.get(target.reasonOf) ?? { text: [], place: cell };
        reason.text.push(raw.trim());
        reasons.set(target.reasonOf, reason);
        continue;
      }
      const path = target.paths[column];
      if (path === undefined) {
        errors.push(`${cell}: this row takes no value in "${TEMPLATE_HEADINGS[locale][column]}"; leave it empty`);
        continue;
      }
      const read = column === "notApplicable" ? { ok: true as const, value: raw.trim() } : readCell(raw, target.type, locale);
      if (!read.ok) errors.push(`${cell}: ${read.message}`);
      else {
        const twice = putValue(draft, path, read.value, cell);
        if (twice !== undefined) errors.push(`${cell}: ${twice}`);
      }
    }
  }
  for (const [id, reason] of reasons) putValue(draft, ["appraisal", id, "reason"], reason.text.join("; "), reason.place);
  if (errors.length === 0 && !draft.places.has(JSON.stringify(["unit", "id"]))) {
    errors.push(`${where}: no unit id; fill "${TEMPLATE_HEADINGS[locale].self}" on the row with key unit.id`);
  }
  if (errors.length === 0) return { ok: true, draft };
  const unit = unitOfDraft(draft.value);
  return { ok: false, errors, partial: draft, ...(unit === undefined ? {} : { unit }) };
}
