/**
 * One unit's detail as a self-contained HTML page, on screen and on A4 paper
 * (landscape: eight columns). The criterion column wraps and keeps a readable width;
 * the long keys and explanations wrap anywhere rather than push the table off the page.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import { BASE_CSS, escapeHtml, htmlPage, printCss, rem, tableHtml } from "./html-page.js";
import type { Table } from "./table.js";

const CAPTION = { vi: "Điểm theo từng tiêu chí", en: "Points by criterion" } as const;

/** Column classes: the key, the criterion (indented by depth) and the explanation. */
const COLUMN_CLASS: ReadonlyMap<number, string> = new Map([[0, "key"], [1, "criterion"], [7, "how"]]);

const DETAIL_CSS: readonly string[] = [
  ...BASE_CSS,
  ".criterion { min-width: 16rem; }",
  ".key, .how { overflow-wrap: anywhere; }",
  ...printCss("landscape", [
    "table.detail { font-size: 8pt; }",
    ".key { width: 14%; }",
    ".criterion { width: 30%; min-width: 0; }",
    ".how { width: 26%; }",
  ]),
];

/**
 * The detail page: the title, the unit's totals, the table of nodes and inputs. The
 * criterion column's leading spaces (two per level) become an indentation.
 * @param table - the detail table ({@link unitDetailTable})
 * @param title - the page title (unit and rubric)
 * @param total - the unit's points and index, as a line
 * @param locale - the page language
 */
export function renderDetailHtml(table: Table, title: string, total: string, locale: Locale): string {
  const depth = (text: string): number => (text.length - text.trimStart().length) / 2;
  const markup = {
    className: "detail",
    caption: CAPTION[locale],
    rowHeader: 0,
    columnClass: COLUMN_CLASS,
    // Tenths of a rem: 0.6 rem of padding, then 1.2 rem a level.
    cellStyle: (r: number, i: number): string | undefined => {
      const d = i === 1 ? depth(table.rows[r]![1]!) : 0;
      return d > 0 ? `padding-left: ${rem(6 + 12 * d)}` : undefined;
    },
    cellText: (r: number, i: number): string => (i === 1 ? table.rows[r]![1]!.trimStart() : table.rows[r]![i]!),
  };
  const body = `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(total)}</p>\n${tableHtml(table, markup)}`;
  return htmlPage(locale, title, DETAIL_CSS, body);
}
