/**
 * The parts every HTML report shares: escaping, the page shell (language, viewport,
 * the page's own CSS), tables with a caption and header cells scoped for screen
 * readers, and the print rules (A4, headings kept with what follows, rows never split,
 * table headings repeated on each printed page). Pure: the same input gives the same
 * bytes.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import type { Table } from "./table.js";

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * A length in rem written from tenths, so it is never `1.7999999999999998rem`:
 * `rem(18)` → `1.8rem`, `rem(30)` → `3rem`.
 * @param tenths - the length in tenths of a rem (an integer)
 */
export function rem(tenths: number): string {
  // An integer over ten is the double nearest the decimal, which prints as that decimal.
  return `${Math.round(tenths) / 10}rem`;
}

/** How a table is marked up: its class, its caption, and which column heads each row. */
export interface TableMarkup {
  /** The `class` of the `<table>` (also what print rules and tests select). */
  readonly className: string;
  /** The `<caption>`: what the table shows, for readers and screen readers. */
  readonly caption: string;
  /** The column whose cell names the row (`<th scope="row">`); none when undefined. */
  readonly rowHeader?: number;
  /** Extra `class` per column (by index), for print widths and wrapping. */
  readonly columnClass?: ReadonlyMap<number, string>;
  /** Inline style of a body cell, when one is needed (the detail's indentation). */
  readonly cellStyle?: (row: number, column: number) => string | undefined;
  /** The text of a body cell, when it differs from the table's (indentation removed). */
  readonly cellText?: (row: number, column: number) => string;
}

/**
 * A table as HTML: caption, `<th scope="col">` headings, one `<th scope="row">` per
 * row when the markup names a row-header column, figures right-aligned.
 * @param table - headings and rows
 * @param markup - class, caption, row header, per-column classes
 */
export function tableHtml(table: Table, markup: TableMarkup): string {
  const classOf = (i: number): string => {
    const names = [...(table.right?.has(i) ? ["num"] : []), ...(markup.columnClass?.has(i) ? [markup.columnClass.get(i)!] : [])];
    return names.length === 0 ? "" : ` class="${names.join(" ")}"`;
  };
  const head = table.head.map((h, i) => `<th scope="col"${classOf(i)}>${escapeHtml(h)}</th>`).join("");
  const cell = (text: string, r: number, i: number): string => {
    const style = markup.cellStyle?.(r, i);
    const shown = markup.cellText?.(r, i) ?? text;
    const attributes = `${classOf(i)}${style === undefined ? "" : ` style="${escapeHtml(style)}"`}`;
    return i === markup.rowHeader ? `<th scope="row"${attributes}>${escapeHtml(shown)}</th>` : `<td${attributes}>${escapeHtml(shown)}</td>`;
  };
  const rows = table.rows.map((row, r) => `<tr>${row.map((c, i) => cell(c, r, i)).join("")}</tr>`).join("\n");
  return `<table class="${markup.className}"><caption>${escapeHtml(markup.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

/** The screen rules every report shares. */
export const BASE_CSS: readonly string[] = [
  "body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }",
  "table { border-collapse: collapse; margin: 1rem 0; }",
  "caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }",
  "th, td { border: 1px solid #ccc; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }",
  "thead th { background: #f2f2f2; }",
  // A name with no space (an id, say) may break anywhere rather than push the table off the page.
  "tbody th { font-weight: normal; overflow-wrap: anywhere; }",
  ".num { text-align: right; }",
];

/**
 * Print rules: the paper (A4, portrait or landscape), a smaller type, headings kept
 * with what follows them, table rows never split across pages and the heading row
 * repeated on each page, colours printed as on screen.
 * @param orientation - `portrait` (the ranking) or `landscape` (a wide table)
 * @param extra - rules only this page needs, inside the same `@media print`
 */
export function printCss(orientation: "portrait" | "landscape", extra: readonly string[] = []): string[] {
  return [
    `@page { size: A4 ${orientation}; margin: 10mm 12mm; }`,
    "@media print {",
    "  body { margin: 0; font-size: 9pt; line-height: 1.2; -webkit-print-color-adjust: exact; print-color-adjust: exact; }",
    "  h1 { font-size: 13pt; margin: 0 0 1mm; }",
    "  h2 { font-size: 10pt; margin: 1.5mm 0 0; }",
    "  h1, h2, caption { break-after: avoid; page-break-after: avoid; }",
    "  table { margin: 1mm 0; width: 100%; font-size: 8pt; }",
    "  caption { padding: 0 0 0.3mm; font-size: 7.5pt; }",
    "  th, td { padding: 0.1mm 1.2mm; line-height: 1.15; }",
    "  thead { display: table-header-group; }",
    "  tr, th, td { break-inside: avoid; page-break-inside: avoid; }",
    ...extra.map((rule) => `  ${rule}`),
    "}",
  ];
}

/**
 * A self-contained HTML page: doctype, language, viewport, title, the page's own CSS,
 * the body.
 * @param locale - the page language
 * @param title - the page title (escaped here)
 * @param css - CSS rules, one a line
 * @param body - the body's HTML
 */
export function htmlPage(locale: Locale, title: string, css: readonly string[], body: string): string {
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${css.join("\n")}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
