/**
 * The ranked table of a {@link CompactRanked} ranking in a table format, a line at a
 * time: the same bytes as `renderRanking` of `rank` for the same units, made without
 * holding the rows.
 * @module
 */
import type { CompiledRubric } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import type { CompactRanked } from "../rank/compact.js";
import type { UnrankedRow } from "../rank/types.js";
import { rankingLines, type TableFormat } from "./render.js";
import { rankedCells, rankedColumns, rankedHead, unrankedTable } from "./table.js";

/**
 * The ranked table's lines, each with its line end.
 * @param ranked - the ranking
 * @param unranked - the units not ranked (the ranking's, with any refused while read), by id
 * @param format - `text`, `md` or `csv`
 * @param locale - report language
 * @param title - the title line
 * @param rubric - the rubric, so reasons name inputs by their labels
 */
export function compactRankingLines(ranked: CompactRanked, unranked: readonly UnrankedRow[], format: Exclude<TableFormat, "json">, locale: Locale, title: string, rubric: CompiledRubric): Iterable<string> {
  const columns = rankedColumns(ranked.rows());
  const { head, right } = rankedHead(columns, locale);
  const rows = function* (): Generator<string[]> {
    for (const r of ranked.rows()) yield rankedCells(r, columns, locale, ranked.nameOf);
  };
  const apart = unrankedTable({ rows: [], unranked, policy: ranked.order.policy }, locale, rubric);
  return rankingLines({ head, right, rows, apart }, format, locale, title);
}
