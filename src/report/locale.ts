/**
 * Wording and number formats of reports in Vietnamese and English. Reports show the
 * published (rounded) figures; Vietnamese writes them with a decimal comma ("90,48").
 * @module
 */
import type { Locale } from "../diagnostics.js";
import type { RankedRow } from "../rank/types.js";

/**
 * Column headings and phrases of a report.
 * @category Report
 */
export interface Words {
  /** Heading of the rank column. */
  readonly rank: string;
  /** Heading of the unit column. */
  readonly unit: string;
  /** Heading of the group column. */
  readonly group: string;
  /** Heading of the points column. */
  readonly points: string;
  /** Heading of the index column. */
  readonly index: string;
  /** Heading of the band column. */
  readonly band: string;
  /** Heading of the change-against-last-period column. */
  readonly change: string;
  /** Heading of the list of units not ranked. */
  readonly unranked: string;
  /** Heading of the reason column. */
  readonly reason: string;
  /** The report's title word. */
  readonly title: string;
  /** Heading of the applicable-maximum column (shown when units' maxima differ). */
  readonly max: string;
  /** Heading of the note column (why a unit is above one it equals on the first key). */
  readonly note: string;
}

/**
 * The words of each locale.
 * @category Report
 */
export const WORDS: Readonly<Record<Locale, Words>> = {
  vi: { rank: "Hạng", unit: "Đơn vị", group: "Nhóm", points: "Điểm", index: "Chỉ số", band: "Xếp loại", change: "So với kỳ trước", unranked: "Chưa xếp hạng", reason: "Lý do", title: "Bảng xếp hạng", note: "Ghi chú", max: "Điểm tối đa" },
  en: { rank: "Rank", unit: "Unit", group: "Group", points: "Points", index: "Index", band: "Band", change: "Change", unranked: "Not ranked", reason: "Reason", title: "Ranking", note: "Note", max: "Max" },
};

/**
 * A published figure in the locale's notation: `90.48` → `90,48` in Vietnamese.
 * @param figure - a published decimal string
 * @param locale - report language
 * @category Report
 */
export function figure(figure: string, locale: Locale): string {
  return locale === "vi" ? figure.replace(".", ",") : figure;
}

/**
 * The change against last period: "tăng 2 hạng" / "up 2", "giảm 1 hạng" / "down 1",
 * "không đổi" / "same", "mới" / "new", or empty without a previous table.
 * @param previous - the row's change
 * @param locale - report language
 * @category Report
 */
export function changeText(previous: RankedRow["previous"], locale: Locale): string {
  if (previous === undefined) return "";
  if (previous === "new") return locale === "vi" ? "mới" : "new";
  if (previous.change === "same") return locale === "vi" ? "không đổi" : "same";
  if (locale === "vi") return `${previous.change === "up" ? "tăng" : "giảm"} ${previous.places} hạng`;
  return `${previous.change} ${previous.places}`;
}

/**
 * "12/20": a rank out of the units ranked together.
 * @param row - a ranked row
 * @category Report
 */
export function rankText(row: RankedRow): string {
  return `${row.rank}/${row.of}`;
}
