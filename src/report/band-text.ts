/**
 * How a unit's percentile group was decided, as a sentence: `thuộc nhóm "Cao nhất":
 * chỉ số 6,71 ≥ bách phân vị thứ 75 (6,52) của 63 đơn vị (PERCENTILE.INC)`.
 * @module
 */
import type { PercentileMethod } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import type { BandBasis } from "../rank/types.js";
import { Exact } from "../runtime/exact.js";
import { figure } from "./locale.js";

const METHOD: Record<Locale, Record<PercentileMethod, string>> = {
  vi: { nearest: "hạng gần nhất", inc: "PERCENTILE.INC", exc: "PERCENTILE.EXC" },
  en: { nearest: "nearest rank", inc: "PERCENTILE.INC", exc: "PERCENTILE.EXC" },
};

const CMP: Record<BandBasis["cmp"], string> = { ">=": "≥", ">": ">", "<": "<", "<=": "≤" };

/** 1st, 2nd, 3rd, 4th, 11th, 21st, 75th. */
function ordinal(p: string): string {
  if (!/^\d+$/.test(p)) return `${p}th`;
  const n = Number(p);
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${p}${suffix}`;
}

/** An exact cut-off for reading: its decimal when short, else about ten significant digits. */
function shown(value: string, locale: Locale): string {
  const v = Exact.of(value);
  const places = v.terminatingDecimals();
  return figure(places !== undefined && places <= 10 ? v.toString() : `≈${v.toSignificant(10)}`, locale);
}

/**
 * The sentence saying how a unit's band was decided by a percentile cut-off.
 * @param band - the band's label
 * @param basis - the comparison (from the ranked row's `bandBasis`)
 * @param locale - report language
 * @category Report
 */
export function bandBasisText(band: string, basis: BandBasis, locale: Locale): string {
  const value = figure(basis.value, locale);
  const cut = shown(basis.cutoff, locale);
  if (locale === "vi") {
    return `Thuộc nhóm "${band}": chỉ số ${value} ${CMP[basis.cmp]} bách phân vị thứ ${figure(basis.percentile, locale)} (${cut}) của ${basis.of} đơn vị (${METHOD.vi[basis.method]})`;
  }
  return `In band "${band}": index ${value} ${CMP[basis.cmp]} the ${ordinal(basis.percentile)} percentile (${cut}) of ${basis.of} units (${METHOD.en[basis.method]})`;
}
