/**
 * Wording of the analysis reports in Vietnamese and English.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import type { FactorSensitivity } from "./stats.js";

/** Words of the sensitivity and what-if reports. */
export const ANALYSIS_WORDS = {
  vi: {
    sensitivity: "Độ nhạy của xếp hạng",
    unit: "Đơn vị",
    nominal: "Hạng gốc",
    median: "Hạng trung vị",
    interval: "Khoảng 5–95 %",
    unscored: "Số mẫu không chấm được",
    share: (band: string) => `${band} (% số mẫu)`,
    factor: "Yếu tố",
    values: "Các giá trị",
    nominalValue: "Giá trị gốc",
    firstOrder: "Chỉ số độ nhạy bậc một",
    factors: "Độ nhạy theo từng yếu tố",
    unranked: "Chưa xếp hạng",
    reason: "Lý do",
    rankAxis: "Hạng",
    legend: "Thanh: khoảng hạng 5–95 % qua các mẫu; chấm: hạng gốc; vạch: hạng trung vị.",
    run: (samples: number, seed: number, sampling: "quasi" | "uniform") => `${samples} mẫu, giá trị khởi tạo (seed) ${seed}, lấy mẫu ${sampling === "quasi" ? "tựa ngẫu nhiên (dãy Halton)" : "ngẫu nhiên đều"}.`,
    meanShift: (v: string) => `Tổng độ lệch hạng bình quân mỗi mẫu (Σ |hạng − hạng gốc|): ${v}.`,
    estimator: "Chỉ số bậc một S = Var(E[Y | X]) / Var(Y) của Y = Σ |hạng − hạng gốc|, ước lượng theo nhóm mẫu (Plischke, Borgonovo và Smith, 2013); để trống khi không hạng nào thay đổi.",
    whatif: "Cần thay đổi gì để đạt mục tiêu",
    criterion: "Tiêu chí",
    input: "Số liệu",
    from: "Hiện tại",
    to: "Cần đạt",
    steps: "Số bước",
    gained: "Điểm tăng",
    perStep: "Điểm mỗi bước",
    rankAfter: "Hạng sau thay đổi",
    band: "Xếp loại",
    index: "Chỉ số",
    points: "điểm chấm trực tiếp",
  },
  en: {
    sensitivity: "Sensitivity of the ranking",
    unit: "Unit",
    nominal: "Nominal rank",
    median: "Median rank",
    interval: "5–95 % interval",
    unscored: "Samples not scored",
    share: (band: string) => `${band} (% of samples)`,
    factor: "Factor",
    values: "Values",
    nominalValue: "Nominal value",
    firstOrder: "First-order index",
    factors: "Sensitivity to each factor",
    unranked: "Not ranked",
    reason: "Reason",
    rankAxis: "Rank",
    legend: "Bar: the 5–95 % interval of the rank over the samples; dot: the nominal rank; tick: the median rank.",
    run: (samples: number, seed: number, sampling: "quasi" | "uniform") => `${samples} samples, seed ${seed}, ${sampling === "quasi" ? "quasi-random (Halton) sampling" : "uniform pseudo-random sampling"}.`,
    meanShift: (v: string) => `Mean sum of rank shifts per sample (Σ |rank − nominal rank|): ${v}.`,
    estimator: "First-order index S = Var(E[Y | X]) / Var(Y) of Y = Σ |rank − nominal rank|, estimated from the samples by binning (Plischke, Borgonovo & Smith 2013); empty when no rank moved.",
    whatif: "What it would take to reach the target",
    criterion: "Criterion",
    input: "Input",
    from: "Now",
    to: "Needed",
    steps: "Steps",
    gained: "Points gained",
    perStep: "Points per step",
    rankAfter: "Rank after",
    band: "Band",
    index: "Index",
    points: "points (given)",
  },
} as const;

/**
 * A factor's name in the report's language (the plan's own name when it gave one).
 * @param f - the factor
 * @param locale - `vi` or `en`
 */
export function factorName(f: FactorSensitivity, locale: Locale): string {
  if (f.named || locale === "en") return f.name;
  const [node, arm] = f.subject.split("\u0000");
  switch (f.kind) {
    case "weight": case "area-weight": return `trọng số ${node}`;
    case "threshold": return `ngưỡng ${node}, mức ${arm}`;
    case "band": return `ngưỡng xếp loại ${node}`;
    case "na-policy": return f.subject === "" ? "cách tính khi không áp dụng" : `cách tính khi không áp dụng (${f.subject})`;
    case "appraisal": return "mức điều chỉnh của thẩm định";
  }
}
