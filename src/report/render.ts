/**
 * The ranked table as plain text (aligned columns), Markdown, CSV and JSON.
 * Every renderer is a pure function of the ranking and the locale: the same input
 * gives the same bytes.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import type { RankResult } from "../rank/types.js";
import { WORDS } from "./locale.js";
import { rankedTable, unrankedTable, type Table } from "./table.js";

/** Report formats of the ranked table. */
export type TableFormat = "text" | "md" | "csv" | "json";

/**
 * Renders a table as aligned text, Markdown or CSV.
 * @param table - headings and rows
 * @param format - `text`, `md` or `csv`
 */
export function renderTable(table: Table, format: Exclude<TableFormat, "json">): string {
  return format === "text" ? aligned(table) : format === "md" ? markdown(table) : csv(table);
}

function aligned(table: Table): string {
  const widths = table.head.map((h, i) => Math.max(h.length, ...table.rows.map((r) => r[i]!.length)));
  // Figures right-aligned, words and ids left-aligned, as the table says.
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (table.right?.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(table.head), widths.map((w) => "-".repeat(w)).join("  "), ...table.rows.map(line)].join("\n");
}

function markdown(table: Table): string {
  const escape = (c: string): string => c.replace(/\|/g, "\\|");
  return [`| ${table.head.map(escape).join(" | ")} |`, `|${table.head.map(() => "---").join("|")}|`, ...table.rows.map((r) => `| ${r.map(escape).join(" | ")} |`)].join("\n");
}

function csv(table: Table): string {
  const cell = (c: string): string => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return [table.head, ...table.rows].map((r) => r.map(cell).join(",")).join("\r\n");
}

/**
 * Renders the ranked table (and the units not ranked) in a format and locale.
 * @param ranking - the result of `rank`
 * @param format - text, md, csv or json
 * @param locale - `vi` (decimal comma, Vietnamese headings) or `en`
 * @param title - a title line (the rubric's title, say)
 */
export function renderRanking(ranking: RankResult, format: TableFormat, locale: Locale, title: string): string {
  if (format === "json") return `${JSON.stringify({ title, policy: ranking.policy, rows: ranking.rows, unranked: ranking.unranked }, null, 2)}\n`;
  const w = WORDS[locale];
  const main = rankedTable(ranking, locale);
  const apart = unrankedTable(ranking, locale);
  if (format === "csv") return `${csv(main)}\r\n`;
  if (format === "md") {
    const parts = [`# ${w.title}: ${title}`, "", markdown(main)];
    if (apart.rows.length > 0) parts.push("", `## ${w.unranked}`, "", markdown(apart));
    return `${parts.join("\n")}\n`;
  }
  const parts = [`${w.title}: ${title}`, "", aligned(main)];
  if (apart.rows.length > 0) parts.push("", `${w.unranked}:`, aligned(apart));
  return `${parts.join("\n")}\n`;
}
