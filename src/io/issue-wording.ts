/**
 * Submission issues in the reader's language. Validation words each issue once, in
 * English (the wording zod would give, which the library's API promises); this module
 * holds the Vietnamese wording of every one of those messages, matched by the English
 * pattern they are made from, and names the place of an issue the way a person reads it
 * (layer, criterion number, input label, the n-th answer) instead of a JSON path. Pure.
 * @module
 */
import type { CompiledRubric } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import { decimalCommas } from "../vi-phrases.js";
import { ELEMENT, matchIssue } from "./issue-codes.js";
import { leavesOf } from "./readers.js";


/** JSON kinds as zod names them → Vietnamese. */
const KIND: Readonly<Record<string, string>> = {
  number: "một số", string: "một chuỗi ký tự", boolean: "một giá trị đúng/sai", object: "một đối tượng", array: "một danh sách",
  null: "null", undefined: "không có giá trị", NaN: "NaN (không phải số)", Infinity: "vô cực", "-Infinity": "âm vô cực", "a list": "một danh sách", date: "một ngày",
};
const kind = (k: string): string => KIND[k] ?? k;

/** The Vietnamese wording of every kind of issue, by its key in `issue-codes.ts` (the groups of its English pattern as arguments). */
const VI: Readonly<Record<string, (...groups: string[]) => string>> = {
  "not-whole": (v, k) => `${decimalCommas(v!)} không phải là số nguyên (kiểu ${k === "count" ? "số đếm" : k})`,
  "negative-count": (v) => `${decimalCommas(v!)} là số âm; số đếm phải từ 0 trở lên`,
  "below-minimum": (v, m) => `${decimalCommas(v!)} nhỏ hơn giá trị nhỏ nhất cho phép (${decimalCommas(m!)})`,
  "above-maximum": (v, m) => `${decimalCommas(v!)} lớn hơn giá trị lớn nhất cho phép (${decimalCommas(m!)})`,
  "not-exact": (v) => `không đọc được ${decimalCommas(v!)} thành một số chính xác`,
  "points-out-of-range": (v, m, id) => `${decimalCommas(v!)} nằm ngoài khung điểm của tiêu chí ${id} (từ 0 đến ${decimalCommas(m!)})`,
  "not-a-step": (v, s) => `${decimalCommas(v!)} không phải là bội số của bước chấm ${decimalCommas(s!)}`,
  "not-a-number": (v) => `${v} không phải là số; hãy viết một số thập phân`,
  "integer-too-large": () => "số nguyên này quá lớn để đọc chính xác từ JSON; hãy viết nó trong dấu ngoặc kép như một chuỗi ký tự",
  "decimal-comma": (v, fixed) => `"${v}" dùng dấu phẩy thập phân; trong tệp JSON hãy viết "${fixed}" (dấu chấm ngăn phần thập phân)`,
  "not-a-decimal": (v) => `"${v}" không phải là số thập phân; hãy viết các chữ số, phần thập phân (nếu có) đặt sau dấu chấm`,
  "wrong-kind": (k) => `cần một số, nhưng nhận được ${kind(k!)}`,
  missing: (e) => `thiếu giá trị (cần ${kind(e!)})`,
  "wrong-kind.received": (e, r) => `giá trị không hợp lệ: cần ${kind(e!)}, nhưng nhận được ${kind(r!)}`,
  "not-the-value": (v) => `giá trị không hợp lệ: chỉ được là "${v}"`,
  "not-an-option": (list) => `giá trị không hợp lệ: phải là một trong ${list!.split("|").join(", ")}`,
  "unknown-key": (keys) => `${keys} không có trong bộ tiêu chí (kiểm tra lại mã tiêu chí hoặc tên đầu vào)`,
  "too-long": (n) => `quá dài: tối đa ${n} ký tự`,
  "too-big": (what) => `quá lớn: ${what}`,
  "no-unit-id": () => "đơn vị phải có mã (unit.id)",
  "not-a-date": () => "cần một ngày có thật, viết theo dạng năm-tháng-ngày (YYYY-MM-DD)",
  exponent: (v, plain) => `${v} được viết dưới dạng số mũ; hãy viết thành số thập phân${plain === undefined ? "" : `: ${decimalCommas(plain)}`}`,
  "too-many-digits": (v) => `${v} nằm ngoài phạm vi số được đọc: tối đa 50 chữ số phần nguyên và 50 chữ số thập phân`,
  "rank-not-whole": () => "thứ hạng phải là số nguyên",
  "rank-below-one": () => "thứ hạng phải từ 1 trở lên",
  "listed-twice": (u, first) => `đơn vị "${u}" có hai dòng (lần đầu ở dòng thứ ${first}); mỗi đơn vị chỉ ghi một lần`,
  "thousands-separator": (v) => `"${v}" có dấu phân cách hàng nghìn; hãy viết số không có dấu phân cách, ví dụ 1234,5`,
  "decimal-comma.cell": (v) => `"${v}" dùng dấu phẩy thập phân; hãy đọc tệp theo cách viết số của Việt Nam (--lang vi) hoặc viết số với dấu chấm`,
  "not-a-number.cell": (v) => `"${v}" không phải là số; hãy viết các chữ số, phần thập phân (nếu có) sau dấu phẩy, ví dụ 12,5`,
  "not-a-date.cell": (v) => `"${v}" không phải là một ngày có thật; hãy viết theo dạng ngày/tháng/năm, ví dụ 15/12/2022`,
  "not-yes-no": (v) => `"${v}" không phải là có hoặc không; hãy viết "có" hoặc "không"`,
  "not-an-option.cell": (v, list) => `"${v}" không thuộc các giá trị ${list}`,
  "ambiguous-dot": (v, g, d) => `"${v}" có hai cách hiểu: dấu chấm có thể để tách hàng nghìn hoặc để ghi phần thập phân; hãy ghi ${g} hoặc ${decimalCommas(d!)}`,
  "ambiguous-comma": (v, g, d) => `"${v}" có hai cách hiểu: dấu phẩy có thể để tách hàng nghìn hoặc để ghi phần thập phân; hãy ghi ${g} hoặc ${decimalCommas(d!)}`,
  "ambiguous-marks": (v) => `"${v}" có hai cách hiểu vì có cả dấu phẩy và dấu chấm; hãy ghi số không có dấu tách hàng nghìn, ví dụ 1234,5`,
};

/**
 * A problem line (`place: message`, as data readers print them) with its message in
 * the locale: the place (file, row, cell, key) is kept as it is.
 * @param line - the line
 * @param locale - the reader's language
 */
export function problemLine(line: string, locale: Locale): string {
  if (locale !== "vi") return line;
  const at = line.indexOf(': "');
  return at < 0 ? line : `${line.slice(0, at + 2)}${issueMessage(line.slice(at + 2), locale)}`;
}

/**
 * A submission issue's message in the locale: as validation gave it in English, or its
 * Vietnamese wording (the English text when no wording matches — a test keeps every
 * message the validators give covered).
 * @param message - the English message
 * @param locale - the reader's language
 * @category Report
 */
export function issueMessage(message: string, locale: Locale): string {
  if (locale !== "vi") return message;
  const element = ELEMENT.exec(message);
  if (element !== null) return `giá trị thứ ${element[1]!}: ${issueMessage(element[2]!, "vi")}`;
  const found = matchIssue(message);
  const word = found === undefined ? undefined : VI[found.kind.key];
  return word === undefined ? message : word(...found!.groups.map((g) => g as string));
}

const LAYER: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  vi: { self: "tự đánh giá", appraisal: "thẩm định", survey: "điều tra", notApplicable: "không phát sinh", unit: "thông tin đơn vị" },
  en: { self: "self-assessment", appraisal: "appraisal", survey: "survey", notApplicable: "not applicable", unit: "unit" },
};

/**
 * Where an issue is, as a person reads it: the layer, the criterion by number, the input
 * by its label (its name in brackets), the n-th value of a list counted from 1.
 * `["survey", "8.1", "tra_loi", 1]` → `điều tra, tiêu chí 8.1, “Câu trả lời” (tra_loi), giá trị thứ 2`.
 * @param path - the issue's JSON path
 * @param rubric - the rubric, for labels (optional)
 * @param locale - the reader's language
 * @category Report
 */
export function placeText(path: readonly (string | number)[], rubric: CompiledRubric | undefined, locale: Locale): string {
  const vi = locale === "vi";
  if (path.length === 0) return vi ? "bản số liệu" : "the submission";
  const [layer, node, input, ...rest] = path;
  const parts = [LAYER[locale][String(layer)] ?? String(layer)];
  if (layer === "unit") {
    if (node !== undefined) parts.push(node === "facts" && input !== undefined ? String(input) : String(node));
    return parts.join(", ");
  }
  if (node !== undefined) parts.push(`${vi ? "tiêu chí" : "criterion"} ${String(node)}`);
  if (input !== undefined) {
    const label = rubric === undefined ? undefined : labelOf(rubric, String(node), String(input));
    parts.push(label === undefined ? `'${String(input)}'` : `“${label}” (${String(input)})`);
  }
  for (const p of rest) parts.push(typeof p === "number" ? (vi ? `giá trị thứ ${p + 1}` : `value ${p + 1}`) : String(p));
  return parts.join(", ");
}

const labels = new WeakMap<CompiledRubric, ReadonlyMap<string, string>>();

/**
 * An input's label, if the rubric gives one.
 * @param rubric - the rubric
 * @param node - the leaf's id
 * @param name - the input's name
 */
export function labelOf(rubric: CompiledRubric, node: string, name: string): string | undefined {
  let map = labels.get(rubric);
  if (map === undefined) {
    const built = new Map<string, string>();
    for (const { node: leaf } of leavesOf(rubric)) for (const d of leaf.leaf?.inputs ?? []) if (d.label !== undefined) built.set(`${leaf.id}\u0000${d.name}`, d.label);
    labels.set(rubric, (map = built));
  }
  return map.get(`${node}\u0000${name}`);
}

/**
 * An issue as one line: its place and its message, in the locale.
 * @param issue - the issue
 * @param rubric - the rubric, for labels (optional)
 * @param locale - the reader's language
 * @category Report
 */
export function issueLine(issue: { readonly path: readonly (string | number)[]; readonly message: string }, rubric: CompiledRubric | undefined, locale: Locale): string {
  return `${placeText(issue.path, rubric, locale)}: ${issueMessage(issue.message, locale)}`;
}
