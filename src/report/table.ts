/**
 * The ranked table as plain cells, shared by every text format.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import type { CompiledRubric } from "../compile/types.js";
import type { RankedRow, RankResult } from "../rank/types.js";
import { changeText, figure, rankText, WORDS } from "./locale.js";
import { readable } from "./trace-text.js";
import { Exact } from "../runtime/exact.js";
import { unrankedReason } from "./unit-errors.js";

/**
 * A table of strings: headings and rows.
 * @category Report
 */
export interface Table {
  /** Column headings. */
  readonly head: readonly string[];
  /** Rows of cells, as many as headings. */
  readonly rows: readonly (readonly string[])[];
  /** Columns whose figures align right (by index); the others align left. */
  readonly right?: ReadonlySet<number>;
}

/**
 * Why a unit is above the next one it equals on the first key: `hơn Sở X ở lĩnh vực 1`.
 * @param tieBreak - the deciding key and the unit below
 * @param below - that unit's name
 * @param locale - report language
 * @category Report
 */
export function tieBreakText(tieBreak: NonNullable<RankedRow["tieBreak"]>, below: string, locale: Locale): string {
  const target = tieBreak.key.target;
  const vi = locale === "vi";
  const what = target.kind === "node" ? (vi ? `lĩnh vực ${target.id}` : `area ${target.id}`) : KEY_NAME[locale][target.name];
  if (tieBreak.key.direction === "desc") return vi ? `hơn ${below} ở ${what}` : `ahead of ${below} on ${what}`;
  return vi ? `${what} thấp hơn ${below}` : `lower ${what} than ${below}`;
}

const KEY_NAME: Readonly<Record<Locale, Readonly<Record<"index" | "points" | "bonus" | "penalty", string>>>> = {
  vi: { index: "chỉ số", points: "tổng điểm", bonus: "điểm thưởng", penalty: "điểm trừ" },
  en: { index: "the index", points: "the points", bonus: "the bonus", penalty: "the penalty" },
};

/** A row's applicable maximum: as written when it ends (`88`, `97.5`), else at the points' published precision (`10/3` → `3,33`). */
function maxText(r: RankedRow, locale: Locale): string {
  const m = Exact.of(r.max);
  if (m.terminatingDecimals() !== undefined) return readable(r.max, locale);
  const places = r.published.points.split(".")[1]?.length ?? 0;
  return figure(m.toFixed(places, "half-up"), locale);
}

/**
 * The ranked table: rank, unit, (group), points, index, (band), (change).
 * Optional columns appear only when some row has them.
 * @param ranking - the result of `rank`
 * @param locale - report language
 * @category Report
 */
export function rankedTable(ranking: RankResult, locale: Locale): Table {
  const w = WORDS[locale];
  const hasGroup = ranking.rows.some((r) => r.group !== "");
  const hasBand = ranking.rows.some((r) => r.band !== undefined);
  const hasChange = ranking.rows.some((r) => r.previous !== undefined);
  const hasNote = ranking.rows.some((r) => r.tieBreak !== undefined);
  // The applicable maximum, when units' maxima differ: an index is points out of it.
  const hasMax = ranking.rows.some((r) => r.max !== ranking.rows[0]!.max);
  const names = hasNote ? new Map(ranking.rows.map((r) => [r.unit.id, r.unit.name ?? r.unit.id])) : undefined;
  const head = [w.rank, w.unit, ...(hasGroup ? [w.group] : []), w.points, ...(hasMax ? [w.max] : []), w.index, ...(hasBand ? [w.band] : []), ...(hasChange ? [w.change] : []), ...(hasNote ? [w.note] : [])];
  const rows = ranking.rows.map((r) => [
    rankText(r),
    r.unit.name ?? r.unit.id,
    ...(hasGroup ? [r.group] : []),
    figure(r.published.points, locale),
    ...(hasMax ? [maxText(r, locale)] : []),
    figure(r.published.index, locale),
    ...(hasBand ? [r.band ?? ""] : []),
    ...(hasChange ? [changeText(r.previous, locale)] : []),
    ...(hasNote ? [r.tieBreak === undefined ? "" : tieBreakText(r.tieBreak, names!.get(r.tieBreak.over) ?? r.tieBreak.over, locale)] : []),
  ]);
  const right = new Set([0, head.indexOf(w.points), head.indexOf(w.index), ...(hasMax ? [head.indexOf(w.max)] : [])]);
  return { head, rows, right };
}

/**
 * Units not ranked, with the reason.
 * @param ranking - the result of `rank`
 * @param locale - report language
 * @param rubric - the rubric, so reasons name inputs by their labels (optional)
 * @category Report
 */
export function unrankedTable(ranking: RankResult, locale: Locale, rubric?: CompiledRubric): Table {
  const w = WORDS[locale];
  return { head: [w.unit, w.reason], rows: ranking.unranked.map((u) => [u.unit.name ?? u.unit.id, unrankedReason(u, rubric, locale)]) };
}
