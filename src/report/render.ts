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
  return format === "text" ? aligned(table) : format === "md" ? markdown(table) : csv(table);
}

function aligned(table: Table): string {
  const head = table.head.map(escapeControls);
  const rows = table.rows.map((r) => r.map(escapeControls));
  // A loop, not Math.max(...column): a million rows would overflow the call stack.
  const widths = head.map((h) => h.length);
  for (const r of rows) for (let i = 0; i < widths.length; i++) if (r[i]!.length > widths[i]!) widths[i] = r[i]!.length;
  // Figures right-aligned, words and ids left-aligned, as the table says.
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (table.right?.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

function markdown(table: Table): string {
  const row = (cells: readonly string[]): string => `| ${cells.map(escapeMarkdown).join(" | ")} |`;
  return [row(table.head), `|${table.head.map(() => "---").join("|")}|`, ...table.rows.map(row)].join("\n");
}

function csv(table: Table): string {
  const quote = (c: string): string => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const row = (cells: readonly string[]): string => cells.map((c, i) => quote(table.right?.has(i) ? c : neutraliseFormula(c))).join(",");
  return [table.head.map((h) => quote(neutraliseFormula(h))).join(","), ...table.rows.map(row)].join("\r\n");
}

/** The ranked table with the units not ranked as further rows, and a reason column (empty for ranked units). */
function withUnranked(main: Table, apart: Table, locale: Locale): Table {
  const w = WORDS[locale];
  const unit = main.head.indexOf(w.unit);
  const rows = apart.rows.map(([name, reason]) => [...main.head.map((_, i) => (i === 0 ? w.unranked : i === unit ? name! : "")), reason!]);
  return { head: [...main.head, w.reason], rows: [...main.rows.map((r) => [...r, ""]), ...rows], ...(main.right === undefined ? {} : { right: main.right }) };
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
  const w = WORDS[locale];
  const main = rankedTable(ranking, locale);
  const apart = unrankedTable(ranking, locale, rubric);
  // One table for a spreadsheet: units not ranked follow, marked in the rank column, with a reason column.
  if (format === "csv") return `${csv(apart.rows.length === 0 ? main : withUnranked(main, apart, locale))}\r\n`;
  if (format === "md") {
    const parts = [`# ${w.title}: ${escapeMarkdown(title)}`, "", markdown(main)];
    if (apart.rows.length > 0) parts.push("", `## ${w.unranked}`, "", markdown(apart));
    return `${parts.join("\n")}\n`;
  }
  const parts = [`${w.title}: ${escapeControls(title)}`, "", aligned(main)];
  if (apart.rows.length > 0) parts.push("", `${w.unranked}:`, aligned(apart));
  return `${parts.join("\n")}\n`;
}
