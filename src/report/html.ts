/**
 * The ranking as one self-contained HTML page: an SVG bar chart of the published
 * index by unit (bars coloured by band, with a legend), the ranked table, units not
 * ranked, and a per-area breakdown for each unit. No script, no external file: it can
 * be mailed, archived, opened offline or printed on A4.
 * @module
 */
import type { CompiledRubric } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import type { RankResult } from "../rank/types.js";
import { publishText } from "../runtime/exact.js";
import { bandLegend, chartSvg, CHART_FONT_PX } from "./html-chart.js";
import { BASE_CSS, escapeHtml, htmlPage, printCss, tableHtml } from "./html-page.js";
import { figure, WORDS } from "./locale.js";
import { rankedTable, unrankedTable, type Table } from "./table.js";

export { escapeHtml, htmlPage } from "./html-page.js";

const CAPTIONS = {
  vi: { ranking: (n: number) => `Thứ hạng, điểm và chỉ số của ${n} đơn vị`, unranked: "Đơn vị chưa xếp hạng và lý do", areas: "Điểm của từng đơn vị theo lĩnh vực (điểm tối đa trong ngoặc)", byArea: "Điểm theo lĩnh vực" },
  en: { ranking: (n: number) => `Rank, points and index of ${n} units`, unranked: "Units not ranked and why", areas: "Each unit's points by area (maximum in brackets)", byArea: "Points by area" },
} as const;

function breakdown(ranking: RankResult, rubric: CompiledRubric, locale: Locale): Table {
  const { precision, rounding } = rubric.publish;
  return {
    head: [WORDS[locale].unit, ...rubric.nodes.map((n) => `${n.id}. ${n.title} (${figure(publishText(n.max, precision, rounding), locale)})`)],
    rows: ranking.rows.map((r) => [r.unit.name ?? r.unit.id, ...rubric.nodes.map((n) => figure(publishText(r.areas[n.id] ?? "0", precision, rounding), locale))]),
    right: new Set(rubric.nodes.map((_, i) => i + 1)),
  };
}

/** The ranking page's own rules: chart and legend on screen, then a compact print layout. */
const RANKING_CSS: readonly string[] = [
  ...BASE_CSS,
  `svg text { font-size: ${CHART_FONT_PX}px; }`,
  "svg.chart { max-width: 100%; height: auto; }",
  ".basis { color: #555; }",
  ".legend { list-style: none; padding: 0; margin: 0.5rem 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; }",
  ".legend-title { font-weight: bold; }",
  ...printCss("portrait", [
    ".basis { margin: 0 0 1mm; font-size: 8pt; }",
    // Labels about the size of the table's type (html-chart.ts: PRINT_SCALE), each SVG within a page.
    "svg.chart { display: block; width: auto; max-width: 100%; height: var(--print-height); break-inside: avoid; }",
    ".legend { margin: 0; font-size: 8pt; }",
    // Names of usual length on one line; a longer one wraps rather than widen the table past the page.
    "table.ranking tbody th, table.areas tbody th { min-width: 60mm; }",
    "table.areas thead th { font-size: 7pt; }",
    // Short cells (rank, figures, band, change) on one line; only the last column wraps.
    "table.ranking td:not(:last-child) { white-space: nowrap; }",
  ]),
];

/**
 * Renders the ranking as a self-contained HTML page.
 * @param ranking - the result of `rank`
 * @param rubric - the rubric (title, areas, bands, publication rules)
 * @param locale - `vi` or `en`
 * @example
 * ```ts
 * import { compile, evaluateAll, rank, renderRankingHtml } from "rubric-lang";
 * const source = 'rubric "Demo" { area "1" "Chỉ đạo" max 10 { input done: count, planned: count; score = 10 * done / planned } }';
 * const submissions = [
 *   { unit: { id: "a", name: "Sở A" }, self: { "1": { done: 8, planned: 10 } } },
 *   { unit: { id: "b", name: "Sở B" }, self: { "1": { done: 9, planned: 10 } } },
 * ];
 * const compiled = compile(source);
 * if (compiled.ok) {
 *   const html = renderRankingHtml(rank(compiled.rubric, evaluateAll(compiled.rubric, submissions)), compiled.rubric, "vi");
 *   console.log(html.startsWith("<!DOCTYPE html>")); // true: one page, nothing to fetch
 * }
 * ```
 * @category Report
 */
export function renderRankingHtml(ranking: RankResult, rubric: CompiledRubric, locale: Locale): string {
  const w = WORDS[locale];
  const c = CAPTIONS[locale];
  const title = `${w.title}: ${rubric.meta.title}`;
  const apart = unrankedTable(ranking, locale, rubric);
  const sections = [
    `<h1>${escapeHtml(title)}</h1>`,
    rubric.meta.basis === undefined ? "" : `<p class="basis">${escapeHtml(rubric.meta.basis)}</p>`,
    chartSvg(ranking, rubric, locale),
    bandLegend(ranking, rubric, locale),
    tableHtml(rankedTable(ranking, locale), { className: "ranking", caption: c.ranking(ranking.rows.length), rowHeader: 1 }),
    apart.rows.length === 0 ? "" : `<h2>${escapeHtml(w.unranked)}</h2>\n${tableHtml(apart, { className: "unranked", caption: c.unranked, rowHeader: 0 })}`,
    `<h2>${escapeHtml(c.byArea)}</h2>\n${tableHtml(breakdown(ranking, rubric, locale), { className: "areas", caption: c.areas, rowHeader: 0 })}`,
  ].filter((s) => s !== "");
  return htmlPage(locale, title, RANKING_CSS, sections.join("\n"));
}
