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

/** Which optional columns a ranked table has: those some row needs. */
export interface RankedColumns {
  /** Some unit has a group. */
  readonly group: boolean;
  /** Units' applicable maxima differ (an index is points out of it). */
  readonly max: boolean;
  /** Some unit has a band. */
  readonly band: boolean;
  /** Last period's table was given. */
  readonly change: boolean;
  /** A later sort key broke some tie. */
  readonly note: boolean;
}

/**
 * The optional columns the rows need, in one pass over them.
 * @param rows - the ranked rows, in any order
 */
export function rankedColumns(rows: Iterable<RankedRow>): RankedColumns {
  let group = false, band = false, change = false, note = false, max = false;
  let firstMax: string | undefined;
  for (const r of rows) {
    if (r.group !== "") group = true;
    if (r.band !== undefined) band = true;
    if (r.previous !== undefined) change = true;
    if (r.tieBreak !== undefined) note = true;
    if (firstMax === undefined) firstMax = r.max;
    else if (r.max !== firstMax) max = true;
  }
  return { group, max, band, change, note };
}

/**
 * The ranked table's headings, and the columns of figures (aligned right).
 * @param columns - the optional columns present
 * @param locale - report language
 */
export function rankedHead(columns: RankedColumns, locale: Locale): { readonly head: readonly string[]; readonly right: ReadonlySet<number> } {
  const w = WORDS[locale];
  const head = [w.rank, w.unit, ...(columns.group ? [w.group] : []), w.points, ...(columns.max ? [w.max] : []), w.index, ...(columns.band ? [w.band] : []), ...(columns.change ? [w.change] : []), ...(columns.note ? [w.note] : [])];
  return { head, right: new Set([0, head.indexOf(w.points), head.indexOf(w.index), ...(columns.max ? [head.indexOf(w.max)] : [])]) };
}

/**
 * One ranked row's cells, under {@link rankedHead}'s headings.
 * @param r - the row
 * @param columns - the optional columns present
 * @param locale - report language
 * @param nameOf - the name shown for a unit id (for the unit a tie was broken against)
 */
export function rankedCells(r: RankedRow, columns: RankedColumns, locale: Locale, nameOf: (id: string) => string): string[] {
  return [
    rankText(r),
    r.unit.name ?? r.unit.id,
    ...(columns.group ? [r.group] : []),
    figure(r.published.points, locale),
    ...(columns.max ? [maxText(r, locale)] : []),
    figure(r.published.index, locale),
    ...(columns.band ? [r.band ?? ""] : []),
    ...(columns.change ? [changeText(r.previous, locale)] : []),
    ...(columns.note ? [r.tieBreak === undefined ? "" : tieBreakText(r.tieBreak, nameOf(r.tieBreak.over), locale)] : []),
  ];
}

/**
 * The ranked table: rank, unit, (group), points, (max), index, (band), (change), (note).
 * Optional columns appear only when some row has them.
 * @param ranking - the result of `rank`
 * @param locale - report language
 * @category Report
 */
export function rankedTable(ranking: RankResult, locale: Locale): Table {
  const columns = rankedColumns(ranking.rows);
  const names = columns.note ? new Map(ranking.rows.map((r) => [r.unit.id, r.unit.name ?? r.unit.id])) : undefined;
  const { head, right } = rankedHead(columns, locale);
  const rows = ranking.rows.map((r) => rankedCells(r, columns, locale, (id) => names?.get(id) ?? id));
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
