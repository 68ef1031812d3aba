/**
 * Problems of a sensitivity plan in the reader's language. `readPlan` words each
 * problem once, in English (the library's API); this module holds the Vietnamese
 * wording of every one of them, matched by the English pattern, as
 * `io/issue-wording.ts` does for submission issues. Pure.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import { countText } from "../io/data-messages.js";
import { decimalCommas } from "../vi-phrases.js";

/** A whole number with the Vietnamese thousands separator: `10.000.000`. */
const grouped = (digits: string): string => countText(Number(digits), "vi");

type Wording = readonly [RegExp, (...groups: string[]) => string];

/** Every English problem `readPlan` and `prepareSensitivity` give, with its Vietnamese wording (after the place). */
const VI: readonly Wording[] = [
  [/^"min" and "max" must be decimal numbers written as text, e\.g\. "0\.8" \(thresholds may be written "85%"\)$/, () => `"min" và "max" phải là số thập phân viết trong dấu ngoặc kép, ví dụ "0.8" (ngưỡng có thể viết "85%")`],
  [/^"min" \((.+)\) is above "max" \((.+)\); swap them$/, (a, b) => `"min" (${decimalCommas(a!)}) lớn hơn "max" (${decimalCommas(b!)}); hãy đổi chỗ hai giá trị`],
  [/^"step" must be a positive decimal, e\.g\. "0\.01"$/, () => `"step" phải là số thập phân lớn hơn 0, ví dụ "0.01"`],
  [/^the range (.+)…(.+) is not a whole number of steps of (.+); choose a step that divides it$/, (a, b, s) => `khoảng ${decimalCommas(a!)}…${decimalCommas(b!)} không chia hết cho bước ${decimalCommas(s!)}; hãy chọn bước chia hết khoảng này`],
  [/^(.+) steps are too many \(at most (\d+)\); choose a larger step$/, (n, m) => `${grouped(n!)} bước là quá nhiều (tối đa ${grouped(m!)}); hãy chọn bước lớn hơn`],
  [/^expected an object such as (.+)$/, (example) => `cần một đối tượng, ví dụ ${example}`],
  [/^the rubric has no node "(.*)"$/s, (id) => `bộ tiêu chí không có tiêu chí "${id}"`],
  [/^the weight of "(.*)" cannot vary: it is neither a top-level area nor a child of a node with "aggregate weighted"$/s, (id) => `không thay đổi được trọng số của "${id}": đây không phải lĩnh vực cấp cao nhất, cũng không phải tiêu chí con của một tiêu chí tính theo trọng số ("aggregate weighted")`],
  [/^a weight cannot be negative$/, () => "trọng số không được âm"],
  [/^"(.*)" has no bands arm (.*) with a number as threshold(?: \(arms with one: (.+)\))?$/s, (id, arm, arms) => `"${id}" không có mức thứ ${arm} với ngưỡng là một số${arms === undefined ? "" : ` (các mức có ngưỡng là số: ${arms})`}`],
  [/^the rubric has no band "(.*)" \(bands: (.*)\)$/s, (band, bands) => `bộ tiêu chí không có mức xếp loại "${band}" (các mức: ${bands === "none" ? "không có" : bands})`],
  [/^the condition of band "(.*)" does not compare with exactly one number, so it has no single threshold to vary$/s, (band) => `điều kiện của mức xếp loại "${band}" không so sánh với đúng một số, nên không có một ngưỡng duy nhất để thay đổi`],
  [/^the scale of appraisal corrections runs from 0 \(self-assessment\) to 1 \(appraised values\)$/, () => "hệ số điều chỉnh của thẩm định chạy từ 0 (số liệu tự đánh giá) đến 1 (số liệu thẩm định)"],
  [/^"choices" must list one or more of "as-declared", "exclude", "zero", "full"$/, () => `"choices" phải liệt kê một hoặc nhiều giá trị trong "as-declared", "exclude", "zero", "full"`],
  [/^"nodes" must list node ids of the rubric(?: \(unknown: (.*)\))?$/s, (unknown) => `"nodes" phải liệt kê mã tiêu chí có trong bộ tiêu chí${unknown === undefined ? "" : ` (không có: ${unknown})`}`],
  [/^"kind" must be one of weight, threshold, band, na-policy, appraisal$/, () => `"kind" phải là một trong "weight" (trọng số), "threshold" (ngưỡng), "band" (mức xếp loại), "na-policy" (cách tính khi không phát sinh), "appraisal" (thẩm định)`],
  [/^"samples" must be a whole number from 1 to (\d+)$/, (n) => `"samples" (số mẫu) phải là số nguyên từ 1 đến ${grouped(n!)}`],
  [/^"seed" must be a whole number from 0 to (\d+)$/, (n) => `"seed" (giá trị khởi tạo) phải là số nguyên từ 0 đến ${grouped(n!)}`],
  [/^"sampling" must be "quasi" or "uniform"$/, () => `"sampling" (cách lấy mẫu) phải là "quasi" hoặc "uniform"`],
  [/^quasi-random sampling varies at most (\d+) factors; use "sampling": "uniform" for more$/, (n) => `lấy mẫu tựa ngẫu nhiên chỉ thay đổi được tối đa ${n} yếu tố; với nhiều yếu tố hơn hãy dùng "sampling": "uniform"`],
  [/^the appraisal scale is one factor: give it once$/, () => "hệ số điều chỉnh của thẩm định là một yếu tố: chỉ khai báo một lần"],
  [/^the plan must be an object with a "factors" list, e\.g\. (.+)$/s, (example) => `kế hoạch phải là một đối tượng có danh sách "factors" (các yếu tố thay đổi), ví dụ ${example}`],
  [/^internal error: (.*)$/s, (detail) => `lỗi nội bộ của chương trình (${detail}); vui lòng báo lỗi, kèm theo lệnh đã chạy`],
  [/^the rubric uses cohort figures .*$/s, () => "bộ tiêu chí có điểm tính theo các đơn vị khác (cohort.…); phân tích độ nhạy chưa tính lại được các giá trị này trong mỗi mẫu, nên không chạy để tránh cho kết quả sai"],
];

/**
 * A plan problem in the locale: `factor 2: …` with its place and message worded for
 * the reader (the English text when no wording matches — a test keeps every message
 * `readPlan` gives covered).
 * @param problem - the English problem, as `readPlan` gives it
 * @param locale - the reader's language
 * @category Analysis
 */
export function planProblemText(problem: string, locale: Locale): string {
  if (locale !== "vi") return problem;
  const placed = /^factor (\d+): (.*)$/s.exec(problem);
  const message = placed === null ? problem : placed[2]!;
  for (const [pattern, word] of VI) {
    const m = pattern.exec(message);
    if (m !== null) {
      const text = word(...m.slice(1).map((g) => g as string));
      return placed === null ? text : `yếu tố thứ ${placed[1]}: ${text}`;
    }
  }
  return problem;
}
