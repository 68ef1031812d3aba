/**
 * The ranking as one self-contained HTML page: an SVG bar chart of the published
 * index by unit (bars coloured by band), the ranked table, units not ranked, and a
 * per-area breakdown for each unit. No script, no external file: it can be mailed,
 * archived or opened offline.
 * @module
 */
import type { CompiledRubric } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import type { RankResult } from "../rank/types.js";
import { publishText } from "../runtime/exact.js";
import { figure, WORDS } from "./locale.js";
import { rankedTable, unrankedTable, type Table } from "./table.js";

const PALETTE = ["#1b7837", "#5aae61", "#a6dba0", "#fdb863", "#e66101", "#b2182b"];

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function tableHtml(table: Table, className: string): string {
  const head = table.head.map((h) => `<th>${escapeHtml(h)}</th>`).join("");
  const cell = (c: string, i: number): string => (table.right?.has(i) ? `<td class="num">${escapeHtml(c)}</td>` : `<td>${escapeHtml(c)}</td>`);
  const rows = table.rows.map((r) => `<tr>${r.map(cell).join("")}</tr>`).join("\n");
  return `<table class="${className}"><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function chart(ranking: RankResult, rubric: CompiledRubric, locale: Locale): string {
  const bandColour = new Map(rubric.bands.map((b, i) => [b.label, PALETTE[i % PALETTE.length]!]));
  const rowHeight = 26;
  const width = 720;
  const labelWidth = 220;
  const scale = (width - labelWidth - 70) / 100;
  const bars = ranking.rows.map((r, i) => {
    const y = i * rowHeight + 4;
    const value = Number(r.published.index); // drawing only: the figure shown is the published string
    const w = Math.max(0, Math.min(100, value)) * scale;
    const colour = r.band === undefined ? "#4a6fa5" : bandColour.get(r.band) ?? "#4a6fa5";
    return [
      `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${escapeHtml(`${r.rank}. ${r.unit.name ?? r.unit.id}`)}</text>`,
      `<rect class="bar" data-unit="${escapeHtml(r.unit.id)}" x="${labelWidth}" y="${y}" width="${w.toFixed(2)}" height="${rowHeight - 8}" fill="${colour}"><title>${escapeHtml(figure(r.published.index, locale))}</title></rect>`,
      `<text x="${(labelWidth + w + 6).toFixed(2)}" y="${y + 16}">${escapeHtml(figure(r.published.index, locale))}</text>`,
    ].join("");
  });
  const height = ranking.rows.length * rowHeight + 8;
  return `<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(WORDS[locale].index)}">\n${bars.join("\n")}\n</svg>`;
}

function breakdown(ranking: RankResult, rubric: CompiledRubric, locale: Locale): Table {
  const { precision, rounding } = rubric.publish;
  return {
    head: [WORDS[locale].unit, ...rubric.nodes.map((n) => `${n.id}. ${n.title} (${figure(publishText(n.max, precision, rounding), locale)})`)],
    rows: ranking.rows.map((r) => [r.unit.name ?? r.unit.id, ...rubric.nodes.map((n) => figure(publishText(r.areas[n.id] ?? "0", precision, rounding), locale))]),
    right: new Set(rubric.nodes.map((_, i) => i + 1)),
  };
}

/**
 * Renders the ranking as a self-contained HTML page.
 * @param ranking - the result of `rank`
 * @param rubric - the rubric (title, areas, bands, publication rules)
 * @param locale - `vi` or `en`
 */
export function renderRankingHtml(ranking: RankResult, rubric: CompiledRubric, locale: Locale): string {
  const w = WORDS[locale];
  const title = `${w.title}: ${rubric.meta.title}`;
  const apart = unrankedTable(ranking, locale, rubric);
  const sections = [
    `<h1>${escapeHtml(title)}</h1>`,
    rubric.meta.basis === undefined ? "" : `<p class="basis">${escapeHtml(rubric.meta.basis)}</p>`,
    chart(ranking, rubric, locale),
    tableHtml(rankedTable(ranking, locale), "ranking"),
    apart.rows.length === 0 ? "" : `<h2>${escapeHtml(w.unranked)}</h2>\n${tableHtml(apart, "unranked")}`,
    `<h2>${escapeHtml(locale === "vi" ? "Điểm theo lĩnh vực" : "Points by area")}</h2>\n${tableHtml(breakdown(ranking, rubric, locale), "areas")}`,
  ].filter((s) => s !== "");
  const css = [
    "body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }",
    "table { border-collapse: collapse; margin: 1rem 0; }",
    "th, td { border: 1px solid #ccc; padding: 0.3rem 0.6rem; text-align: left; }",
    "td.num { text-align: right; }",
    "svg text { font-size: 13px; }",
    ".basis { color: #555; }",
  ];
  return htmlPage(locale, title, css, sections.join("\n"));
}

/**
 * A self-contained HTML page: doctype, language, title, the page's own CSS, the body.
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
