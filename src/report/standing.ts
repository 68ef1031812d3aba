/**
 * Where a unit stands, for its explanation: its rank, the units just above and below it
 * and the difference in the published index to each (`Xếp hạng 2/17. Xếp trên: …`).
 * @module
 */
import type { CompiledRubric } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import type { RankedRow, RankResult } from "../rank/types.js";
import { Exact } from "../runtime/exact.js";
import { bandBasisText } from "./band-text.js";
import { figure, rankText } from "./locale.js";
import { tieBreakText } from "./table.js";
import { unrankedReason } from "./unit-errors.js";

function neighbour(row: RankedRow, self: RankedRow, above: boolean, locale: Locale): string {
  const vi = locale === "vi";
  const name = row.unit.name ?? row.unit.id;
  const gap = Exact.of(row.published.index).minus(Exact.of(self.published.index)).abs().toString();
  const shown = figure(Exact.of(gap).toFixed(Math.max(0, (self.published.index.split(".")[1] ?? "").length), "half-up"), locale);
  const index = figure(row.published.index, locale);
  if (Exact.of(gap).isZero()) return vi ? `${above ? "Đơn vị xếp trên" : "Đơn vị xếp dưới"}: ${name}, cùng chỉ số ${index}` : `${above ? "Ranked above" : "Ranked below"}: ${name}, the same index ${index}`;
  if (vi) return `${above ? "Đơn vị xếp trên" : "Đơn vị xếp dưới"}: ${name}, chỉ số ${index} (${above ? "cao hơn" : "thấp hơn"} ${shown})`;
  return `${above ? "Ranked above" : "Ranked below"}: ${name}, index ${index} (${shown} ${above ? "higher" : "lower"})`;
}

/**
 * A unit's standing as one or more sentences in the locale, or undefined when the unit
 * is not in the ranking at all.
 * @param ranking - the ranking of the units scored together
 * @param unitId - the unit
 * @param locale - report language
 * @param rubric - the rubric, for the wording of why a unit is not ranked
 * @category Report
 */
export function standingText(ranking: RankResult, unitId: string, locale: Locale, rubric?: CompiledRubric): string | undefined {
  const vi = locale === "vi";
  const at = ranking.rows.findIndex((r) => r.unit.id === unitId);
  if (at < 0) {
    const apart = ranking.unranked.find((u) => u.unit.id === unitId);
    return apart === undefined ? undefined : `${vi ? "Chưa xếp hạng" : "Not ranked"}. ${unrankedReason(apart, rubric, locale)}`;
  }
  const self = ranking.rows[at]!;
  const sameGroup = (r: RankedRow | undefined): r is RankedRow => r !== undefined && r.group === self.group;
  const above = ranking.rows[at - 1];
  const below = ranking.rows[at + 1];
  const parts = [`${vi ? "Xếp hạng" : "Rank"} ${rankText(self)}${self.band === undefined ? "" : ` (${self.band})`}`];
  if (self.band !== undefined && self.bandBasis !== undefined) parts.push(bandBasisText(self.band, self.bandBasis, locale));
  if (sameGroup(above)) parts.push(neighbour(above, self, true, locale));
  if (sameGroup(below)) parts.push(neighbour(below, self, false, locale));
  const names = new Map(ranking.rows.map((r) => [r.unit.id, r.unit.name ?? r.unit.id]));
  if (self.tieBreak !== undefined) parts.push(tieBreakText(self.tieBreak, names.get(self.tieBreak.over) ?? self.tieBreak.over, locale));
  if (sameGroup(above) && above.tieBreak?.over === self.unit.id) parts.push(`${above.unit.name ?? above.unit.id} ${tieBreakText(above.tieBreak, names.get(self.unit.id)!, locale)}`);
  return parts.join(". ") + ".";
}
