/**
 * Why a criterion could not be scored, in the reader's language: the runtime's node
 * errors (a stable code and what it names, `args`) worded in English and Vietnamese,
 * naming the criterion by number and the input by its label; and a unit's errors as one
 * line with the root causes first and what they brought down after. Pure.
 * @module
 */
import type { CompiledRubric } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import { issueLine, issueMessage, labelOf } from "../io/issue-wording.js";
import type { UnrankedRow } from "../rank/types.js";
import type { EvalErrorArgs, EvalErrorCode } from "../runtime/index.js";
import { readable } from "./trace-text.js";

/**
 * A node error as results carry it.
 * @category Report
 */
export interface NodeErrorData {
  /** The node's id (`index` for the index formula, empty for the whole unit). */
  readonly node: string;
  /** Stable reason code. */
  readonly code: EvalErrorCode;
  /** The English message, kept for codes this catalogue has no wording for. */
  readonly message: string;
  /** What the error names. */
  readonly args?: EvalErrorArgs | undefined;
}

/** What a list function computes, in Vietnamese. */
const FUNCTION_VI: Readonly<Record<string, string>> = { share: "tỷ lệ", mean: "giá trị trung bình", min: "giá trị nhỏ nhất", max: "giá trị lớn nhất", sum: "tổng" };

const arg = (e: NodeErrorData, key: string): string | undefined => (e.args?.[key] === undefined ? undefined : String(e.args[key]));

function where(node: string, locale: Locale): string {
  if (node === "index") return locale === "vi" ? "công thức chỉ số" : "the index formula";
  return locale === "vi" ? `tiêu chí ${node}` : `criterion ${node}`;
}

function inputName(e: NodeErrorData, rubric: CompiledRubric | undefined): string {
  const name = arg(e, "input") ?? "";
  const label = rubric === undefined ? undefined : labelOf(rubric, e.node, name);
  return label === undefined ? `'${name}'` : `“${label}” (${name})`;
}

/**
 * One node error as a sentence in the locale.
 * @param e - the error
 * @param rubric - the rubric, for input labels (optional)
 * @param locale - the reader's language
 * @category Report
 */
export function nodeErrorText(e: NodeErrorData, rubric: CompiledRubric | undefined, locale: Locale): string {
  // The whole unit failed (a fault of ours): its message is already worded in the locale.
  if (e.node === "") return e.message;
  const vi = locale === "vi";
  const at = where(e.node, locale);
  const figure = (key: string): string => readable(arg(e, key) ?? "", locale);
  switch (e.code) {
    case "missing-input":
      if (arg(e, "input") === "points") return vi ? `chưa có điểm chấm của ${at}` : `the points of ${at} are not given`;
      if (arg(e, "input") !== undefined) return vi ? `thiếu số liệu ${inputName(e, rubric)} tại ${at}` : `${inputName(e, rubric)} is missing at ${at}`;
      if (arg(e, "fact") !== undefined) return vi ? `thiếu thông tin đơn vị '${arg(e, "fact")}' cần cho ${at}` : `the unit fact '${arg(e, "fact")}' needed by ${at} is missing`;
      return vi ? `thiếu giá trị cần để tính ${at}` : `a value needed by ${at} is missing`;
    case "division-by-zero": return vi ? `${at}: phép chia cho 0 (mẫu số bằng 0)` : `${at}: division by zero`;
    case "empty-list": return vi ? `${at}: danh sách không có giá trị nào, không tính được ${FUNCTION_VI[arg(e, "fn") ?? ""] ?? `${arg(e, "fn") ?? ""}()`}` : `${at}: ${arg(e, "fn") ?? ""}() of an empty list`;
    case "no-band": return vi ? `${at}: giá trị ${figure("value")} không thuộc mức nào` : `${at}: no band matches ${figure("value")}`;
    case "bad-points":
      if (arg(e, "step") !== undefined) return vi ? `${at}: điểm chấm ${figure("value")} không phải là bội số của bước ${figure("step")}` : `${at}: the points given, ${figure("value")}, are not a multiple of the step ${figure("step")}`;
      return vi ? `${at}: điểm chấm ${figure("value")} nằm ngoài khung từ 0 đến ${figure("max")}` : `${at}: the points given, ${figure("value")}, are outside 0 to ${figure("max")}`;
    case "too-large": return vi ? `${at}: con số quá lớn (hơn ${arg(e, "digits") ?? ""} chữ số) để tính chính xác` : `${at}: a number too large (over ${arg(e, "digits") ?? ""} digits) to compute exactly`;
    case "depends-on-error": return vi ? `${at} không tính được vì ${where(arg(e, "node") ?? "", locale)} bị lỗi` : `${at} cannot be computed because ${where(arg(e, "node") ?? "", locale)} is in error`;
    case "wrong-type": return vi ? `${at}: quy tắc cho kết quả không đúng kiểu dữ liệu; kiểm tra lại bộ tiêu chí` : `${at}: ${e.message.replace(/^"[^"]*": /, "")}`;
    case "needs-cohort": return vi ? `${at} dùng số liệu so sánh giữa các đơn vị (cohort.${arg(e, "stat") ?? ""}), nên phải chấm cùng các đơn vị khác (evaluateAll, rank, rubric score), không chấm riêng một đơn vị` : `${at} uses a figure over the units ranked together (cohort.${arg(e, "stat") ?? ""}): score the units together (evaluateAll, rank, rubric score), not one by one`;
    case "cohort-empty": return vi ? `${at}: không có đơn vị nào trong nhóm so sánh có số liệu để tính cohort.${arg(e, "stat") ?? ""}` : `${at}: no unit of the cohort gave a value for cohort.${arg(e, "stat") ?? ""}`;
    case "cohort-zero-range": return vi ? `${at}: mọi đơn vị trong nhóm so sánh đều có cùng giá trị ${figure("value")}, nên không quy đổi về thang điểm được` : `${at}: every unit of the cohort has the same value ${figure("value")}, so there is no range to rescale`;
    case "cohort-pending": return vi ? `${at}: số liệu so sánh giữa các đơn vị chưa được tính` : `${at}: a cohort figure is not computed yet`;
    case "internal-error": return vi ? `${at}: rubric-lang gặp lỗi nội bộ (${arg(e, "detail") ?? ""}); vui lòng báo lỗi` : `${at}: internal error (${arg(e, "detail") ?? ""}); please report it`;
  }
}

/**
 * A unit's errors as one line: the root causes first, then, in one clause, the
 * criteria they brought down.
 * @param errors - the unit's node errors
 * @param rubric - the rubric, for input labels (optional)
 * @param locale - the reader's language
 * @category Report
 */
export function unitErrorsText(errors: readonly NodeErrorData[], rubric: CompiledRubric | undefined, locale: Locale): string {
  const roots = errors.filter((e) => e.code !== "depends-on-error");
  const followers = errors.filter((e) => e.code === "depends-on-error").map((e) => e.node);
  const parts = roots.map((e) => nodeErrorText(e, rubric, locale));
  if (followers.length > 0) parts.push(locale === "vi" ? `do đó không tính được: ${followers.join(", ")}` : `so these cannot be computed: ${followers.join(", ")}`);
  return parts.join("; ");
}

/**
 * An unranked row with every message in its cause worded in the locale (for JSON
 * output, where the cause stays data: codes, paths and arguments are unchanged).
 * @param row - the unranked row
 * @param rubric - the rubric, for input labels (optional)
 * @param locale - the reader's language
 * @category Report
 */
export function localizedUnranked(row: UnrankedRow, rubric: CompiledRubric | undefined, locale: Locale): UnrankedRow {
  const reason = unrankedReason(row, rubric, locale);
  const cause = row.cause;
  if (cause.kind === "invalid") return { ...row, reason, cause: { ...cause, issues: cause.issues.map((i) => ({ ...i, message: issueMessage(i.message, locale) })) } };
  if (cause.kind === "incomplete") return { ...row, reason, cause: { ...cause, errors: cause.errors.map((e) => ({ ...e, message: nodeErrorText(e, rubric, locale) })) } };
  return { ...row, reason };
}

/** Issues of one refused submission listed in full before the rest are counted. */
const ISSUES_SHOWN = 5;

/**
 * Why a unit is not ranked, in the locale: the submission's issues by place, the
 * criteria that could not be scored (root causes first), or the repeated id.
 * @param row - the unranked row
 * @param rubric - the rubric, for input labels (optional)
 * @param locale - the reader's language
 * @category Report
 */
export function unrankedReason(row: UnrankedRow, rubric: CompiledRubric | undefined, locale: Locale): string {
  const vi = locale === "vi";
  const cause = row.cause;
  switch (cause.kind) {
    case "invalid": {
      const shown = cause.issues.slice(0, ISSUES_SHOWN).map((i) => issueLine(i, rubric, locale));
      const rest = cause.issues.length - shown.length;
      if (rest > 0) shown.push(vi ? `và ${rest} lỗi khác` : `and ${rest} more`);
      return `${vi ? "Số liệu không hợp lệ" : "Invalid submission"}: ${shown.join("; ")}`;
    }
    case "incomplete": return `${vi ? "Chưa chấm được đủ" : "Incomplete"}: ${cause.errors.length === 0 ? (vi ? "không tính được chỉ số" : "no index") : unitErrorsText(cause.errors, rubric, locale)}`;
    case "duplicate": return vi ? `Mã đơn vị "${row.unit.id}" xuất hiện ${cause.count} lần` : `The unit id "${row.unit.id}" appears ${cause.count} times`;
    // Refused while its data was read: the reason was worded then, in the run's language.
    case "refused": return row.reason;
    // The reason is the rubric's own text, in the rubric's language.
    case "ineligible": return `${vi ? "Không đủ điều kiện xếp hạng" : "Not eligible for ranking"}: ${cause.reason}${cause.undecided === true ? (vi ? " (chưa xác định được: thiếu thông tin đơn vị)" : " (undecided: a unit fact is missing)") : ""}`;
  }
}
