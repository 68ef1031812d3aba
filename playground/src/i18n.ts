/** The playground's own wording in Vietnamese and English (diagnostics and reports keep the library's). */

/** Languages of the page. */
export type Lang = "vi" | "en";

/** Every text the page shows. */
export interface Texts {
  readonly title: string;
  readonly intro: string;
  readonly example: string;
  readonly rubric: string;
  readonly problems: string;
  readonly noProblems: string;
  readonly tree: string;
  readonly form: string;
  readonly unit: string;
  readonly score: string;
  readonly explanation: string;
  readonly points: string;
  readonly index: string;
  readonly band: string;
  readonly notArising: string;
  readonly givenPoints: string;
  readonly yes: string;
  readonly no: string;
  readonly listHint: string;
  readonly stale: string;
  readonly incomplete: string;
  readonly invalid: string;
  readonly line: (line: number, column: number) => string;
  readonly fix: (text: string) => string;
  readonly brokenLink: string;
  readonly link: string;
}

const VI: Texts = {
  title: "Sân chơi bộ tiêu chí",
  intro: "Soạn bộ tiêu chí, điền số liệu của một đơn vị và xem điểm ngay trong trình duyệt. Liên kết trên thanh địa chỉ giữ nguyên mọi thứ bạn nhập.",
  example: "Ví dụ",
  rubric: "Bộ tiêu chí",
  problems: "Lỗi và cảnh báo",
  noProblems: "Không có lỗi.",
  tree: "Cây tiêu chí",
  form: "Số liệu của đơn vị",
  unit: "Thông tin đơn vị",
  score: "Kết quả",
  explanation: "Cách tính điểm",
  points: "Điểm",
  index: "Chỉ số",
  band: "Xếp loại",
  notArising: "không phát sinh",
  givenPoints: "điểm do hội đồng cho",
  yes: "có",
  no: "không",
  listHint: "các giá trị cách nhau bởi dấu ;, [] là danh sách rỗng",
  stale: "Bộ tiêu chí đang có lỗi: cây, biểu mẫu và kết quả dưới đây là của lần biên dịch được gần nhất.",
  incomplete: "Chưa tính được điểm:",
  invalid: "Số liệu chưa hợp lệ:",
  line: (line, column) => `dòng ${line}, cột ${column}`,
  fix: (text) => `Sửa thành '${text}'`,
  brokenLink: "Không đọc được trạng thái trong liên kết; đã mở ví dụ mặc định.",
  link: "Sao chép liên kết này để chia sẻ đúng trạng thái hiện tại.",
};

const EN: Texts = {
  title: "Rubric playground",
  intro: "Write a rubric, fill in one unit's data and see its score, all in the browser. The link in the address bar keeps everything you enter.",
  example: "Example",
  rubric: "Rubric",
  problems: "Errors and warnings",
  noProblems: "No problems.",
  tree: "Criterion tree",
  form: "The unit's data",
  unit: "Unit facts",
  score: "Result",
  explanation: "How it was scored",
  points: "Points",
  index: "Index",
  band: "Band",
  notArising: "does not arise",
  givenPoints: "points given by the council",
  yes: "yes",
  no: "no",
  listHint: "values separated by ;, [] for none",
  stale: "The rubric has errors: the tree, form and result below are from the last version that compiled.",
  incomplete: "No score yet:",
  invalid: "The data is not valid yet:",
  line: (line, column) => `line ${line}, column ${column}`,
  fix: (text) => `Replace with '${text}'`,
  brokenLink: "The state in the link could not be read; the default example is open.",
  link: "Copy this link to share exactly this state.",
};

/** The page's texts in a language. */
export function textsFor(lang: Lang): Texts {
  return lang === "en" ? EN : VI;
}
