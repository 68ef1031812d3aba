/**
 * A node's evaluation steps (`TraceStep`, data) as a short phrase in the reader's
 * language: figures in the locale's notation (decimal comma in Vietnamese), values
 * with no finite decimal shown to a few decimals instead of as a fraction.
 * @module
 */
import type { CompareCode, NaPolicy } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import { Exact } from "../runtime/exact.js";
import type { ShownValue, TraceStep } from "../runtime/trace.js";

/** Decimals shown for a value that has more (or none that end). */
const SHOWN_DECIMALS = 4;

/**
 * An exact figure for people to read: as it is when it has few decimals, else rounded
 * half-up to four, with `≈`; in the locale's notation.
 * @param value - exact text (a decimal or a fraction)
 * @param locale - report language
 */
export function readable(value: string, locale: Locale): string {
  const exact = Exact.parse(value);
  if (exact === undefined) return value;
  const places = exact.terminatingDecimals();
  const shown = places !== undefined && places <= SHOWN_DECIMALS ? exact.toString() : `≈${exact.toFixed(SHOWN_DECIMALS, "half-up").replace(/0+$/, "").replace(/\.$/, "")}`;
  return locale === "vi" ? shown.replace(".", ",") : shown;
}

function value(v: ShownValue, locale: Locale): string {
  if (typeof v === "boolean") return locale === "vi" ? (v ? "có" : "không") : (v ? "yes" : "no");
  if (Array.isArray(v)) return `[${v.map((x) => value(x as string | boolean, locale)).join("; ")}]`;
  return /^-?\d/.test(v as string) ? readable(v as string, locale) : (v as string);
}

const CMP: Readonly<Record<CompareCode, string>> = { eq: "=", ne: "≠", lt: "<", le: "≤", gt: ">", ge: "≥" };

const POLICY: Readonly<Record<Locale, Readonly<Record<NaPolicy, string>>>> = {
  vi: { full: "được điểm tối đa", exclude: "không tính vào điểm tối đa", zero: "0 điểm" },
  en: { full: "full points", exclude: "left out of the maximum", zero: "0 points" },
};

const AGGREGATE: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  vi: { sum: "Tổng", weighted: "Tổng có trọng số của", mean: "Trung bình", min: "Thấp nhất trong", normalised: "Bình quân tỷ lệ đạt (nhân điểm tối đa) của" },
  en: { sum: "Sum of", weighted: "Weighted sum of", mean: "Mean of", min: "Lowest of", normalised: "Normalised mean (times the max) of" },
};

/**
 * One step as a phrase.
 * @param step - the step
 * @param locale - report language
 */
export function stepText(step: TraceStep, locale: Locale): string {
  const vi = locale === "vi";
  switch (step.step) {
    case "applies-when": return vi ? "Không áp dụng đối với đơn vị" : "Does not apply to this unit";
    case "declared": return vi ? `Đơn vị khai báo không phát sinh: "${step.reason}"` : `Declared not arising: "${step.reason}"`;
    case "when": return vi ? `Không phát sinh (điều kiện ${step.clause}): ${POLICY.vi[step.policy]}` : `Not arising (condition ${step.clause}): ${POLICY.en[step.policy]}`;
    case "let": return `${step.name} = ${value(step.value, locale)}`;
    case "if": return vi ? (step.then ? "điều kiện đúng" : "điều kiện không đúng") : (step.then ? "condition holds" : "condition does not hold");
    case "band": return `${value(step.subject, locale)} ${CMP[step.cmp]} ${value(step.threshold, locale)}: ${vi ? "mức" : "band"} ${step.arm}`;
    case "band-else": return vi ? `${value(step.subject, locale)}: không đạt mức nào, áp dụng mức còn lại` : `${value(step.subject, locale)}: no band reached, the else value`;
    case "rule": return vi ? `Kết quả: ${readable(step.value, locale)}` : `Result: ${readable(step.value, locale)}`;
    case "given": return vi ? `Điểm chấm: ${readable(step.value, locale)}` : `Points given: ${readable(step.value, locale)}`;
    case "aggregate": {
      const excluded = step.excluded === 0 ? "" : vi ? ` (${step.excluded} tiêu chí không tính)` : ` (${step.excluded} excluded)`;
      return `${AGGREGATE[locale][step.method]} ${step.count} ${vi ? "tiêu chí thành phần" : step.count === 1 ? "child" : "children"}${excluded}: ${readable(step.value, locale)}`;
    }
    case "all-excluded": return vi ? "Mọi tiêu chí thành phần đều không tính" : "Every child is excluded";
    case "clamped": return vi ? `giới hạn trong khung điểm: ${readable(step.to, locale)}` : `clamped to ${readable(step.to, locale)}`;
  }
}

/**
 * A node's steps as one line.
 * @param steps - the node's trace
 * @param locale - report language
 */
export function traceText(steps: readonly TraceStep[], locale: Locale): string {
  return steps.map((s) => stepText(s, locale)).join("; ");
}
