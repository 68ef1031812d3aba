/**
 * The self-assessment form (phiếu tự đánh giá) derived from a rubric, as rows of
 * cells: the unit's rows (id, name, group, facts), then every node in tree order with
 * its number, title (and description), maximum and evidence, and under each leaf one
 * row per input (its label, and how to write it) whose self-assessed, appraised and reason cells are left
 * empty for the unit and the appraisal council; `score = given` leaves have a
 * `points` row. Bonus and penalty blocks come last. Pure and browser-safe: the CLI
 * writes it as CSV or XLSX.
 *
 * Every row carries a key in the first column (`unit.id`, `1.1.2`, `1.1.2.done`,
 * `1.5.points`) — the same names as the headers of a wide CSV — so a filled form is
 * read back by key, whatever order or extra blank rows it has.
 * @module
 */
import type { CompiledDecl, CompiledNode, CompiledRubric, CompiledType } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import { publishText } from "../runtime/exact.js";

/**
 * The columns of the form, in order.
 * @category Data
 */
export const TEMPLATE_COLUMNS = ["key", "number", "title", "max", "how", "self", "appraised", "reason", "notApplicable", "evidence"] as const;

/**
 * A column of the form.
 * @category Data
 */
export type TemplateColumn = (typeof TEMPLATE_COLUMNS)[number];

/**
 * Column headings in each locale (the reader accepts either).
 * @category Data
 */
export const TEMPLATE_HEADINGS: Readonly<Record<Locale, Readonly<Record<TemplateColumn, string>>>> = {
  vi: {
    key: "Mã", number: "STT", title: "Tiêu chí, nội dung", max: "Điểm tối đa", how: "Cách ghi", self: "Tự đánh giá",
    appraised: "Thẩm định", reason: "Lý do thẩm định", notApplicable: "Không phát sinh (lý do)", evidence: "Tài liệu kiểm chứng",
  },
  en: {
    key: "Key", number: "No.", title: "Criterion", max: "Max points", how: "How to fill", self: "Self-assessed",
    appraised: "Appraised", reason: "Council's reason", notApplicable: "Does not arise (reason)", evidence: "Evidence",
  },
};

/**
 * What a row of the form stands for.
 * @category Data
 */
export type TemplateRowKind = "unit" | "node" | "input" | "points";

/**
 * One row of the form: the fixed cells; the columns to fill are empty.
 * @category Data
 */
export interface TemplateRow {
  /** What the row stands for. */
  readonly kind: TemplateRowKind;
  /** The key (`unit.id`, `1.1.2`, `1.1.2.done`, `1.5.points`). */
  readonly key: string;
  /** The published number, on node rows. */
  readonly number: string;
  /**
   * The node's title (then ` — ` and its description, as "Tiêu chí, nội dung" asks),
   * the input's label (its name when it has none), or the unit field's label.
   */
  readonly title: string;
  /** The maximum points, on node rows, in the locale's notation. */
  readonly max: string;
  /** How to write the value, on rows that take one. */
  readonly how: string;
  /** Evidence documents, on node rows, separated by `; `. */
  readonly evidence: string;
  /** Depth in the tree (0 for areas, unit rows and bonus/penalty blocks), for indentation. */
  readonly depth: number;
  /** For yes/no and enum values: the words to choose from (a spreadsheet's drop-down). */
  readonly choices?: readonly string[];
}

/**
 * The whole form.
 * @category Data
 */
export interface Template {
  /** The form's title line. */
  readonly title: string;
  /** The rubric it belongs to: id, version, fingerprint. */
  readonly subtitle: string;
  /** The column headings in the locale. */
  readonly headings: readonly string[];
  /** The rows, in order. */
  readonly rows: readonly TemplateRow[];
}

const WORDS = {
  vi: {
    form: "Phiếu tự đánh giá", unitId: "Mã đơn vị (bắt buộc)", unitName: "Tên đơn vị", unitGroup: "Nhóm đơn vị", fact: "Thông tin đơn vị",
    points: "Điểm chấm", bonus: "Điểm thưởng", penalty: "Điểm trừ", survey: "điều tra XHH", fingerprint: "mã kiểm tra",
    number: "số", count: "số nguyên ≥ 0", percent: "tỷ lệ % (85 là 85%)", likert: "thang điểm", bool: "có / không", date: "ngày dd/mm/yyyy",
    text: "văn bản", enum: "một trong", list: "danh sách cách nhau bởi dấu ; ([] nếu không có)", each: "mỗi phần tử", step: "bước", yes: "có", no: "không",
    between: (min: string, max: string) => `từ ${min} đến ${max}`, atLeast: (min: string) => `từ ${min} trở lên`, atMost: (max: string) => `không quá ${max}`,
  },
  en: {
    form: "Self-assessment form", unitId: "Unit id (required)", unitName: "Unit name", unitGroup: "Unit group", fact: "Unit fact",
    points: "Points given", bonus: "Bonus", penalty: "Penalty", survey: "survey", fingerprint: "fingerprint",
    number: "number", count: "whole number ≥ 0", percent: "percent (85 means 85%)", likert: "scale", bool: "yes / no", date: "date yyyy-mm-dd",
    text: "text", enum: "one of", list: "list separated by ; ([] for none)", each: "each", step: "step", yes: "yes", no: "no",
    between: (min: string, max: string) => `from ${min} to ${max}`, atLeast: (min: string) => `${min} or more`, atMost: (max: string) => `at most ${max}`,
  },
} as const;

/** A decimal in the locale's notation (`0.5` → `0,5` in Vietnamese). */
function shown(decimal: string, locale: Locale): string {
  return locale === "vi" ? decimal.replace(".", ",") : decimal;
}

/**
 * A range in words the locale reads, not the rubric's `1..500`: "từ 1 đến 500" /
 * "from 1 to 500", or one bound ("từ 1 trở lên", "không quá 100").
 */
function rangeText(min: string | undefined, max: string | undefined, locale: Locale): string {
  const w = WORDS[locale];
  if (min !== undefined && max !== undefined) return w.between(shown(min, locale), shown(max, locale));
  return min !== undefined ? w.atLeast(shown(min, locale)) : w.atMost(shown(max ?? "", locale));
}

/**
 * How to write a value of a type, in the locale: `số nguyên ≥ 0, từ 1 đến 500`.
 * @param type - the declared type
 * @param locale - the form's language
 */
export function typeHint(type: CompiledType, locale: Locale): string {
  const w = WORDS[locale];
  if (type.kind === "list") return `${w.list}, ${w.each}: ${typeHint(type.element, locale)}`;
  if (type.kind === "enum") return `${w.enum}: ${type.members.join(", ")}`;
  if (type.kind === "bool") return `${w.bool}`;
  if (type.kind === "date" || type.kind === "text") return w[type.kind];
  // The remaining kinds are the numeric ones, which may carry a range.
  const { min, max } = type as { readonly min?: string; readonly max?: string };
  const range = min !== undefined || max !== undefined ? `, ${rangeText(min, max, locale)}` : "";
  return `${w[type.kind as "number" | "count" | "percent" | "likert"]}${range}`;
}

function choices(type: CompiledType, locale: Locale): { choices?: readonly string[] } {
  if (type.kind === "bool") return { choices: [WORDS[locale].yes, WORDS[locale].no] };
  return type.kind === "enum" ? { choices: type.members } : {};
}

const row = (kind: TemplateRowKind, key: string, fields: Partial<Omit<TemplateRow, "kind" | "key">>): TemplateRow =>
  ({ kind, key, number: "", title: "", max: "", how: "", evidence: "", depth: 0, ...fields });

function leafRows(id: string, inputs: readonly CompiledDecl[], given: { step?: string; max: string } | undefined, survey: boolean, depth: number, locale: Locale): TemplateRow[] {
  const w = WORDS[locale];
  const suffix = survey ? ` (${w.survey})` : "";
  const rows = inputs.map((d) => row("input", `${id}.${d.name}`, { title: d.label ?? d.name, how: typeHint(d.type, locale) + suffix, depth: depth + 1, ...choices(d.type, locale) }));
  if (given !== undefined) {
    const step = given.step === undefined ? "" : `, ${w.step} ${shown(given.step, locale)}`;
    rows.push(row("points", `${id}.points`, { title: w.points, how: `${w.number} ${rangeText("0", given.max, locale)}${step}`, depth: depth + 1 }));
  }
  return rows;
}

/**
 * A node's title and its description in one cell, on one line: a line break inside a
 * cell would make a CSV form's line numbers differ from its row numbers.
 */
const titled = (node: { readonly title: string; readonly description?: string }): string =>
  node.description === undefined ? node.title : `${node.title} — ${node.description}`;

/**
 * A maximum as a person reads it: a fraction (`10/3`) at the rubric's published
 * precision ("3,33"), as the decision prints it; a decimal as written.
 */
function maxShown(max: string, publish: CompiledRubric["publish"], locale: Locale): string {
  return shown(max.includes("/") ? publishText(max, publish.precision, publish.rounding) : max, locale);
}

function nodeRows(node: CompiledNode, depth: number, survey: boolean, locale: Locale, publish: CompiledRubric["publish"]): TemplateRow[] {
  const inSurvey = survey || node.fromSurvey;
  const own = row("node", node.id, { number: node.id, title: titled(node), max: maxShown(node.max, publish, locale), evidence: node.evidence.join("; "), depth });
  if (node.leaf === undefined) return [own, ...(node.children ?? []).flatMap((c) => nodeRows(c, depth + 1, inSurvey, locale, publish))];
  const rule = node.leaf.rule;
  const given = rule.kind === "given" ? { max: node.max, ...(rule.step === undefined ? {} : { step: rule.step }) } : undefined;
  return [own, ...leafRows(node.id, node.leaf.inputs, given, inSurvey, depth, locale)];
}

/**
 * The self-assessment form of a rubric.
 * @param rubric - a compiled rubric
 * @param locale - the language of headings and hints
 * @example
 * ```ts
 * import { buildTemplate, compile, templateGrid } from "rubric-lang";
 * const source = 'rubric "Demo" { area "1" "Chỉ đạo" max 10 { input done: count, planned: count; score = 10 * done / planned } }';
 * const compiled = compile(source);
 * if (compiled.ok) {
 *   const grid = templateGrid(buildTemplate(compiled.rubric, "vi")); // rows of strings, ready for CSV or XLSX
 *   console.log(grid.map((row) => row.slice(0, 5).join(" | ")));
 *   // "Mã | STT | Tiêu chí, nội dung | Điểm tối đa | Cách ghi", "unit.id |  | Mã đơn vị (bắt buộc) |  | văn bản", …
 *   // "1.done |  | done |  | số nguyên ≥ 0", "1.planned |  | planned |  | số nguyên ≥ 0"
 * }
 * ```
 * @category Data
 */
export function buildTemplate(rubric: CompiledRubric, locale: Locale): Template {
  const w = WORDS[locale];
  const unit = [
    row("unit", "unit.id", { title: w.unitId, how: w.text }),
    row("unit", "unit.name", { title: w.unitName, how: w.text }),
    row("unit", "unit.group", { title: w.unitGroup, how: w.text }),
    ...rubric.unitFacts.map((f) => row("unit", `unit.${f.name}`, { title: `${w.fact}: ${f.label ?? f.name}`, how: typeHint(f.type, locale), ...choices(f.type, locale) })),
  ];
  const extras = rubric.extras.flatMap((e) => [
    row("node", e.id, { number: e.id, title: `${e.sign === "bonus" ? w.bonus : w.penalty}: ${titled(e)}`, max: maxShown(e.max, rubric.publish, locale), evidence: e.evidence.join("; ") }),
    ...leafRows(e.id, e.leaf.inputs, undefined, false, 0, locale),
  ]);
  const version = rubric.meta.version === undefined ? "" : ` ${rubric.meta.version}`;
  return {
    title: `${w.form}: ${rubric.meta.title}`,
    subtitle: `${rubric.meta.id}${version} (${w.fingerprint} ${rubric.fingerprint.slice(0, 12)})`,
    headings: TEMPLATE_COLUMNS.map((c) => TEMPLATE_HEADINGS[locale][c]),
    rows: [...unit, ...rubric.nodes.flatMap((n) => nodeRows(n, 0, false, locale, rubric.publish)), ...extras],
  };
}

/**
 * The form as a grid of strings, heading row first, one string per column of
 * {@link TEMPLATE_COLUMNS} (the columns to fill empty).
 * @param template - the form
 * @example
 * ```ts
 * import { buildTemplate, compile, templateGrid } from "rubric-lang";
 * const source = 'rubric "Demo" { area "1" "Chỉ đạo" max 10 { input done: count, planned: count; score = 10 * done / planned } }';
 * const compiled = compile(source);
 * if (compiled.ok) console.log(templateGrid(buildTemplate(compiled.rubric, "en"))[0]); // ["Key", "No.", "Criterion", …]
 * ```
 * @category Data
 */
export function templateGrid(template: Template): string[][] {
  const cells = (r: TemplateRow): string[] => [r.key, r.number, r.title, r.max, r.how, "", "", "", "", r.evidence];
  return [[...template.headings], ...template.rows.map(cells)];
}
