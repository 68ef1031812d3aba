/**
 * The ranked table as plain text (aligned columns), Markdown, CSV and JSON.
 * Every renderer is a pure function of the ranking and the locale: the same input
 * gives the same bytes.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import type { CompiledRubric } from "../compile/types.js";
import type { RankResult } from "../rank/types.js";
import { neutraliseFormula } from "../io/spreadsheet-text.js";
import { escapeControls, escapeMarkdown, jsonTerminalSafe } from "./escape.js";
import { WORDS } from "./locale.js";
import { rankedTable, unrankedTable, type Table } from "./table.js";
import { localizedUnranked } from "./unit-errors.js";

/**
 * Report formats of the ranked table.
 * @category Report
 */
export type TableFormat = "text" | "md" | "csv" | "json";

/**
 * Renders a table as aligned text, Markdown or CSV. Text from data or a rubric is made
 * safe for each: controls escaped in text, Markdown syntax escaped in Markdown, and a
 * CSV cell that a spreadsheet would take for a formula prefixed with `'` — except the
 * figure columns (`right`), which hold our own numbers.
 * @param table - headings and rows
 * @param format - `text`, `md` or `csv`
 * @example
 * ```ts
 * import { compile, evaluateAll, rank, rankedTable, renderTable } from "rubric-lang";
 * const source = 'rubric "Demo" { area "1" "Chỉ đạo" max 10 { input done: count, planned: count; score = 10 * done / planned } }';
 * const submissions = [
 *   { unit: { id: "a", name: "Sở A" }, self: { "1": { done: 8, planned: 10 } } },
 *   { unit: { id: "b", name: "Sở B" }, self: { "1": { done: 9, planned: 10 } } },
 * ];
 * const compiled = compile(source);
 * if (compiled.ok) console.log(renderTable(rankedTable(rank(compiled.rubric, evaluateAll(compiled.rubric, submissions)), "en"), "csv"));
 * ```
 * @category Report
 */
export function renderTable(table: Table, format: Exclude<TableFormat, "json">): string {
  return [...tableLines(table.head, table.right, () => table.rows, format)].join(format === "csv" ? "\r\n" : "\n");
}

/**
 * A table's lines in a format, without line ends, from rows made on demand: aligned
 * text asks for them twice (the widths first), so a million rows are never all held.
 * @param headings - column headings
 * @param right - columns of figures (aligned right; never formula-neutralised in CSV)
 * @param rows - makes the rows' cells, in order, each time it is called
 * @param format - `text`, `md` or `csv`
 */
export function* tableLines(headings: readonly string[], right: ReadonlySet<number> | undefined, rows: () => Iterable<readonly string[]>, format: Exclude<TableFormat, "json">): Generator<string> {
  if (format === "md") {
    const row = (cells: readonly string[]): string => `| ${cells.map(escapeMarkdown).join(" | ")} |`;
    yield row(headings);
    yield `|${headings.map(() => "---").join("|")}|`;
    for (const r of rows()) yield row(r);
    return;
  }
  if (format === "csv") {
    const quote = (c: string): string => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    yield headings.map((h) => quote(neutraliseFormula(h))).join(",");
    for (const r of rows()) yield r.map((c, i) => quote(right?.has(i) ? c : neutraliseFormula(c))).join(",");
    return;
  }
  const head = headings.map(escapeControls);
  // A loop, not Math.max(...column): a million rows would overflow the call stack.
  const widths = head.map((h) => h.length);
  for (const r of rows()) for (let i = 0; i < widths.length; i++) { const n = escapeControls(r[i]!).length; if (n > widths[i]!) widths[i] = n; }
  // Figures right-aligned, words and ids left-aligned, as the table says.
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (right?.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  yield line(head);
  yield widths.map((w) => "-".repeat(w)).join("  ");
  for (const r of rows()) yield line(r.map(escapeControls));
}

/** The ranked table's parts: headings, the figure columns, the ranked rows made on demand, and the units not ranked. */
export interface RankingParts {
  /** Column headings of the ranked table. */
  readonly head: readonly string[];
  /** Its columns of figures. */
  readonly right: ReadonlySet<number>;
  /** Makes the ranked rows' cells, in table order, each time it is called. */
  readonly rows: () => Iterable<readonly string[]>;
  /** The units not ranked, with the reason. */
  readonly apart: Table;
}

/**
 * The ranked table (and the units not ranked) in a table format, as lines each with its
 * line end: what {@link renderRanking} returns, made a line at a time.
 * @param parts - the ranked table's parts
 * @param format - `text`, `md` or `csv`
 * @param locale - report language
 * @param title - the title line
 */
export function* rankingLines(parts: RankingParts, format: Exclude<TableFormat, "json">, locale: Locale, title: string): Generator<string> {
  const w = WORDS[locale];
  const { head, right, rows, apart } = parts;
  if (format === "csv") {
    // One table for a spreadsheet: units not ranked follow, marked in the rank column, with a reason column.
    if (apart.rows.length === 0) {
      for (const line of tableLines(head, right, rows, "csv")) yield `${line}\r\n`;
      return;
    }
    const unit = head.indexOf(w.unit);
    const withReason = function* (): Generator<readonly string[]> {
      for (const r of rows()) yield [...r, ""];
      for (const [name, reason] of apart.rows) yield [...head.map((_, i) => (i === 0 ? w.unranked : i === unit ? name! : "")), reason!];
    };
    for (const line of tableLines([...head, w.reason], right, withReason, "csv")) yield `${line}\r\n`;
    return;
  }
  if (format === "md") {
    yield `# ${w.title}: ${escapeMarkdown(title)}\n`;
    yield "\n";
    for (const line of tableLines(head, right, rows, "md")) yield `${line}\n`;
    if (apart.rows.length > 0) {
      yield "\n";
      yield `## ${w.unranked}\n`;
      yield "\n";
      for (const line of tableLines(apart.head, apart.right, () => apart.rows, "md")) yield `${line}\n`;
    }
    return;
  }
  yield `${w.title}: ${escapeControls(title)}\n`;
  yield "\n";
  for (const line of tableLines(head, right, rows, "text")) yield `${line}\n`;
  if (apart.rows.length > 0) {
    yield "\n";
    yield `${w.unranked}:\n`;
    for (const line of tableLines(apart.head, apart.right, () => apart.rows, "text")) yield `${line}\n`;
  }
}

/**
 * Renders the ranked table (and the units not ranked) in a format and locale.
 * @param ranking - the result of `rank`
 * @param format - text, md, csv or json
 * @param locale - `vi` (decimal comma, Vietnamese headings) or `en`
 * @param title - a title line (the rubric's title, say)
 * @param rubric - the rubric, so reasons name inputs by their labels (optional)
 * @example
 * ```ts
 * import { compile, evaluateAll, rank, renderRanking } from "rubric-lang";
 * const source = 'rubric "Demo" { area "1" "Chỉ đạo" max 10 { input done: count, planned: count; score = 10 * done / planned } }';
 * const submissions = [
 *   { unit: { id: "a", name: "Sở A" }, self: { "1": { done: 8, planned: 10 } } },
 *   { unit: { id: "b", name: "Sở B" }, self: { "1": { done: 9, planned: 10 } } },
 * ];
 * const compiled = compile(source);
 * if (compiled.ok) console.log(renderRanking(rank(compiled.rubric, evaluateAll(compiled.rubric, submissions)), "md", "vi", "Demo", compiled.rubric));
 * // # Bảng xếp hạng: Demo
 * //
 * // | Hạng | Đơn vị | Điểm | Chỉ số |
 * // |---|---|---|---|
 * // | 1/2 | Sở B | 9,00 | 90,00 |
 * // | 2/2 | Sở A | 8,00 | 80,00 |
 * ```
 * @category Report
 */
export function renderRanking(ranking: RankResult, format: TableFormat, locale: Locale, title: string, rubric?: CompiledRubric): string {
  if (format === "json") {
    // The reason worded in the report's language; its cause stays as data beside it.
    const unranked = ranking.unranked.map((u) => localizedUnranked(u, rubric, locale));
    return `${jsonTerminalSafe(JSON.stringify({ title, policy: ranking.policy, rows: ranking.rows, unranked }, null, 2))}\n`;
  }
  const main = rankedTable(ranking, locale);
  const parts = { head: main.head, right: main.right ?? new Set<number>(), rows: () => main.rows, apart: unrankedTable(ranking, locale, rubric) };
  return [...rankingLines(parts, format, locale, title)].join("");
}
