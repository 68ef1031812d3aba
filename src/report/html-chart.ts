/**
 * The ranking's SVG bar chart and its band legend. SVG cannot wrap text, and a label
 * drawn past the SVG's edge is cut off on screen and paper, so unit names are laid out
 * here: the label column is as wide as the longest name needs (within bounds), and a
 * name wider than that is wrapped into lines (`<tspan>`) and its row made taller.
 * Widths are estimated generously per character, since the page's font is unknown.
 * @module
 */
import type { CompiledRubric } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import { bandLabels } from "../rank/groups.js";
import type { RankResult } from "../rank/types.js";
import { escapeHtml } from "./html-page.js";
import { figure, WORDS } from "./locale.js";

const PALETTE = ["#1b7837", "#5aae61", "#a6dba0", "#fdb863", "#e66101", "#b2182b"];
/** The colour of a bar whose unit has no band. */
const NO_BAND = "#4a6fa5";
/** Label font size in px (the CSS sets the same). */
export const CHART_FONT_PX = 13;
const LINE_PX = 16;
/** Row heights are even, so bars and baselines fall on whole pixels. */
const MIN_ROW_PX = 18;
const BAR_PX = 14;
const LABEL_MIN_PX = 120;
const LABEL_MAX_PX = 340;
/** Space between a label's right end and its bar, and at the label column's left edge. */
const GAP_PX = 8;
/** Width of the bars at 100, and room after a full bar for its figure. */
const BARS_PX = 430;
const FIGURE_PX = 70;
/** Units per SVG: at the print scale, about 60 % of an A4 page's height. */
export const CHART_ROWS_PER_SVG = 40;
/** The chart's size on paper against its size on screen: 13 px labels print at about 6.6 pt. */
export const PRINT_SCALE = 0.68;

/**
 * A generous width of text in px at the chart's font size, per character: the widths
 * of DejaVu Sans and Verdana (the widest common sans fonts) rounded up — wide letters
 * (m, w, M, W) a full em, other capitals 0.8 em, narrow letters, spaces and stops
 * 0.42 em, combining marks nothing, anything else 0.66 em. A label measured so never
 * runs out of its column in those fonts or narrower ones (Arial, Liberation, Times).
 * @param text - the label
 */
export function labelWidthPx(text: string): number {
  let ems = 0;
  for (const c of text) ems += charEms(c);
  return ems * CHART_FONT_PX;
}

function charEms(c: string): number {
  if (/\p{M}/u.test(c)) return 0;
  if (/[mwMW@%]/.test(c)) return 1;
  if (c !== c.toLowerCase()) return 0.8;
  if (/[\sijlftr.,;:'!|()\-]/.test(c.normalize("NFD")[0] ?? c)) return 0.42;
  return 0.66;
}

/**
 * Breaks a label into lines no wider than `width` px: at spaces, and inside a word
 * only when the word alone is too wide.
 * @param text - the label
 * @param width - the widest a line may be
 */
export function wrapLabel(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const joined = line === "" ? word : `${line} ${word}`;
    if (labelWidthPx(joined) <= width) {
      line = joined;
      continue;
    }
    if (line !== "") lines.push(line);
    line = "";
    for (const c of word) {
      if (line !== "" && labelWidthPx(line + c) > width) {
        lines.push(line);
        line = "";
      }
      line += c;
    }
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines;
}

/** The colour of each band label, in the rubric's order. */
function bandColours(rubric: CompiledRubric): Map<string, string> {
  // One colour per label: the rubric's bands, then those of group blocks not named there.
  return new Map(bandLabels(rubric).map((label, i) => [label, PALETTE[i % PALETTE.length]!]));
}

/**
 * The bar chart of the published index by unit, bars coloured by band: one SVG per
 * {@link CHART_ROWS_PER_SVG} units, so a long ranking prints as several charts, each
 * within a page, rather than one cut at the page's foot. Each SVG carries its printed
 * height (`--print-height`): the drawing at {@link PRINT_SCALE}, so labels print at
 * one readable size however many units there are.
 * @param ranking - the result of `rank`
 * @param rubric - the rubric (its bands)
 * @param locale - figures' notation and the chart's label
 */
export function chartSvg(ranking: RankResult, rubric: CompiledRubric, locale: Locale): string {
  const colours = bandColours(rubric);
  const labels = ranking.rows.map((r) => `${r.rank}. ${r.unit.name ?? r.unit.id}`);
  let widest = 0;
  for (const l of labels) widest = Math.max(widest, labelWidthPx(l));
  const labelWidth = Math.min(LABEL_MAX_PX, Math.max(LABEL_MIN_PX, Math.ceil(widest) + 2 * GAP_PX));
  const width = labelWidth + BARS_PX + FIGURE_PX;
  const charts: string[] = [];
  for (let first = 0; first < ranking.rows.length; first += CHART_ROWS_PER_SVG) {
    let top = 0;
    const bars = ranking.rows.slice(first, first + CHART_ROWS_PER_SVG).map((r, k) => {
      const drawn = barRow(r, labels[first + k]!, top, labelWidth, colours, locale);
      top += drawn.height;
      return drawn.svg;
    });
    const height = top + 8;
    const printHeight = Math.ceil(height * PRINT_SCALE);
    charts.push(`<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" style="--print-height: ${printHeight}px" role="img" aria-label="${escapeHtml(WORDS[locale].index)}">\n${bars.join("\n")}\n</svg>`);
  }
  return charts.join("\n");
}

/** One unit's row of the chart: its label (in lines), its bar and its figure; and the row's height. */
function barRow(r: RankResult["rows"][number], label: string, top: number, labelWidth: number, colours: ReadonlyMap<string, string>, locale: Locale): { svg: string; height: number } {
  const lines = wrapLabel(label, labelWidth - 2 * GAP_PX);
  const height = Math.max(MIN_ROW_PX, lines.length * LINE_PX + 2);
  const middle = top + height / 2;
  // Lines centred on the bar; a baseline sits about a third of the font below a line's middle.
  const firstBaseline = middle - ((lines.length - 1) * LINE_PX) / 2 + 4;
  const spans = lines.map((l, k) => `<tspan x="${labelWidth - GAP_PX}" y="${firstBaseline + k * LINE_PX}">${escapeHtml(l)}</tspan>`).join("");
  const value = Number(r.published.index); // drawing only: the figure shown is the published string
  const w = Math.max(0, Math.min(100, value)) * (BARS_PX / 100);
  const colour = r.band === undefined ? NO_BAND : colours.get(r.band) ?? NO_BAND;
  const shown = escapeHtml(figure(r.published.index, locale));
  const svg = [
    `<text class="unit" text-anchor="end">${spans}</text>`,
    `<rect class="bar" data-unit="${escapeHtml(r.unit.id)}" x="${labelWidth}" y="${middle - BAR_PX / 2}" width="${w.toFixed(2)}" height="${BAR_PX}" fill="${colour}"><title>${shown}</title></rect>`,
    `<text x="${(labelWidth + w + 6).toFixed(2)}" y="${middle + 4}">${shown}</text>`,
  ].join("");
  return { svg, height };
}

/**
 * The legend of the bars' colours: one swatch per band, in the rubric's order, and one
 * for units without a band when some have none. Empty when no ranked unit has a band.
 * @param ranking - the result of `rank`
 * @param rubric - the rubric (its bands)
 * @param locale - the legend's words
 */
export function bandLegend(ranking: RankResult, rubric: CompiledRubric, locale: Locale): string {
  if (!ranking.rows.some((r) => r.band !== undefined)) return "";
  const colours = bandColours(rubric);
  const entries = [...colours].map(([label, colour]) => ({ label, colour }));
  if (ranking.rows.some((r) => r.band === undefined)) entries.push({ label: locale === "vi" ? "Chưa xếp loại" : "No band", colour: NO_BAND });
  // Swatches are SVG, not CSS backgrounds, which browsers leave out of print by default.
  const items = entries.map((e) => `<li><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="${e.colour}"/></svg> ${escapeHtml(e.label)}</li>`);
  return `<ul class="legend" aria-label="${escapeHtml(WORDS[locale].band)}"><li class="legend-title">${escapeHtml(WORDS[locale].band)}:</li>${items.join("")}</ul>`;
}
