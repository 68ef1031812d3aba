/**
 * A node's evaluation steps (`TraceStep`, data) as a short phrase in the reader's
 * language: figures in the locale's notation (decimal comma in Vietnamese), values
 * with no finite decimal shown to a few decimals instead of as a fraction.
 * @module
 */
import type { CompareCode, NaPolicy } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import { Exact } from "../runtime/exact.js";
import type { Ratio, ShownValue, TraceStep } from "../runtime/trace.js";

/** Decimals shown for a value that has more (or none that end). */
const SHOWN_DECIMALS = 4;

/**
 * An exact figure for people to read: as it is when it has few decimals, else rounded
 * half-up to four, with `≈`; in the locale's notation.
 * @param value - exact text (a decimal or a fraction)
 * @param locale - report language
 * @category Report
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

/**
 * A fraction shown as a percentage: `0.9996` → `99,96 %` (two decimals at most, `≈`
 * when it has more), in the locale's notation.
 * @param value - exact text (a decimal or a fraction)
 * @param locale - report language
 * @category Report
 */
export function percentText(value: string, locale: Locale): string {
  const exact = Exact.parse(value);
  if (exact === undefined) return value;
  const hundred = exact.times(Exact.int(100));
  const places = hundred.terminatingDecimals();
  const shown = places !== undefined && places <= 2 ? hundred.toString() : `≈${hundred.toFixed(2, "half-up")}`;
  return `${locale === "vi" ? shown.replace(".", ",") : shown} %`;
}

/**
 * A let's quotient: its two sides, then, when it is a share of a whole (whole numbers,
 * the part no larger than the whole), the percentage it makes: `152340/152400 = ≈ 99,96 %`.
 */
function ratioText(ratio: Ratio, shownValue: ShownValue, locale: Locale): string {
  const sides = `${readable(ratio.numerator, locale)}/${readable(ratio.denominator, locale)}`;
  return isShare(ratio) && typeof shownValue === "string" ? `${sides} = ${percentText(shownValue, locale).replace(/^≈/, "≈ ")}` : sides;
}

/** A quotient of whole numbers whose part is no larger than its whole. */
function isShare(ratio: Ratio): boolean {
  const whole = (x: string): bigint | undefined => (/^\d+$/.test(x) ? BigInt(x) : undefined);
  const [n, d] = [whole(ratio.numerator), whole(ratio.denominator)];
  return n !== undefined && d !== undefined && d > 0n && n <= d;
}

/** What a band decided, after its subject: ` ≥ 90 %: đạt mức 2`, `: không đạt mức nào trên`. */
function bandOutcome(step: Extract<TraceStep, { step: "band" | "band-else" }>, locale: Locale): string {
  const vi = locale === "vi";
  if (step.step === "band-else") return vi ? ": không đạt mức nào trên" : ": below every band";
  const threshold = step.percent === true && typeof step.threshold === "string" ? percentText(step.threshold, locale) : value(step.threshold, locale);
  return ` ${CMP[step.cmp]} ${threshold}: ${vi ? "đạt mức" : "band"} ${step.arm}`;
}

/** A band's subject: the quotient's sides when known, then the value (as a percentage when the thresholds are). */
function subjectText(step: Extract<TraceStep, { step: "band" | "band-else" }>, locale: Locale): string {
  const shown = step.percent === true && typeof step.subject === "string" ? percentText(step.subject, locale) : value(step.subject, locale);
  if (step.ratio === undefined) return shown;
  const figure = (x: string): string => readable(x, locale);
  return `${figure(step.ratio.numerator)}/${figure(step.ratio.denominator)} = ${shown.replace(/^≈/, "≈ ")}`;
}

/** `element cmp threshold` in words: "từ 4 trở lên", "4 or more". */
const CONDITION: Readonly<Record<Locale, Readonly<Record<CompareCode, (x: string) => string>>>> = {
  vi: { ge: (x) => `từ ${x} trở lên`, gt: (x) => `trên ${x}`, le: (x) => `từ ${x} trở xuống`, lt: (x) => `dưới ${x}`, eq: (x) => `bằng ${x}`, ne: (x) => `khác ${x}` },
  en: { ge: (x) => `are ${x} or more`, gt: (x) => `are more than ${x}`, le: (x) => `are ${x} or less`, lt: (x) => `are less than ${x}`, eq: (x) => `are ${x}`, ne: (x) => `are not ${x}` },
};

/** `answers: 4/5 từ 4 trở lên = 80 %` / `answers: 4 of 5 are 4 or more = 80 %`. */
function tallyText(step: Extract<TraceStep, { step: "tally" }>, locale: Locale): string {
  const vi = locale === "vi";
  const threshold = step.threshold === undefined ? undefined : step.percent === true && typeof step.threshold === "string" ? percentText(step.threshold, locale) : value(step.threshold, locale);
  const condition = step.cmp === undefined || threshold === undefined ? (vi ? "thỏa điều kiện" : step.matched === 1 ? "meets the condition" : "meet the condition") : CONDITION[locale][step.cmp](threshold);
  const counted = vi ? `${step.matched}/${step.total} ${condition}` : `${step.matched} of ${step.total} ${step.matched === 1 ? condition.replace(/^are /, "is ") : condition}`;
  return `${step.list}: ${counted}${step.fn === "share" ? ` = ${percentText(step.value, locale)}` : ""}`;
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
 * @category Report
 */
export function stepText(step: TraceStep, locale: Locale): string {
  const vi = locale === "vi";
  switch (step.step) {
    case "applies-when": return vi ? "Không áp dụng đối với đơn vị" : "Does not apply to this unit";
    case "declared": return vi ? `Không phát sinh (đơn vị khai báo: "${step.reason}")` : `Not arising (declared by the unit: "${step.reason}")`;
    case "when": return vi ? `Không phát sinh (điều kiện ${step.clause}): ${POLICY.vi[step.policy]}` : `Not arising (condition ${step.clause}): ${POLICY.en[step.policy]}`;
    case "let": return step.ratio === undefined ? `${step.name} = ${value(step.value, locale)}` : `${step.name} = ${ratioText(step.ratio, step.value, locale)}`;
    case "if": return vi ? (step.then ? "điều kiện đúng" : "điều kiện không đúng") : (step.then ? "condition holds" : "condition does not hold");
    case "band":
    case "band-else": return `${subjectText(step, locale)}${bandOutcome(step, locale)}`;
    case "tally": return tallyText(step, locale);
    case "match": {
      const arm = step.arm === 0 ? (vi ? " (nhánh else)" : " (else)") : vi ? ` (nhánh ${step.arm})` : ` (arm ${step.arm})`;
      return `${vi ? "quy đổi" : "mapped"} ${value(step.subject, locale)} → ${value(step.value, locale)}${arm}`;
    }
    case "match-list": {
      const parts = step.groups.map((g) => `${g.count} × ${value(g.subject, locale)} → ${value(g.value, locale)}`).join("; ");
      return vi ? `quy đổi ${step.total} giá trị: ${parts}` : `mapped ${step.total} ${step.total === 1 ? "value" : "values"}: ${parts}`;
    }
    case "rule": return vi ? `được ${readable(step.value, locale)} điểm` : `${readable(step.value, locale)} ${step.value === "1" ? "point" : "points"}`;
    case "given": return vi ? `Điểm do người chấm cho: ${readable(step.value, locale)}` : `Points given by the assessor: ${readable(step.value, locale)}`;
    case "aggregate": {
      const excluded = step.excluded === 0 ? "" : vi ? ` (${step.excluded} tiêu chí không tính)` : ` (${step.excluded} excluded)`;
      return `${AGGREGATE[locale][step.method]} ${step.count} ${vi ? "tiêu chí thành phần" : step.count === 1 ? "sub-criterion" : "sub-criteria"}${excluded}: ${readable(step.value, locale)} ${vi ? "điểm" : "points"}`;
    }
    case "all-excluded": return vi ? "Mọi tiêu chí thành phần đều không tính" : "Every child is excluded";
    case "clamped": return vi ? `giới hạn trong khung điểm: ${readable(step.to, locale)}` : `clamped to ${readable(step.to, locale)}`;
    case "cohort": return cohortText(step, locale);
  }
}

/** Units named beside a cohort's largest or smallest value: three at most, then how many more. */
function holders(units: readonly string[] | undefined, vi: boolean): string {
  if (units === undefined || units.length === 0) return "";
  const shown = units.slice(0, 3).join(", ");
  const more = units.length - 3;
  return ` (${shown}${more > 0 ? (vi ? ` và ${more} đơn vị khác` : ` and ${more} more`) : ""})`;
}

/** A cohort figure used by a rule, with the units it was taken over. */
function cohortText(step: Extract<TraceStep, { step: "cohort" }>, locale: Locale): string {
  const vi = locale === "vi";
  const r = (x: string | undefined): string => readable(x ?? "", locale);
  const units = vi ? `${step.of} đơn vị` : `${step.of} ${step.of === 1 ? "unit" : "units"}`;
  switch (step.stat) {
    case "max": return vi ? `giá trị lớn nhất của ${units}: ${r(step.value)}${holders(step.units, vi)}` : `the largest of ${units}: ${r(step.value)}${holders(step.units, vi)}`;
    case "min": return vi ? `giá trị nhỏ nhất của ${units}: ${r(step.value)}${holders(step.units, vi)}` : `the smallest of ${units}: ${r(step.value)}${holders(step.units, vi)}`;
    case "mean": return vi ? `giá trị trung bình của ${units}: ${r(step.value)}` : `the mean of ${units}: ${r(step.value)}`;
    case "percentile": return vi ? `giá trị ${r(step.argument)} đứng ở bách phân vị ${percentText(step.value, locale)} trong ${units}` : `${r(step.argument)} stands at the ${percentText(step.value, locale)} percentile rank among ${units}`;
    case "rescale": return vi
      ? `quy đổi ${r(step.argument)} từ khoảng ${r(step.min)}–${r(step.max)} của ${units} về thang ${r(step.low)}–${r(step.high)}: ${r(step.value)}`
      : `${r(step.argument)} rescaled from the range ${r(step.min)}–${r(step.max)} of ${units} to ${r(step.low)}–${r(step.high)}: ${r(step.value)}`;
  }
}

/**
 * A node's steps as one line.
 * @param steps - the node's trace
 * @param locale - report language
 * @param policy - the node's not-applicable policy, when it did not apply
 * @example
 * ```ts
 * import { compile, evaluate, traceText } from "rubric-lang";
 * const source = 'rubric "Demo" { area "1" "Chỉ đạo" max 10 { input done: count, planned: count; score = 10 * done / planned } }';
 * const compiled = compile(source);
 * if (compiled.ok) {
 *   const outcome = evaluate(compiled.rubric, { unit: { id: "a" }, self: { "1": { done: 8, planned: 10 } } }, { explain: true });
 *   const trace = outcome.ok ? outcome.result.nodes["1"]?.trace : undefined;
 *   if (trace) console.log(traceText(trace, "vi")); // "được 8 điểm"
 * }
 * ```
 * @category Report
 */
export function traceText(steps: readonly TraceStep[], locale: Locale, policy?: NaPolicy): string {
  const phrases: string[] = [];
  steps.forEach((s, i) => {
    const before = steps[i - 1];
    // A band on the share a let just showed as a percentage goes on from it, not repeating the figure.
    if ((s.step === "band" || s.step === "band-else") && s.ratio === undefined && before?.step === "let" && before.ratio !== undefined && isShare(before.ratio) && before.value === s.subject) {
      phrases[phrases.length - 1] += bandOutcome(s, locale);
      return;
    }
    // A node declared not arising, or not applying, says what that gives it.
    phrases.push(policy !== undefined && (s.step === "declared" || s.step === "applies-when") ? `${stepText(s, locale)}: ${POLICY[locale][policy]}` : stepText(s, locale));
  });
  return phrases.join("; ");
}
