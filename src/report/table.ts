/**
 * The ranked table as plain cells, shared by every text format.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import type { RankResult } from "../rank/types.js";
import { changeText, figure, rankText, WORDS } from "./locale.js";

/** A table of strings: headings and rows. */
export interface Table {
  /** Column headings. */
  readonly head: readonly string[];
  /** Rows of cells, as many as headings. */
  readonly rows: readonly (readonly string[])[];
  /** Columns whose figures align right (by index); the others align left. */
  readonly right?: ReadonlySet<number>;
}

/**
 * The ranked table: rank, unit, (group), points, index, (band), (change).
 * Optional columns appear only when some row has them.
 * @param ranking - the result of `rank`
 * @param locale - report language
 */
export function rankedTable(ranking: RankResult, locale: Locale): Table {
  const w = WORDS[locale];
  const hasGroup = ranking.rows.some((r) => r.group !== "");
  const hasBand = ranking.rows.some((r) => r.band !== undefined);
  const hasChange = ranking.rows.some((r) => r.previous !== undefined);
  const head = [w.rank, w.unit, ...(hasGroup ? [w.group] : []), w.points, w.index, ...(hasBand ? [w.band] : []), ...(hasChange ? [w.change] : [])];
  const rows = ranking.rows.map((r) => [
    rankText(r),
    r.unit.name ?? r.unit.id,
    ...(hasGroup ? [r.group] : []),
    figure(r.published.points, locale),
    figure(r.published.index, locale),
    ...(hasBand ? [r.band ?? ""] : []),
    ...(hasChange ? [changeText(r.previous, locale)] : []),
  ]);
  const right = new Set([0, head.indexOf(w.points), head.indexOf(w.index)]);
  return { head, rows, right };
}

/**
 * Units not ranked, with the reason.
 * @param ranking - the result of `rank`
 * @param locale - report language
 */
export function unrankedTable(ranking: RankResult, locale: Locale): Table {
  const w = WORDS[locale];
  return { head: [w.unit, w.reason], rows: ranking.unranked.map((u) => [u.unit.name ?? u.unit.id, u.reason]) };
}
