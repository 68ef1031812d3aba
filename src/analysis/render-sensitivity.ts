/**
 * Sensitivity reports: text, Markdown, CSV, JSON and an HTML page with an SVG chart of
 * rank intervals (units by nominal rank; the 5–95 % interval as a bar, the nominal
 * rank as a dot, the median as a tick). Pure functions of the result and the locale.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import { escapeHtml, htmlPage } from "../report/html.js";
import { figure } from "../report/locale.js";
import { renderTable, type TableFormat } from "../report/render.js";
import type { Table } from "../report/table.js";
import { Exact } from "../runtime/exact.js";
import { decimalCommas } from "../vi-phrases.js";
import type { SensitivityResult } from "./stats.js";
import { ANALYSIS_WORDS, factorName } from "./words.js";

function share(count: number, total: number, locale: Locale): string {
  return figure(Exact.fraction(BigInt(count * 100), BigInt(Math.max(1, total))).toFixed(1, "half-even"), locale);
}

/**
 * The units' table: nominal rank, median, interval, unscored samples, band shares.
 * @param r - the result
 * @param locale - `vi` or `en`
 */
export function sensitivityTable(r: SensitivityResult, locale: Locale): Table {
  const w = ANALYSIS_WORDS[locale];
  const head = [w.unit, w.nominal, w.median, w.interval, w.unscored, ...r.bandLabels.map((b) => w.share(b))];
  const rows = r.units.map((u) => [u.unit.name ?? u.unit.id, String(u.nominalRank), String(u.median), `${u.p5}–${u.p95}`, String(u.unscored), ...r.bandLabels.map((b) => share(u.bands[b] ?? 0, r.samples, locale))]);
  return { head, rows, right: new Set(head.map((_, i) => i).filter((i) => i > 0)) };
}

const POLICY_VI: Readonly<Record<string, string>> = { "as-declared": "như bộ tiêu chí", exclude: "loại khỏi điểm tối đa", zero: "tính 0 điểm", full: "tính đủ điểm" };

function valuesText(f: SensitivityResult["factors"][number], locale: Locale): string {
  if (locale === "en") return f.values;
  if (f.kind === "na-policy") return f.values.split(", ").map((c) => POLICY_VI[c] ?? c).join(", ");
  return decimalCommas(f.values).replace(" step ", " bước ");
}

/**
 * The factors' table: values, nominal value, first-order index.
 * @param r - the result
 * @param locale - `vi` or `en`
 */
export function factorTable(r: SensitivityResult, locale: Locale): Table {
  const w = ANALYSIS_WORDS[locale];
  return {
    head: [w.factor, w.values, w.nominalValue, w.firstOrder],
    rows: r.factors.map((f) => [factorName(f, locale), valuesText(f, locale), f.nominal === undefined ? "" : figure(f.nominal, locale), f.firstOrder === undefined ? "" : figure(f.firstOrder, locale)]),
    right: new Set([3]),
  };
}

/**
 * Renders a sensitivity result.
 * @param r - the result of `sensitivity`
 * @param format - text, md, csv (the units' table) or json (the whole result)
 * @param locale - `vi` or `en`
 * @example
 * ```ts
 * import { compile, renderSensitivity, sensitivity } from "rubric-lang";
 * const source = `rubric "Demo" {
 *   area "1" "Chỉ đạo" max 40 { input done: count, planned: count; score = 40 * done / planned }
 *   area "2" "Thủ tục" max 60 { input ontime: percent; score = 60 * ontime }
 * }`;
 * const submissions = [
 *   { unit: { id: "a", name: "Sở A" }, self: { "1": { done: 9, planned: 10 }, "2": { ontime: 70 } } },
 *   { unit: { id: "b", name: "Sở B" }, self: { "1": { done: 6, planned: 10 }, "2": { ontime: 85 } } },
 * ];
 * const compiled = compile(source);
 * if (compiled.ok) {
 *   const plan = { factors: [{ kind: "weight", node: "1", min: "0.5", max: "1.5", step: "0.1" }], samples: 200, seed: 7 };
 *   const s = sensitivity(compiled.rubric, submissions, plan);
 *   if (s.ok) console.log(renderSensitivity(s.result, "text", "en")); // how often each unit keeps its rank
 *   else console.error(s.problems); // what is wrong with the plan, and what to write
 * }
 * ```
 * @category Analysis
 */
export function renderSensitivity(r: SensitivityResult, format: TableFormat, locale: Locale): string {
  if (format === "json") return `${JSON.stringify(r, null, 2)}\n`;
  const w = ANALYSIS_WORDS[locale];
  const units = sensitivityTable(r, locale);
  if (format === "csv") return `${renderTable(units, "csv")}\r\n`;
  const factors = factorTable(r, locale);
  const apart: Table = { head: [w.unit, w.reason], rows: r.unranked.map((u) => [u.unit.name ?? u.unit.id, u.reason]) };
  const md = format === "md";
  const heading = (t: string, level: number): string => (md ? `${"#".repeat(level)} ${t}` : level === 1 ? t : `${t}:`);
  const parts = [heading(`${w.sensitivity}: ${r.rubric.title}`, 1), "", w.run(r.samples, r.seed, r.sampling), w.meanShift(figure(r.meanShift, locale)), "", renderTable(units, format), "", heading(w.factors, 2), "", renderTable(factors, format), "", w.estimator];
  if (apart.rows.length > 0) parts.push("", heading(w.unranked, 2), "", renderTable(apart, format));
  return `${parts.join("\n")}\n`;
}

function tableHtml(table: Table, className: string): string {
  const head = table.head.map((h) => `<th>${escapeHtml(h)}</th>`).join("");
  const cell = (c: string, i: number): string => (table.right?.has(i) === true ? `<td class="num">${escapeHtml(c)}</td>` : `<td>${escapeHtml(c)}</td>`);
  return `<table class="${className}"><thead><tr>${head}</tr></thead><tbody>\n${table.rows.map((r) => `<tr>${r.map(cell).join("")}</tr>`).join("\n")}\n</tbody></table>`;
}

/** The SVG chart of rank intervals. */
function intervalChart(r: SensitivityResult, locale: Locale): string {
  const w = ANALYSIS_WORDS[locale];
  const rowHeight = 22;
  const left = 330;
  const plot = 460;
  const top = 10;
  const most = Math.max(2, ...r.units.map((u) => Math.max(u.p95, u.nominalRank)));
  const x = (rank: number): number => left + ((rank - 1) / (most - 1)) * plot;
  const rows = r.units.map((u, i) => {
    const y = top + i * rowHeight;
    const mid = y + rowHeight / 2;
    const name = escapeHtml(`${u.nominalRank}. ${u.unit.name ?? u.unit.id}`);
    const tip = escapeHtml(`${w.median} ${u.median}; ${w.interval} ${u.p5}–${u.p95}`);
    return [
      `<text x="${left - 8}" y="${mid + 4}" text-anchor="end">${name}</text>`,
      `<rect class="interval" data-unit="${escapeHtml(u.unit.id)}" x="${(x(u.p5) - 3).toFixed(2)}" y="${mid - 5}" width="${(x(u.p95) - x(u.p5) + 6).toFixed(2)}" height="10" rx="4" fill="#9db4d6"><title>${tip}</title></rect>`,
      `<line class="median" x1="${x(u.median).toFixed(2)}" x2="${x(u.median).toFixed(2)}" y1="${mid - 7}" y2="${mid + 7}" stroke="#1f3b63" stroke-width="2"/>`,
      `<circle class="nominal" cx="${x(u.nominalRank).toFixed(2)}" cy="${mid}" r="4" fill="#c0392b"/>`,
    ].join("");
  });
  const axisY = top + r.units.length * rowHeight + 6;
  const every = Math.max(1, Math.ceil(most / 12));
  const ticks: string[] = [];
  for (let k = 1; k <= most; k += every) ticks.push(`<line x1="${x(k).toFixed(2)}" x2="${x(k).toFixed(2)}" y1="${axisY}" y2="${axisY + 5}" stroke="#333"/><text class="tick" x="${x(k).toFixed(2)}" y="${axisY + 18}" text-anchor="middle">${k}</text>`);
  const height = axisY + 44;
  const width = left + plot + 40;
  return `<svg class="intervals" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(w.interval)}">
${rows.join("\n")}
<line class="axis" x1="${left}" x2="${left + plot}" y1="${axisY}" y2="${axisY}" stroke="#333"/>
${ticks.join("")}
<text class="axis-label" x="${left + plot / 2}" y="${axisY + 38}" text-anchor="middle">${escapeHtml(w.rankAxis)}</text>
</svg>`;
}

/**
 * Renders a sensitivity result as a self-contained HTML page.
 * @param r - the result of `sensitivity`
 * @param locale - `vi` or `en`
 * @category Analysis
 */
export function renderSensitivityHtml(r: SensitivityResult, locale: Locale): string {
  const w = ANALYSIS_WORDS[locale];
  const title = `${w.sensitivity}: ${r.rubric.title}`;
  const apart: Table = { head: [w.unit, w.reason], rows: r.unranked.map((u) => [u.unit.name ?? u.unit.id, u.reason]) };
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(w.run(r.samples, r.seed, r.sampling))} ${escapeHtml(w.meanShift(figure(r.meanShift, locale)))}</p>`,
    intervalChart(r, locale),
    `<p class="legend">${escapeHtml(w.legend)}</p>`,
    tableHtml(sensitivityTable(r, locale), "units"),
    `<h2>${escapeHtml(w.factors)}</h2>`,
    tableHtml(factorTable(r, locale), "factors"),
    `<p class="note">${escapeHtml(w.estimator)}</p>`,
    apart.rows.length === 0 ? "" : `<h2>${escapeHtml(w.unranked)}</h2>\n${tableHtml(apart, "unranked")}`,
  ].filter((s) => s !== "");
  const css = [
    "body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }",
    "table { border-collapse: collapse; margin: 1rem 0; }",
    "th, td { border: 1px solid #ccc; padding: 0.3rem 0.6rem; text-align: left; }",
    "td.num { text-align: right; }",
    "svg text { font-size: 13px; }",
    ".legend, .note { color: #555; }",
  ];
  return htmlPage(locale, title, css, body.join("\n"));
}
