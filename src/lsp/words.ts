/**
 * What the language server says in its own words (hover, outline, completion,
 * quick fixes), in Vietnamese and English. Diagnostics keep the catalogue's wording.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import type { Aggregation, NaPolicy } from "../syntax/ast.js";
import { Exact } from "../runtime/exact.js";

// A fraction maximum (`10/3`) with the two decimals a decision prints: "10/3 (≈ 3.33)".
const withDecimals = (figure: string): string => {
  const value = figure.includes("/") ? Exact.parse(figure) : undefined;
  return value === undefined ? figure : `${figure} (≈ ${value.toFixed(2, "half-up")})`;
};

/** The server's wording in one language. */
export interface LspWords {
  /** "12 điểm" / "12 points"; a fraction with its two decimals, "10/3 (≈ 3,33) điểm". */
  readonly points: (figure: string) => string;
  /** Names of the node keywords and of bonus and penalty blocks. */
  readonly kind: Readonly<Record<"area" | "criterion" | "item" | "bonus" | "penalty", string>>;
  /** Hover labels. */
  readonly label: {
    readonly max: string;
    readonly childrenMax: string;
    readonly aggregate: string;
    readonly whenNotApplicable: string;
    readonly appliesWhen: string;
    readonly rule: string;
    readonly type: string;
    readonly range: string;
    readonly inputLabel: string;
    readonly input: string;
    readonly let: string;
    readonly fact: string;
    readonly member: string;
    readonly maxOf: string;
  };
  /** How an inner node combines its children. */
  readonly aggregation: Readonly<Record<Aggregation, string>>;
  /** What each not-applicable policy does. */
  readonly policy: Readonly<Record<NaPolicy, string>>;
  /** Where a node's policy comes from. */
  readonly policySource: { readonly own: string; readonly inherited: (id: string) => string; readonly rubric: string; readonly language: string };
  /** Input types in words. */
  readonly types: Readonly<Record<"number" | "count" | "percent" | "likert" | "bool" | "date" | "text" | "enum" | "list", string>>;
  /** Title of the quick fix that applies a suggestion. */
  readonly replaceWith: (text: string) => string;
  /** Blocks of the outline. */
  readonly outline: { readonly unit: string; readonly ranking: string; readonly bands: string };
}

const VI: LspWords = {
  points: (figure) => `${withDecimals(figure).replace(".", ",")} điểm`,
  kind: { area: "lĩnh vực", criterion: "tiêu chí", item: "tiêu chí thành phần", bonus: "điểm thưởng", penalty: "điểm trừ" },
  label: {
    max: "Điểm tối đa",
    childrenMax: "Tổng điểm tối đa các tiêu chí con",
    aggregate: "Cách tổng hợp",
    whenNotApplicable: "Khi không áp dụng",
    appliesWhen: "Chỉ áp dụng khi",
    rule: "Quy tắc chấm",
    type: "Kiểu",
    range: "Khoảng giá trị",
    inputLabel: "Nhãn",
    input: "đầu vào",
    let: "giá trị trung gian",
    fact: "thông tin đơn vị",
    member: "giá trị liệt kê",
    maxOf: "điểm tối đa của tiêu chí này",
  },
  aggregation: { sum: "cộng điểm các tiêu chí con", weighted: "cộng có trọng số", mean: "trung bình", min: "lấy điểm thấp nhất", normalised: "chuẩn hóa về cùng thang điểm" },
  policy: { full: "được điểm tối đa", exclude: "loại khỏi điểm tối đa", zero: "0 điểm" },
  policySource: { own: "khai báo tại đây", inherited: (id) => `kế thừa từ "${id}"`, rubric: "mặc định của bộ tiêu chí", language: "mặc định của ngôn ngữ" },
  types: {
    number: "số",
    count: "số đếm (số nguyên, không âm)",
    percent: "tỷ lệ phần trăm (85 là 85 %)",
    likert: "thang đo Likert (số nguyên)",
    bool: "đúng/sai",
    date: "ngày (YYYY-MM-DD)",
    text: "văn bản (lưu trong kết quả, không dùng để chấm điểm)",
    enum: "một trong các giá trị",
    list: "danh sách",
  },
  replaceWith: (text) => `Sửa thành '${text}'`,
  outline: { unit: "Thông tin đơn vị", ranking: "Xếp hạng", bands: "Xếp loại" },
};

const EN: LspWords = {
  points: (figure) => `${withDecimals(figure)} ${figure === "1" ? "point" : "points"}`,
  kind: { area: "area", criterion: "criterion", item: "item", bonus: "bonus", penalty: "penalty" },
  label: {
    max: "Max",
    childrenMax: "Children's maxima add up to",
    aggregate: "Aggregation",
    whenNotApplicable: "When not applicable",
    appliesWhen: "Applies only when",
    rule: "Rule",
    type: "Type",
    range: "Range",
    inputLabel: "Label",
    input: "input",
    let: "named step",
    fact: "unit fact",
    member: "enum member",
    maxOf: "this node's maximum",
  },
  aggregation: { sum: "sum of the children", weighted: "weighted sum", mean: "mean", min: "the lowest child", normalised: "normalised to a common scale" },
  policy: { full: "awarded its max", exclude: "dropped from the maximum", zero: "0 points" },
  policySource: { own: "stated here", inherited: (id) => `inherited from "${id}"`, rubric: "the rubric's default", language: "the language's default" },
  types: {
    number: "a number",
    count: "a count (whole, ≥ 0)",
    percent: "a percentage (85 means 85 %)",
    likert: "a Likert scale (whole numbers)",
    bool: "true or false",
    date: "a date (YYYY-MM-DD)",
    text: "text (kept in results, never scored)",
    enum: "one of",
    list: "a list of",
  },
  replaceWith: (text) => `Replace with '${text}'`,
  outline: { unit: "Unit facts", ranking: "Ranking", bands: "Bands" },
};

/**
 * The server's wording in a language.
 * @param locale - `vi` or `en`
 */
export function wordsFor(locale: Locale): LspWords {
  return locale === "en" ? EN : VI;
}
