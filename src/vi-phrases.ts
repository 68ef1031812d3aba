/**
 * Vietnamese wording of the phrases that stages pass as message arguments
 * ("a number", "the end of the file", "greater than 0", …). Codes stay the same; only
 * the `vi` templates of the catalogue use this, so a Vietnamese message never carries
 * an English fragment.
 * @module
 */

const EXACT: Readonly<Record<string, string>> = {
  "a number": "một số", "a name": "một tên", "a quoted text": "một chuỗi trong ngoặc kép", "a percentage": "một tỷ lệ phần trăm",
  "a date": "một ngày", "a value": "một giá trị", "a type": "một kiểu", "a function": "một hàm", "an expression": "một biểu thức",
  "a true/false value": "một giá trị đúng/sai", "text": "văn bản", "a list": "một danh sách", "a list of numbers": "một danh sách số",
  "a list or one or more numbers": "một danh sách hoặc một hay nhiều số", "an unknown value": "một giá trị không xác định",
  "the end of the file": "cuối tệp", "something else": "nội dung khác", "a comparison (>=, >, <=, <, ==, !=)": "một phép so sánh (>=, >, <=, <, ==, !=)",
  "a rounding mode (half-up, half-even, half-down, up, down)": "một cách làm tròn (half-up, half-even, half-down, up, down)",
  "an aggregation (sum, weighted, mean, min, normalised)": "một cách tổng hợp (sum, weighted, mean, min, normalised)",
  "'area', 'criterion' or 'item'": "'area', 'criterion' hoặc 'item'",
  "a real calendar date": "là một ngày có thật", "a whole number from 0 to 10": "là số nguyên từ 0 đến 10", "a whole number": "là số nguyên",
  "a whole number from 0 to 20, written as a literal": "là số nguyên từ 0 đến 20, viết trực tiếp", "greater than 0": "lớn hơn 0", '"vi" or "en"': 'là "vi" hoặc "en"',
  "The decimals of round()": "Số chữ số thập phân của round()", "A number": "Số",
  "at most 50 digits before and 50 after the decimal point": "có không quá 50 chữ số phần nguyên và 50 chữ số phần thập phân", "The locale": "Ngôn ngữ (locale)", "The publish precision": "Độ chính xác công bố",
  "The step": "Bước cho điểm", "A likert bound": "Cận của thang likert", "a child criterion": "tiêu chí con", "score rule": "quy tắc chấm điểm",
  "inputs": "đầu vào", "'let' values": "giá trị 'let'", "'when' clause": "mệnh đề 'when'",
  "3 numbers (value, low, high)": "3 số (giá trị, cận dưới, cận trên)", "2 arguments (value, decimals)": "2 đối số (giá trị, số chữ số)",
  "1 number": "1 số", "1 list of numbers": "1 danh sách số", "1 list": "1 danh sách", "2 numbers": "2 số", "1 was": "có 1", "an expression ": "một biểu thức",
  "criteria": "các tiêu chí", "expression": "biểu thức", "1 condition on a list": "1 điều kiện trên danh sách",
  "an enum, a whole number or a list of them": "một giá trị enum, một số nguyên hoặc danh sách các giá trị đó",
  "it looks like UTF-16 (NUL characters between the letters)": "có vẻ là UTF-16: có ký tự NUL xen giữa các chữ",
  "it looks like UTF-16 (a reversed byte-order mark)": "có vẻ là UTF-16: có dấu thứ tự byte bị đảo",
  "it has bytes that are not UTF-8, as a legacy Vietnamese encoding (TCVN3, VNI, Windows-1258) gives":
    "có byte không phải UTF-8, như khi lưu bằng bảng mã tiếng Việt cũ TCVN3, VNI hay Windows-1258",
  "a full-width letter": "chữ toàn khổ (full-width)", "a Cyrillic letter that looks Latin": "chữ Kirin trông giống chữ Latinh",
  "a Greek letter that looks Latin": "chữ Hy Lạp trông giống chữ Latinh", "an Armenian letter that looks Latin": "chữ Armenia trông giống chữ Latinh",
  "a Cherokee letter that looks Latin": "chữ Cherokee trông giống chữ Latinh",
  "a ratio of counts": "thương của hai số đếm", "banded here against percentages": "một giá trị được so với các mức phần trăm ở đây", "a share of a list": "tỷ lệ phần tử của danh sách", "a count": "số đếm", "a scale answer": "điểm trên thang đo",
  "a node's rule sees its inputs, lets and 'max'; rubric figures exist only after every node is scored":
    "quy tắc của tiêu chí chỉ dùng đầu vào, 'let' và 'max'; các số liệu của cả bộ tiêu chí chỉ có sau khi chấm xong mọi tiêu chí",
  "'applies when' can use only unit facts (unit.…) and values": "'applies when' chỉ dùng thông tin đơn vị (unit.…) và giá trị",
  "the index formula can use points, max, bonus and penalty": "công thức chỉ số chỉ dùng points, max, bonus và penalty",
  "a band condition can use index, points, max, bonus and penalty": "điều kiện xếp loại chỉ dùng index, points, max, bonus và penalty",
  "a rubric holds id, version, basis, locale, publish, index, unit, not applicable, areas, bonus, penalty, ranking and bands":
    "bộ tiêu chí gồm id, version, basis, locale, publish, index, unit, not applicable, các lĩnh vực, bonus, penalty, ranking và bands",
  "a criterion holds description, evidence, input, let, when, score, aggregate, unclamped, not applicable and child criteria":
    "tiêu chí gồm description, evidence, input, let, when, score, aggregate, unclamped, not applicable và tiêu chí con",
  "a bonus or penalty holds description, evidence, input, let, when and score": "khối bonus hoặc penalty gồm description, evidence, input, let, when và score",
  "a ranking holds by, ties, on and within group": "khối ranking gồm by, ties, on và within group",
  "an if-expression inside a calculation needs parentheses: (if … then … else …)": "biểu thức if nằm trong phép tính phải đặt trong ngoặc: (if … then … else …)",
};

const PATTERNS: readonly [RegExp, string][] = [
  [/^The max of (".*")$/, "Điểm tối đa của $1"],
  [/^The weight of (".*")$/, "Trọng số của $1"],
  [/^The date (.*)$/, "Ngày $1"],
  [/^on (".*"), which has no child criteria$/, "ở $1, là tiêu chí không có tiêu chí con"],
  [/^inside (bonus|penalty) (".*")$/, "trong khối $1 $2"],
  [/^(\d+) were$/, "có $1"],
  [/^below (.*)$/, "dưới $1"], [/^at or below (.*)$/, "từ $1 trở xuống"], [/^above (.*)$/, "trên $1"],
  [/^at or above (.*)$/, "từ $1 trở lên"], [/^between (.*) and (.*)$/, "giữa $1 và $2"],
  [/^a value of (enum\(.*\))$/, "một giá trị của $1"],
  [/^an? (item|area|criterion)$/, "$1"],
];

/**
 * The Vietnamese wording of an argument phrase; text that is not a known phrase (a
 * name, a number, an id, source text) is returned unchanged.
 * @param text - an English phrase as a stage passed it
 */
export function viPhrase(text: string): string {
  const exact = EXACT[text];
  if (exact !== undefined) return exact;
  for (const [pattern, replacement] of PATTERNS) if (pattern.test(text)) return text.replace(pattern, replacement);
  // Lists made by the parser: "a number, '{' or 'x', …".
  const ellipsis = text.endsWith(", …");
  const body = ellipsis ? text.slice(0, -3) : text;
  const orAt = body.lastIndexOf(" or ");
  if (orAt > 0) {
    const parts = [...body.slice(0, orAt).split(", "), body.slice(orAt + 4)].map((p) => EXACT[p] ?? p);
    return `${parts.slice(0, -1).join(", ")} hoặc ${parts[parts.length - 1]}${ellipsis ? ", …" : ""}`;
  }
  return text;
}

/**
 * Every decimal point between digits in a text → the decimal comma Vietnamese writes
 * (`105.5 is above 100.25` → `105,5 is above 100,25`), for figures inside a message.
 * @param text - text holding figures written with a dot
 */
export function decimalCommas(text: string): string {
  return text.replace(/(\d)\.(\d)/g, "$1,$2");
}
