/**
 * What-if reports in text, Markdown, CSV and JSON, Vietnamese and English, and the
 * wording of the problems `whatIf` can return.
 * @module
 */
import type { CompiledRubric } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import { figure } from "../report/locale.js";
import { unrankedReason } from "../report/unit-errors.js";
import { renderTable, type TableFormat } from "../report/render.js";
import type { Table } from "../report/table.js";
import { Exact } from "../runtime/exact.js";
import type { WhatIfProblem, WhatIfResult } from "./whatif.js";
import { ANALYSIS_WORDS } from "./words.js";

/** A decimal or fraction as a report shows it: at most 4 decimals, the locale's decimal mark. */
function shown(value: string, locale: Locale): string {
  const e = Exact.of(value);
  const t = e.terminatingDecimals();
  return figure(t !== undefined && t <= 4 ? e.toString() : `≈${e.toFixed(4, "half-even")}`, locale);
}

function targetText(r: WhatIfResult, locale: Locale): string {
  if ("rank" in r.target) return locale === "vi" ? `hạng ${r.target.rank} trở lên` : `rank ${r.target.rank} or better`;
  return locale === "vi" ? `xếp loại "${r.target.band}" trở lên` : `band "${r.target.band}" or better`;
}

/**
 * The changes' table.
 * @param r - the result
 * @param locale - `vi` or `en`
 */
export function whatIfTable(r: WhatIfResult, locale: Locale): Table {
  const w = ANALYSIS_WORDS[locale];
  const hasBand = r.steps.some((s) => s.band !== undefined);
  return {
    head: [w.criterion, w.input, w.from, w.to, w.steps, w.gained, w.perStep, w.rankAfter, ...(hasBand ? [w.band] : []), w.index],
    rows: r.steps.map((s) => [
      `${s.node} ${s.title}`, s.input === "points" ? w.points : s.input, shown(s.from, locale), shown(s.to, locale), String(s.steps),
      shown(s.gained, locale), shown(s.perStep, locale), String(s.rank), ...(hasBand ? [s.band ?? ""] : []), figure(s.index, locale),
    ]),
    right: new Set([2, 3, 4, 5, 6, 7]),
  };
}

/**
 * Renders a what-if result.
 * @param r - the result of `whatIf`
 * @param format - text, md, csv or json
 * @param locale - `vi` or `en`
 * @example
 * ```ts
 * import { compile, renderWhatIf, whatIf, whatIfProblemText } from "rubric-lang";
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
 *   const w = whatIf(compiled.rubric, submissions, "b", { rank: 1 });
 *   if (w.ok) console.log(renderWhatIf(w.result, "text", "vi")); // which inputs would lift Sở B to first place, and by how much
 *   else console.error(whatIfProblemText(w.problem, "vi"));
 * }
 * ```
 * @category Analysis
 */
export function renderWhatIf(r: WhatIfResult, format: TableFormat, locale: Locale): string {
  if (format === "json") return `${JSON.stringify(r, null, 2)}\n`;
  const table = whatIfTable(r, locale);
  if (format === "csv") return `${renderTable(table, "csv")}\r\n`;
  const w = ANALYSIS_WORDS[locale];
  const name = r.unit.name ?? r.unit.id;
  const now = locale === "vi"
    ? `${name}: hiện xếp hạng ${r.now.rank}/${r.now.of}${r.now.band === undefined ? "" : `, xếp loại ${r.now.band}`}, chỉ số ${figure(r.now.index, locale)}. Mục tiêu: ${targetText(r, locale)}.`
    : `${name}: now rank ${r.now.rank} of ${r.now.of}${r.now.band === undefined ? "" : `, band ${r.now.band}`}, index ${r.now.index}. Target: ${targetText(r, locale)}.`;
  const parts = [format === "md" ? `# ${w.whatif}` : `${w.whatif}:`, "", now, ""];
  if (r.reached) parts.push(locale === "vi" ? "Đơn vị đã đạt mục tiêu; không cần thay đổi." : "The unit already meets the target; nothing needs to change.");
  else if (r.steps.length === 0) {
    parts.push(locale === "vi"
      ? `Không đạt được: không một số liệu nào (trong ${r.searched} số liệu đã xét), thay đổi riêng lẻ trong phạm vi cho phép, đưa đơn vị tới ${targetText(r, locale)}; cần cải thiện nhiều tiêu chí cùng lúc.`
      : `Not reachable: no single input (of the ${r.searched} searched), changed alone within its declared range, brings the unit to ${targetText(r, locale)}; several criteria would have to improve together.`);
  } else {
    parts.push(locale === "vi"
      ? "Mỗi dòng là một thay đổi riêng lẻ nhỏ nhất đủ để đạt mục tiêu, các đơn vị khác giữ nguyên; xếp theo điểm tăng mỗi bước, cao nhất trước."
      : "Each row is the smallest single change that reaches the target, the other units unchanged; most points gained per step first.", "", renderTable(table, format));
  }
  return `${parts.join("\n")}\n`;
}

/**
 * What a what-if problem says, in the report's language.
 * @param p - the problem
 * @param locale - `vi` or `en`
 * @param rubric - the rubric, so a unit's missing values are named by their labels (optional)
 * @category Analysis
 */
export function whatIfProblemText(p: WhatIfProblem, locale: Locale, rubric?: CompiledRubric): string {
  const vi = locale === "vi";
  switch (p.code) {
    case "unknown-unit": return vi ? `không có bài tự chấm nào của đơn vị "${p.unit}" trong dữ liệu` : `no submission for unit "${p.unit}" in the data`;
    case "not-ranked": {
      const why = p.cause === undefined ? p.reason : unrankedReason({ unit: { id: p.unit }, reason: p.reason, cause: p.cause }, rubric, locale);
      const unit = p.name ?? p.unit;
      return vi ? `đơn vị "${unit}" chưa được xếp hạng nên không thể tính: ${why}` : `unit "${unit}" is not ranked, so there is nothing to move: ${why}`;
    }
    case "cohort-rubric": return vi
      ? "bộ tiêu chí có điểm tính theo các đơn vị khác (cohort.…): khi số liệu của một đơn vị thay đổi thì điểm của các đơn vị khác cũng thay đổi, điều mà phân tích what-if chưa tính được; không chạy để tránh cho kết quả sai"
      : "the rubric has cohort figures (cohort.…): a change to one unit's data moves the other units' figures, which what-if does not follow yet; it is refused rather than give a wrong answer";
    case "unknown-band": return vi ? `bộ tiêu chí không có xếp loại "${p.band}" (các xếp loại: ${p.bands.join(", ") || "không có"})` : `the rubric has no band "${p.band}" (bands: ${p.bands.join(", ") || "none"})`;
    case "bad-rank": return vi ? `hạng mục tiêu phải là số nguyên từ 1 đến ${p.of}, không phải ${p.rank}` : `the target rank must be a whole number from 1 to ${p.of}, not ${p.rank}`;
  }
}
