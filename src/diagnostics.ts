/**
 * Diagnostics: the data every stage reports problems with, the stable code
 * catalogue (kept apart from the wording), English and Vietnamese messages, and a
 * renderer that prints `file:line:col`, the source line and a caret underline.
 * @module
 */
import type { Range } from "./syntax/ast.js";
import { viPhrase } from "./vi-phrases.js";

/**
 * How serious a diagnostic is. Only `error` stops compilation.
 * @category Language
 */
export type Severity = "error" | "warning" | "info";

/**
 * Languages messages can be written in.
 * @category Language
 */
export type Locale = "en" | "vi";

/**
 * Values substituted into a message template.
 * @category Language
 */
export type MessageArgs = Readonly<Record<string, string | number>>;

/**
 * One problem found in a source, with where it is and what to do about it.
 * @category Language
 */
export interface Diagnostic {
  /** Stable code from {@link CATALOGUE}, e.g. `"RL201"`. */
  readonly code: DiagnosticCode;
  /** How serious it is. */
  readonly severity: Severity;
  /** The message, in the locale it was made for (English unless asked otherwise). */
  readonly message: string;
  /** Where in the source it points. */
  readonly range: Range;
  /** Structured extras: message arguments and, where it helps, a `suggestion`. */
  readonly data?: DiagnosticData;
}

/**
 * Structured data carried by a diagnostic.
 * @category Language
 */
export interface DiagnosticData {
  /** The arguments of the message template. */
  readonly args?: MessageArgs;
  /** A replacement the author probably meant ("did you mean"), or a fix to apply. */
  readonly suggestion?: string;
}

/**
 * One code of the {@link CATALOGUE}: its severity and its message in each language.
 * @category Language
 */
export interface CatalogueEntry {
  /** The severity a diagnostic of this code has unless its maker overrides it. */
  readonly severity: Severity;
  /** The English message, from the diagnostic's {@link DiagnosticData.args}. */
  readonly en: (a: MessageArgs) => string;
  /** The Vietnamese message (decimal commas, official wording), from the same arguments. */
  readonly vi: (a: MessageArgs) => string;
}
type Entry = CatalogueEntry;

const s = (a: MessageArgs, k: string): string => String(a[k] ?? "");
// In Vietnamese templates: an argument phrase in Vietnamese wording.
const t = (a: MessageArgs, k: string): string => viPhrase(s(a, k));
// In Vietnamese templates: a figure with a decimal comma (0.5 → 0,5).
const n = (a: MessageArgs, k: string): string => s(a, k).replace(/^(-?\d+)\.(\d+)$/, "$1,$2");
// A percentile cut-off from the arguments `<prefix>p` and `<prefix>from` ("yes" for `from`, "" for `above`).
const cutEn = (a: MessageArgs, prefix: string): string => `${a[`${prefix}from`] ? "at or above" : "above"} percentile ${s(a, `${prefix}p`)}`;
const cutVi = (a: MessageArgs, prefix: string): string => (a[`${prefix}from`] ? `từ bách phân vị thứ ${n(a, `${prefix}p`)} trở lên` : `trên bách phân vị thứ ${n(a, `${prefix}p`)}`);
// Words given as `a|b|c`, quoted and joined: 'a', 'b' or 'c'.
const alternatives = (words: string, or: string): string => {
  const quoted = words.split("|").map((w) => `'${w}'`);
  return quoted.length < 2 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} ${or} ${quoted[quoted.length - 1]}`;
};
/** Where a cohort figure may not stand (RL351), by the checker's place. */
const COHORT_PLACE_EN: Readonly<Record<string, string>> = { applies: "'applies when'", bands: "the classification bands", eligible: "'eligible when'", when: "a 'when' clause (it decides which units take part)" };
const COHORT_PLACE_VI: Readonly<Record<string, string>> = { applies: "điều kiện áp dụng (applies when)", bands: "phân loại (bands)", eligible: "điều kiện xếp hạng (eligible when)", when: "điều kiện không phát sinh (when), vì điều kiện này quyết định đơn vị nào được tính" };

/**
 * The code catalogue. Codes are stable across releases; wording may change.
 * RL1xx syntax, RL2xx names, RL3xx types, RL4xx structure and points, RL5xx limits,
 * RL9xx internal failures (a bug of ours, reported as data rather than thrown).
 */
const ENTRIES = {
  RL100: {
    severity: "error",
    en: (a) => (Number(a["count"] ?? 1) > 1 ? `The characters '${s(a, "text")}' (the first is ${s(a, "code")}) are not part of the language; delete them, or in a name use only letters, digits and '_'.` : `The character '${s(a, "text")}' (${s(a, "code")}) is not part of the language; delete it, or in a name use only letters, digits and '_'.`),
    vi: (a) => `${Number(a["count"] ?? 1) > 1 ? "Các ký tự" : "Ký tự"} '${s(a, "text")}' (${Number(a["count"] ?? 1) > 1 ? "ký tự đầu là " : ""}${s(a, "code")}) không thuộc ngôn ngữ; hãy xóa đi, hoặc nếu là tên thì chỉ dùng chữ cái, chữ số và dấu '_'.`,
  },
  RL101: { severity: "error", en: () => `This text has no closing quote '"'; strings end on the same line.`, vi: () => `Chuỗi ký tự thiếu dấu nháy đóng '"'; chuỗi phải kết thúc trên cùng một dòng.` },
  RL102: { severity: "error", en: () => `This comment has no closing '*/'.`, vi: () => `Chú thích thiếu '*/' để đóng.` },
  RL103: { severity: "error", en: (a) => `'${s(a, "text")}' uses a decimal comma; write decimals with a dot (${s(a, "fixed")}). Between arguments, put a space after the comma.`, vi: (a) => `'${t(a, "text")}' dùng dấu phẩy thập phân; trong tệp bộ tiêu chí hãy viết số thập phân với dấu chấm (${t(a, "fixed")}). Giữa các đối số, đặt dấu cách sau dấu phẩy.` },
  RL104: { severity: "error", en: (a) => `Typographic quotes (“ ”) do not enclose text in a rubric, so this is read as stray characters; write straight double quotes: ${s(a, "fixed")}.`, vi: (a) => `Dấu ngoặc kép kiểu văn bản (“ ”) không dùng để bao chuỗi trong bộ tiêu chí; hãy dùng dấu ngoặc kép thẳng: ${s(a, "fixed")}.` },
  RL105: { severity: "error", en: (a) => `'${s(a, "text")}' is not an operator of the language; write '${s(a, "fixed")}'.`, vi: (a) => `'${s(a, "text")}' không phải là phép toán của ngôn ngữ; hãy viết '${s(a, "fixed")}'.` },
  RL106: { severity: "error", en: (a) => `'${s(a, "text")}' is written with full-width characters; write '${s(a, "fixed")}' with ordinary digits (turn off the keyboard's full-width mode).`, vi: (a) => `'${s(a, "text")}' được gõ bằng ký tự toàn khổ (full-width); hãy viết '${s(a, "fixed")}' bằng chữ số thông thường (tắt chế độ toàn khổ của bộ gõ).` },
  RL107: { severity: "error", en: (a) => `'${s(a, "text")}' is not how a date is written here (it would be read as numbers); write year-month-day: ${s(a, "fixed")}.`, vi: (a) => `'${s(a, "text")}' không phải cách viết ngày trong bộ tiêu chí (sẽ bị hiểu là các con số); hãy viết theo dạng năm-tháng-ngày: ${s(a, "fixed")}.` },
  RL108: { severity: "error", en: (a) => `This file is not UTF-8 text (${s(a, "what")}, line ${s(a, "line")}); save it again with the encoding UTF-8 and check it again.`, vi: (a) => `Tệp này không phải văn bản UTF-8 (${t(a, "what")}, dòng ${s(a, "line")}); hãy lưu lại tệp với bảng mã UTF-8 rồi kiểm tra lại.` },
  RL109: { severity: "error", en: (a) => `An invisible character (${s(a, "code")} ${s(a, "name")}) stands here, usually pasted from a document or web page; delete it.`, vi: (a) => `Có ký tự ẩn (${s(a, "code")} ${s(a, "name")}) ở đây, thường do dán từ văn bản hoặc trang web; hãy xóa ký tự này.` },
  RL110: { severity: "error", en: (a) => `Expected ${s(a, "expected")} but found ${s(a, "found")}.`, vi: (a) => `Cần ${t(a, "expected")} nhưng gặp ${t(a, "found")}.` },
  RL111: { severity: "error", en: (a) => `The file ends before ${s(a, "expected")}; is a closing '}' missing?`, vi: (a) => `Tệp kết thúc trước ${t(a, "expected")}; có thiếu dấu '}' không?` },
  RL112: { severity: "error", en: (a) => `'${s(a, "word")}' is a reserved word and cannot be used as a name; choose another, such as '${s(a, "word")}_value'.`, vi: (a) => `'${t(a, "word")}' là từ khóa, không dùng làm tên được; hãy chọn tên khác, ví dụ '${t(a, "word")}_value'.` },
  RL113: { severity: "error", en: (a) => `${s(a, "found")} cannot stand here; ${s(a, "hint")}.`, vi: (a) => `Không đặt ${t(a, "found")} ở đây được; ${t(a, "hint")}.` },
  RL114: { severity: "error", en: () => `'=' gives a value (in let, score and index); to compare, write '=='.`, vi: () => `Dấu '=' dùng để gán giá trị (trong let, score và index); để so sánh, hãy viết '=='.` },
  RL115: { severity: "error", en: () => `A rule's bands end with 'else: …', not 'otherwise' (that word belongs to the classification bands).`, vi: () => `Bảng mức trong quy tắc chấm điểm kết thúc bằng 'else: …', không phải 'otherwise' (từ đó dùng cho bảng xếp loại).` },
  RL116: { severity: "error", en: () => `A classification band that takes every remaining unit is written '"…" otherwise', not 'else' (that word belongs to a rule's bands).`, vi: () => `Mức xếp loại nhận mọi đơn vị còn lại được viết '"…" otherwise', không phải 'else' (từ đó dùng cho bảng mức trong quy tắc).` },
  RL117: { severity: "error", en: (a) => `Unknown word '${s(a, "word")}'; did you mean '${s(a, "suggestion")}'?`, vi: (a) => `Từ '${s(a, "word")}' không có trong ngôn ngữ; có phải là '${s(a, "suggestion")}'?` },
  RL118: { severity: "error", en: (a) => `'${s(a, "word")}' after the number ${s(a, "number")}: a number stands alone, points are implied; write '${s(a, "fixed")}'.`, vi: (a) => `Sau số ${n(a, "number")} không ghi '${s(a, "word")}': chỉ ghi con số, đơn vị điểm đã được hiểu; hãy viết '${s(a, "fixed")}'.` },
  RL119: { severity: "error", en: (a) => `A bands arm has one threshold: arms are tried in order and the first that matches wins, so '${s(a, "text")}' needs only its lower bound, placed after the higher arms: '${s(a, "fixed")}'.`, vi: (a) => `Mỗi mức trong bảng mức chỉ có một ngưỡng: các mức được xét lần lượt, mức đầu tiên thỏa mãn được áp dụng, nên '${s(a, "text")}' chỉ cần ghi cận dưới và đặt sau các mức cao hơn: '${s(a, "fixed")}'.` },
  RL120: { severity: "error", en: (a) => `There is no function '${s(a, "name")}'.${a["suggestion"] ? ` Did you mean '${s(a, "suggestion")}'?` : ""} The functions are ${s(a, "functions")}.`, vi: (a) => `Không có hàm '${s(a, "name")}'.${a["suggestion"] ? ` Có phải là '${s(a, "suggestion")}'?` : ""} Các hàm có sẵn: ${s(a, "functions")}.` },
  RL121: {
    severity: "error",
    en: (a) => (a["before"] ? `${s(a, "block")} opened on line ${s(a, "line")} has no closing '}': by its indentation it ends before line ${s(a, "before")}. Add '}' there.` : `${s(a, "block")} opened on line ${s(a, "line")} is still open at the end of the file: add its closing '}'.`),
    vi: (a) => (a["before"] ? `Khối ${s(a, "block")} mở ở dòng ${s(a, "line")} chưa có dấu '}' đóng: theo thụt lề, khối kết thúc trước dòng ${s(a, "before")}. Hãy thêm '}' vào đó.` : `Khối ${s(a, "block")} mở ở dòng ${s(a, "line")} chưa được đóng khi hết tệp: hãy thêm dấu '}' đóng khối.`),
  },
  RL122: { severity: "error", en: (a) => `The name '${s(a, "name")}' contains '${s(a, "char")}' (${s(a, "code")}), ${s(a, "why")}; retype it, or two names that read the same would differ.`, vi: (a) => `Tên '${s(a, "name")}' có ký tự '${s(a, "char")}' (${s(a, "code")}) là ${t(a, "why")}; hãy gõ lại, nếu không hai tên trông giống nhau sẽ bị coi là khác nhau.` },
  RL123: { severity: "error", en: () => `The file holds no rubric (it is empty or has only comments); a rubric starts with: rubric "Name of the index" { … }.`, vi: () => `Tệp chưa có bộ chỉ số nào (tệp trống hoặc chỉ có chú thích); một tệp quy tắc bắt đầu bằng: rubric "Tên bộ chỉ số" { … }.` },

  RL200: { severity: "error", en: (a) => `The id "${s(a, "id")}" is used twice; it was first used on line ${s(a, "line")}. Ids must be unique in the rubric.`, vi: (a) => `Mã "${t(a, "id")}" bị dùng hai lần; lần đầu ở dòng ${t(a, "line")}. Mã phải là duy nhất trong bộ tiêu chí.` },
  RL201: {
    severity: "error",
    en: (a) => `Unknown name '${s(a, "name")}'.${a["suggestion"] ? ` Did you mean '${s(a, "suggestion")}'?` : a["names"] ? ` The names usable here are ${s(a, "names")}.` : a["names"] === "" ? " Nothing is declared here yet: declare it first (input name: type, or let name = …)." : ""}`,
    vi: (a) => `Không có tên '${t(a, "name")}'.${a["suggestion"] ? ` Có phải là '${t(a, "suggestion")}'?` : a["names"] ? ` Các tên dùng được ở đây: ${s(a, "names")}.` : a["names"] === "" ? " Ở đây chưa khai báo tên nào: hãy khai báo trước (input tên: kiểu, hoặc let tên = …)." : ""}`,
  },
  RL202: { severity: "error", en: (a) => `The name '${s(a, "name")}' is declared twice in this node.`, vi: (a) => `Tên '${t(a, "name")}' được khai báo hai lần trong tiêu chí này.` },
  RL203: { severity: "error", en: (a) => `Unknown unit fact 'unit.${s(a, "name")}'.${a["suggestion"] ? ` Did you mean 'unit.${s(a, "suggestion")}'?` : " Declare it in the unit { … } block."}`, vi: (a) => `Không có thông tin đơn vị 'unit.${t(a, "name")}'.${a["suggestion"] ? ` Có phải là 'unit.${t(a, "suggestion")}'?` : " Hãy khai báo trong khối unit { … }."}` },
  RL204: { severity: "error", en: (a) => `'${s(a, "name")}' is used before it is defined; a 'let' can use only inputs and earlier lets.`, vi: (a) => `'${t(a, "name")}' được dùng trước khi định nghĩa; 'let' chỉ dùng được đầu vào và các 'let' phía trước.` },
  RL205: { severity: "error", en: (a) => `'${s(a, "name")}' is not a value of ${s(a, "type")}.${a["suggestion"] ? ` Did you mean '${s(a, "suggestion")}'?` : ""}`, vi: (a) => `'${t(a, "name")}' không phải là giá trị của ${t(a, "type")}.${a["suggestion"] ? ` Có phải là '${t(a, "suggestion")}'?` : ""}` },
  RL206: { severity: "error", en: (a) => `'${s(a, "what")}' is stated twice; keep one.`, vi: (a) => `'${t(a, "what")}' được khai báo hai lần; chỉ giữ một.` },
  RL207: { severity: "error", en: (a) => `'${s(a, "name")}' cannot be used here: ${s(a, "why")}.`, vi: (a) => `Không dùng '${t(a, "name")}' ở đây được: ${t(a, "why")}.` },

  RL300: { severity: "error", en: (a) => `Expected ${s(a, "expected")} here, but this is ${s(a, "found")}.`, vi: (a) => `Ở đây cần ${t(a, "expected")}, nhưng biểu thức này là ${t(a, "found")}.` },
  RL301: { severity: "error", en: (a) => `${s(a, "name")}() takes ${s(a, "arity")}, but ${s(a, "given")} given.`, vi: (a) => `${t(a, "name")}() nhận ${t(a, "arity")}, nhưng ${t(a, "given")}.` },
  RL302: { severity: "error", en: (a) => `Cannot compare ${s(a, "left")} with ${s(a, "right")}.`, vi: (a) => `Không so sánh được ${t(a, "left")} với ${t(a, "right")}.` },
  RL303: { severity: "error", en: (a) => `'${s(a, "name")}' is text: text is kept in results but never scored.`, vi: (a) => `'${t(a, "name")}' là văn bản: văn bản được lưu trong kết quả nhưng không dùng để chấm điểm.` },
  RL304: { severity: "error", en: (a) => `The range ${s(a, "min")}..${s(a, "max")} is empty; write the smaller bound first.`, vi: (a) => `Khoảng ${t(a, "min")}..${t(a, "max")} rỗng; hãy viết cận nhỏ trước.` },
  RL305: { severity: "error", en: (a) => `${s(a, "what")} must be ${s(a, "must")}, but is ${s(a, "value")}.`, vi: (a) => `${t(a, "what")} phải ${t(a, "must")}, nhưng là ${t(a, "value")}.` },
  RL306: { severity: "error", en: (a) => `${s(a, "subject")} is ${s(a, "kind")}, which a rule reads as a fraction (90% is 0.9), so the bare number ${s(a, "value")} here means ${s(a, "meaning")}; write ${s(a, "fixed")}.`, vi: (a) => `${s(a, "subject")} là ${t(a, "kind")}, trong quy tắc được tính như một phân số (90% là 0,9), nên số ${n(a, "value")} ở đây có nghĩa là ${n(a, "meaning")}; hãy viết ${s(a, "fixed")}.` },
  RL307: { severity: "error", en: (a) => `${s(a, "subject")} is ${s(a, "kind")}, not a fraction, so comparing it with the percentage ${s(a, "value")} (that is ${s(a, "fraction")}) is almost surely a mistake; compare a ratio such as ${s(a, "ratio")} with a percentage, or ${s(a, "subject")} with a plain number.`, vi: (a) => `${s(a, "subject")} là ${t(a, "kind")}, không phải một phân số, nên so sánh với ${s(a, "value")} (tức ${n(a, "fraction")}) gần như chắc chắn là nhầm; hãy so sánh một tỷ lệ như ${s(a, "ratio")} với phần trăm, hoặc so sánh ${s(a, "subject")} với một số thông thường.` },
  // RL370–RL379: percentile groups and bands per unit group (`bands in group "…" by percentile …`).
  RL370: { severity: "error", en: (a) => `'${s(a, "found")}' is not understood here; write ${alternatives(s(a, "expected"), "or")}.`, vi: (a) => `Không hiểu '${s(a, "found")}' ở đây; hãy viết ${alternatives(s(a, "expected"), "hoặc")}.` },
  RL371: { severity: "error", en: () => `This band is a percentile group, but its bands block declares no percentile method; write 'by percentile inc' (PERCENTILE.INC), 'by percentile exc' or 'by percentile nearest' after 'bands'.`, vi: () => `Mức này xếp nhóm theo bách phân vị nhưng khối bands chưa khai báo cách tính bách phân vị; hãy viết 'by percentile inc' (PERCENTILE.INC), 'by percentile exc' hoặc 'by percentile nearest' sau 'bands'.` },
  RL372: { severity: "error", en: (a) => `The percentile ${s(a, "value")} is outside 0 to 100.`, vi: (a) => `Bách phân vị ${n(a, "value")} nằm ngoài khoảng từ 0 đến 100.` },
  RL373: { severity: "error", en: (a) => `This group can never be reached: every unit ${cutEn(a, "")} is already in the group on line ${s(a, "line")} (${a["otherwise"] ? "otherwise" : cutEn(a, "other")}); list the groups from the highest percentile down, ending with otherwise.`, vi: (a) => `Nhóm này không bao giờ có đơn vị: mọi đơn vị ${cutVi(a, "")} đã thuộc nhóm ở dòng ${s(a, "line")} (${a["otherwise"] ? "mức 'otherwise'" : cutVi(a, "other")}); hãy liệt kê các nhóm từ bách phân vị cao nhất xuống, kết thúc bằng 'otherwise'.` },
  RL374: { severity: "error", en: (a) => `The groups do not cover every unit: a unit ${a["from"] ? "below" : "at or below"} percentile ${s(a, "p")} gets no group; end the block with a band '"…" otherwise'.`, vi: (a) => `Các nhóm chưa bao hết mọi đơn vị: đơn vị ${a["from"] ? `dưới bách phân vị thứ ${n(a, "p")}` : `từ bách phân vị thứ ${n(a, "p")} trở xuống`} không thuộc nhóm nào; hãy kết thúc khối bằng một mức '"…" otherwise'.` },
  RL375: { severity: "warning", en: () => `This block declares a percentile method but none of its bands is a percentile group ('from percentile 75'); remove 'by percentile …' or use it.`, vi: () => `Khối này khai báo cách tính bách phân vị nhưng không mức nào xếp nhóm theo bách phân vị ('from percentile 75'); hãy bỏ 'by percentile …' hoặc dùng nó.` },
  RL377: { severity: "error", en: (a) => `A unit ${s(a, "whom")} would fall in two bands blocks: this one and the one on line ${s(a, "line")}; keep one block per unit group.`, vi: (a) => `Một đơn vị ${t(a, "whom")} sẽ thuộc hai khối bands: khối này và khối ở dòng ${s(a, "line")}; mỗi nhóm đơn vị chỉ có một khối.` },
  RL378: { severity: "warning", en: (a) => `Only units of the groups ${s(a, "groups")} have bands; a unit of any other group, or of none, gets no band. Add a block 'bands { … }' for the other units.`, vi: (a) => `Chỉ đơn vị thuộc nhóm ${s(a, "groups")} được xếp loại; đơn vị thuộc nhóm khác, hoặc không có nhóm, sẽ không được xếp loại. Hãy thêm khối 'bands { … }' cho các đơn vị còn lại.` },

  RL380: { severity: "error", en: (a) => `This match gives no value for ${s(a, "missing")} of ${s(a, "subject")}; add ${a["several"] ? "arms for them" : "an arm for it"} (${s(a, "arms")}) or 'else: …'.`, vi: (a) => `Biểu thức match chưa có giá trị cho ${t(a, "missing")} của ${t(a, "subject")}; hãy thêm nhánh (${t(a, "arms")}) hoặc 'else: …'.` },
  RL381: { severity: "error", en: (a) => `'${s(a, "key")}' is listed twice in this match (first on line ${s(a, "line")}); each value may have one arm only.`, vi: (a) => `'${t(a, "key")}' được liệt kê hai lần trong biểu thức match (lần đầu ở dòng ${s(a, "line")}); mỗi giá trị chỉ thuộc một nhánh.` },
  RL382: { severity: "error", en: (a) => a["range"] ? `${s(a, "subject")} takes the whole numbers ${s(a, "range")}, so the arm '${s(a, "key")}' can never match; use a value in that range.` : a["member"] ? `${s(a, "subject")} is a number, so the arm '${s(a, "key")}' (a name) can never match; write a whole number.` : `${s(a, "subject")} is a member of ${s(a, "type")}, so the arm '${s(a, "key")}' (a number) can never match; write one of its members.`, vi: (a) => a["range"] ? `${t(a, "subject")} chỉ nhận các số nguyên ${t(a, "range")}, nên nhánh '${t(a, "key")}' không bao giờ được áp dụng; hãy dùng một giá trị trong khoảng đó.` : a["member"] ? `${t(a, "subject")} là một số, nên nhánh '${t(a, "key")}' (một tên) không bao giờ được áp dụng; hãy viết một số nguyên.` : `${t(a, "subject")} là một giá trị của ${t(a, "type")}, nên nhánh '${t(a, "key")}' (một số) không bao giờ được áp dụng; hãy viết một giá trị của kiểu đó.` },
  RL383: { severity: "warning", en: () => `Every value already has an arm, so 'else' is never used; remove it (a new member added later would then be reported, not silently given this value).`, vi: () => `Mọi giá trị đều đã có nhánh nên 'else' không bao giờ được dùng; hãy bỏ nó (khi sau này thêm giá trị mới, trình biên dịch sẽ báo thay vì lặng lẽ cho giá trị này).` },
  RL384: { severity: "error", en: (a) => `${s(a, "subject")} can take any number, so a match cannot list every value; add 'else: …' or declare a whole range (likert(1..5), count in 0..10).`, vi: (a) => `${t(a, "subject")} có thể nhận bất kỳ số nào nên không liệt kê hết được; hãy thêm 'else: …' hoặc khai báo khoảng số nguyên (likert(1..5), count in 0..10).` },
  RL385: { severity: "error", en: (a) => `${s(a, "fn")}() counts the elements of a list that meet a condition: write the condition on the list, e.g. ${s(a, "example")}.`, vi: (a) => `${t(a, "fn")}() đếm các phần tử của danh sách thỏa một điều kiện: hãy viết điều kiện trên danh sách, ví dụ ${t(a, "example")}.` },
  RL386: { severity: "error", en: (a) => `This condition reads the lists ${s(a, "lists")}; a condition of ${s(a, "fn")}() is tested on each element of one list. Count each list apart.`, vi: (a) => `Điều kiện này dùng các danh sách ${t(a, "lists")}; điều kiện của ${t(a, "fn")}() được xét trên từng phần tử của một danh sách. Hãy đếm riêng từng danh sách.` },
  RL387: { severity: "error", en: (a) => `${s(a, "fn")}() with a condition cannot stand inside the condition of another count() or share(); compute it first with 'let'.`, vi: (a) => `${t(a, "fn")}() có điều kiện không được đặt trong điều kiện của một count() hay share() khác; hãy tính trước bằng 'let'.` },

  RL340: { severity: "error", en: (a) => `${s(a, "what")} is ${s(a, "value")}, a division by zero; write a denominator other than 0 (a third of 10 is 10/3).`, vi: (a) => `${t(a, "what")} là ${s(a, "value")}, tức là chia cho 0; hãy viết mẫu số khác 0 (một phần ba của 10 là 10/3).` },
  RL341: { severity: "error", en: (a) => `The weight of "${s(a, "id")}" is ${s(a, "value")}: the criterion would count for nothing in its parent. Give it a weight above 0, or remove the criterion.`, vi: (a) => `Trọng số của "${t(a, "id")}" là ${n(a, "value")}: tiêu chí sẽ không được tính vào tiêu chí cha. Hãy cho trọng số lớn hơn 0 hoặc bỏ tiêu chí này.` },
  RL400: { severity: "error", en: (a) => `The children of "${s(a, "id")}" add up to ${s(a, "sum")}, less than its max ${s(a, "max")}: no unit can reach the max, so every unit loses the difference. Make the children's maxima add up to ${s(a, "max")}, or lower the max.`, vi: (a) => `Tổng điểm tối đa các tiêu chí con của "${t(a, "id")}" là ${n(a, "sum")}, nhỏ hơn điểm tối đa ${n(a, "max")} của nó: không đơn vị nào đạt được điểm tối đa, mọi đơn vị đều bị mất phần chênh lệch. Hãy sửa điểm tối đa các tiêu chí con cho đủ ${n(a, "max")}, hoặc giảm điểm tối đa.` },
  RL401: { severity: "error", en: (a) => `"${s(a, "id")}" has neither a score rule nor child criteria; add 'score = …' or child nodes.`, vi: (a) => `"${t(a, "id")}" không có quy tắc chấm điểm lẫn tiêu chí con; hãy thêm 'score = …' hoặc tiêu chí con.` },
  RL402: { severity: "error", en: (a) => `"${s(a, "id")}" has both child criteria and its own ${s(a, "what")}; an inner node only aggregates its children.`, vi: (a) => `"${t(a, "id")}" vừa có tiêu chí con vừa có ${t(a, "what")} riêng; tiêu chí có con chỉ tổng hợp điểm của các con.` },
  RL403: { severity: "error", en: (a) => `${s(a, "what")} is not allowed ${s(a, "where")}.`, vi: (a) => `Không được dùng ${t(a, "what")} ${t(a, "where")}.` },
  RL404: { severity: "error", en: (a) => `"${s(a, "id")}" needs a 'weight', because its parent uses 'aggregate weighted'.`, vi: (a) => `"${s(a, "id")}" cần có 'weight' vì tiêu chí cha dùng 'aggregate weighted'.` },
  RL405: { severity: "warning", en: (a) => `This rule can give more than the max ${s(a, "max")} of "${s(a, "id")}"${a["value"] ? ` (up to ${s(a, "value")})` : ""}; the points will be clamped to ${s(a, "max")}.`, vi: (a) => `Quy tắc này có thể cho vượt điểm tối đa ${t(a, "max")} của "${t(a, "id")}"${a["value"] ? ` (tới ${t(a, "value")})` : ""}; điểm sẽ bị giới hạn ở ${t(a, "max")}.` },
  RL406: { severity: "warning", en: (a) => `This rule can go below 0${a["value"] ? ` (as low as ${s(a, "value")})` : ""}; the points of "${s(a, "id")}" will be clamped to 0.`, vi: (a) => `Quy tắc này có thể cho điểm âm${a["value"] ? ` (thấp nhất ${t(a, "value")})` : ""}; điểm của "${t(a, "id")}" sẽ được nâng lên 0.` },
  RL407: { severity: "error", en: (a) => `This arm can never match: every value it accepts is taken by the arm on line ${s(a, "line")}, and the first arm that matches wins.${a["ascending"] ? " List the highest threshold first." : " Remove it or change its threshold."}`, vi: (a) => `Mức này không bao giờ được áp dụng: mọi giá trị của nó đã thuộc mức ở dòng ${s(a, "line")}, và mức đầu tiên thỏa mãn được áp dụng.${a["ascending"] ? " Hãy xếp ngưỡng cao nhất lên đầu." : " Hãy bỏ mức này hoặc sửa ngưỡng."}` },
  RL408: { severity: "warning", en: (a) => `Values ${s(a, "gap")} match no band; add 'else: …' or a band for them.`, vi: (a) => `Các giá trị ${t(a, "gap")} không thuộc mức nào; hãy thêm 'else: …' hoặc một mức cho chúng.` },
  RL409: { severity: "error", en: (a) => `The ranking key names ${s(a, "keyword")} "${s(a, "id")}", which is not in the rubric.${a["suggestion"] ? ` Did you mean "${s(a, "suggestion")}"?` : ""}`, vi: (a) => `Khóa xếp hạng nêu ${t(a, "keyword")} "${t(a, "id")}", không có trong bộ tiêu chí.${a["suggestion"] ? ` Có phải là "${t(a, "suggestion")}"?` : ""}` },
  RL410: { severity: "warning", en: (a) => `"${s(a, "id")}" is ${s(a, "actual")}, but the ranking key calls it ${s(a, "keyword")}.`, vi: (a) => `"${t(a, "id")}" là ${t(a, "actual")}, nhưng khóa xếp hạng gọi là ${t(a, "keyword")}.` },
  RL411: { severity: "warning", en: (a) => `The step ${s(a, "step")} does not divide the max ${s(a, "max")} of "${s(a, "id")}"; the max cannot be given.`, vi: (a) => `Bước ${t(a, "step")} không chia hết điểm tối đa ${t(a, "max")} của "${t(a, "id")}"; không thể cho điểm tối đa.` },
  RL412: { severity: "error", en: () => `The rubric has no criteria; add at least one area.`, vi: () => `Bộ tiêu chí chưa có tiêu chí nào; hãy thêm ít nhất một lĩnh vực.` },
  RL413: { severity: "error", en: (a) => `This band can never match: the band on line ${s(a, "line")} already takes every unit.`, vi: (a) => `Mức xếp loại này không bao giờ được áp dụng: mức ở dòng ${t(a, "line")} đã nhận mọi đơn vị.` },
  RL414: { severity: "warning", en: () => `No band is 'otherwise': a unit that matches no band gets no band.`, vi: () => `Không có mức 'otherwise': đơn vị không khớp mức nào sẽ không được xếp loại.` },
  RL416: { severity: "error", en: (a) => `"${s(a, "id")}" has a 'weight', but its parent does not use 'aggregate weighted'.`, vi: (a) => `"${s(a, "id")}" có 'weight' nhưng tiêu chí cha không dùng 'aggregate weighted'.` },
  RL415: { severity: "warning", en: (a) => `This input is declared but never used by a rule of "${s(a, "id")}".`, vi: (a) => `Đầu vào này được khai báo nhưng không được quy tắc nào của "${t(a, "id")}" sử dụng.` },
  RL417: { severity: "warning", en: (a) => `The children of "${s(a, "id")}" add up to ${s(a, "sum")}, more than its max ${s(a, "max")}: ${a["unclamped"] ? `the node is unclamped, so a unit can get up to ${s(a, "sum")}` : `points above ${s(a, "max")} are capped`}.`, vi: (a) => `Tổng điểm tối đa các tiêu chí con của "${t(a, "id")}" là ${n(a, "sum")}, lớn hơn điểm tối đa ${n(a, "max")}: ${a["unclamped"] ? `tiêu chí không giới hạn điểm (unclamped) nên đơn vị có thể đạt tới ${n(a, "sum")}` : `phần điểm vượt ${n(a, "max")} không được tính`}.` },

  RL350: { severity: "error", en: (a) => `cohort.${s(a, "name")} is not a cohort statistic;${a["suggestion"] ? ` did you mean cohort.${s(a, "suggestion")}?` : ""} use cohort.max, cohort.min, cohort.mean, cohort.percentile or cohort.rescale.`, vi: (a) => `cohort.${s(a, "name")} không phải là một phép thống kê trên các đơn vị;${a["suggestion"] ? ` có phải là cohort.${s(a, "suggestion")}?` : ""} hãy dùng cohort.max, cohort.min, cohort.mean, cohort.percentile hoặc cohort.rescale.` },
  RL351: { severity: "error", en: (a) => `A cohort figure cannot be used in ${COHORT_PLACE_EN[s(a, "place")] ?? s(a, "place")}: it is known only after every unit's rules are computed; use it in a let, a score or the index formula.`, vi: (a) => `Không dùng số liệu so sánh giữa các đơn vị (cohort) trong ${COHORT_PLACE_VI[s(a, "place")] ?? s(a, "place")} được: số liệu này chỉ có sau khi đã tính quy tắc của mọi đơn vị; hãy dùng nó trong let, score hoặc công thức chỉ số.` },
  RL352: { severity: "error", en: (a) => `The argument of cohort.${s(a, "stat")} depends on a cohort figure (${s(a, "chain")}): a cohort figure is computed from every unit's argument first, so the argument cannot use one; compute it from inputs, unit facts and lets that use no cohort figure.`, vi: (a) => `Đối số của cohort.${t(a, "stat")} lại phụ thuộc vào một số liệu so sánh giữa các đơn vị (${s(a, "chain")}): số liệu đó được tính từ đối số của mọi đơn vị trước, nên đối số không được dùng nó; hãy tính đối số từ số liệu đầu vào, thông tin đơn vị và các let không dùng cohort.` },
  RL353: { severity: "error", en: (a) => `cohort.rescale(x, low, high) needs the scale written as two numbers with low below high, but ${a["low"] === undefined ? "they are not numbers written out" : `${s(a, "low")} is not below ${s(a, "high")}`}.`, vi: (a) => `cohort.rescale(x, cận dưới, cận trên) cần thang điểm ghi bằng hai số, cận dưới nhỏ hơn cận trên, nhưng ${a["low"] === undefined ? "thang điểm không được ghi bằng số" : `${n(a, "low")} không nhỏ hơn ${n(a, "high")}`}.` },
  RL500: { severity: "error", en: (a) => `The source is ${s(a, "size")} characters long; the limit is ${s(a, "limit")}.`, vi: (a) => `Tệp nguồn dài ${t(a, "size")} ký tự; giới hạn là ${t(a, "limit")}.` },
  RL501: { severity: "error", en: (a) => `Nesting is deeper than ${s(a, "limit")} levels here; flatten the ${s(a, "what")}.`, vi: (a) => `Độ lồng nhau vượt quá ${t(a, "limit")} cấp ở đây; hãy giảm độ lồng của ${t(a, "what")}.` },
  RL503: { severity: "error", en: (a) => `This expression is nested more than ${s(a, "limit")} levels deep; split it into steps with 'let'.`, vi: (a) => `Biểu thức này lồng nhau quá ${t(a, "limit")} cấp; hãy tách thành các bước bằng 'let'.` },
  RL502: { severity: "error", en: (a) => `The source has more than ${s(a, "limit")} tokens; split it or simplify its expressions.`, vi: (a) => `Tệp nguồn có hơn ${t(a, "limit")} từ tố; hãy tách nhỏ hoặc đơn giản hóa biểu thức.` },
  RL504: { severity: "error", en: (a) => `${s(a, "count")} more problems are not shown; fix the ones above and check again.`, vi: (a) => `Còn ${s(a, "count")} vấn đề khác chưa được hiển thị; hãy sửa các lỗi trên rồi kiểm tra lại.` },

  RL900: { severity: "error", en: (a) => `Internal error in the compiler (${s(a, "detail")}); please report it with this file.`, vi: (a) => `Lỗi nội bộ của trình biên dịch (${t(a, "detail")}); vui lòng báo lỗi kèm tệp này.` },
} as const satisfies Record<string, Entry>;

/**
 * A stable diagnostic code, e.g. `"RL201"`.
 * @category Language
 */
export type DiagnosticCode = keyof typeof ENTRIES;

/**
 * The code catalogue: every diagnostic code with its severity and its English and
 * Vietnamese wording. Codes are stable across releases; wording may change.
 * RL1xx syntax, RL2xx names, RL3xx types, RL4xx structure and points, RL5xx limits,
 * RL9xx internal failures (a bug of ours, reported as data rather than thrown).
 * Typed by entry rather than by its literal, so each code's functions are documented once.
 * @category Language
 * @example
 * ```ts
 * import { CATALOGUE } from "rubric-lang";
 * console.log(CATALOGUE.RL101.severity); // "error"
 * console.log(CATALOGUE.RL101.vi({})); // "Chuỗi ký tự thiếu dấu nháy đóng '"'; chuỗi phải kết thúc trên cùng một dòng."
 * ```
 */
export const CATALOGUE: Readonly<Record<DiagnosticCode, CatalogueEntry>> = ENTRIES;

/**
 * True for a locale the catalogue words messages in.
 * @param value - anything, e.g. an option given by an app
 */
export function isLocale(value: unknown): value is Locale {
  return value === "en" || value === "vi";
}

/** Options for {@link makeDiagnostic}. */
export interface MakeOptions {
  /** Message arguments. */
  readonly args?: MessageArgs;
  /** A suggested replacement. */
  readonly suggestion?: string;
  /** Overrides the catalogue's severity (rarely needed). */
  readonly severity?: Severity;
  /** Message language; English by default. */
  readonly locale?: Locale;
}

/**
 * Builds a diagnostic from its code: severity and wording come from the catalogue.
 * @param code - the catalogue code
 * @param range - where it points
 * @param options - arguments, suggestion, locale
 */
export function makeDiagnostic(code: DiagnosticCode, range: Range, options: MakeOptions = {}): Diagnostic {
  const entry: Entry = CATALOGUE[code];
  const args = options.args ?? {};
  const data: DiagnosticData = options.suggestion === undefined ? { args } : { args, suggestion: options.suggestion };
  return {
    code,
    severity: options.severity ?? entry.severity,
    message: entry[isLocale(options.locale) ? options.locale : "en"](args),
    range,
    data,
  };
}

/**
 * Rewords a diagnostic in another locale, keeping code, range and data.
 * @param diagnostic - a diagnostic made by this library
 * @param locale - the language wanted
 * @example
 * ```ts
 * import { compile, localize } from "rubric-lang";
 * const compiled = compile('rubric "Demo" { area "1" "Chỉ đạo" max 10 { score = 0,5 } }'); // English messages
 * if (!compiled.ok) console.log(compiled.diagnostics.map((d) => localize(d, "vi").message));
 * ```
 * @category Language
 */
export function localize(diagnostic: Diagnostic, locale: Locale): Diagnostic {
  const entry: Entry = CATALOGUE[diagnostic.code];
  return { ...diagnostic, message: entry[isLocale(locale) ? locale : "en"](diagnostic.data?.args ?? {}) };
}

/** Most diagnostics reported for one source; the rest are counted in one RL504. */
export const MAX_DIAGNOSTICS = 100;

/**
 * Keeps the first {@link MAX_DIAGNOSTICS} diagnostics of a sorted list and, when there
 * are more, adds one RL504 at the first one left out, saying how many (an error when
 * any of them is one), so a file of garbage gives a bounded report.
 * @param sorted - diagnostics in source order
 * @param max - how many to keep
 */
export function limitDiagnostics(sorted: readonly Diagnostic[], max = MAX_DIAGNOSTICS): Diagnostic[] {
  if (sorted.length <= max) return [...sorted];
  const hidden = sorted.slice(max);
  const severity: Severity = hidden.some((d) => d.severity === "error") ? "error" : hidden.some((d) => d.severity === "warning") ? "warning" : "info";
  return [...sorted.slice(0, max), makeDiagnostic("RL504", hidden[0]!.range, { args: { count: hidden.length }, severity })];
}

/**
 * True when any diagnostic in the list is an error.
 * @category Language
 */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/**
 * Sorts diagnostics by position, then code, so output is deterministic.
 * @param diagnostics - diagnostics in any order
 * @category Language
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/**
 * Options for {@link renderDiagnostic}.
 * @category Language
 */
export interface RenderOptions {
  /** The file name to print before `:line:col`. */
  readonly file?: string;
  /** Language of the message; the diagnostic's own wording when absent. */
  readonly locale?: Locale;
}

/**
 * Widest stretch of a source line printed under a diagnostic (minified or garbage lines can be megabytes).
 * @category Language
 */
export const MAX_FRAME_WIDTH = 160;

// Control characters would act on a terminal: print C0 ones as their Control Pictures
// (one column wide, so the caret stays aligned), the rest as U+FFFD.
const visible = (text: string): string =>
  text.replace(/[\x00-\x08\x0B-\x1F\x7F-\x9F]/g, (c) => (c.charCodeAt(0) < 0x20 ? String.fromCharCode(0x2400 + c.charCodeAt(0)) : c === "\x7F" ? "\u2421" : "\uFFFD"));

/**
 * The stretch of the diagnostic's line to print, found from its offset and column (no
 * splitting of the source), cut to {@link MAX_FRAME_WIDTH} around the column.
 */
function frameLine(source: string, start: Range["start"]): { text: string; caretAt: number; room: number } | undefined {
  const lineStart = start.offset - (start.column - 1);
  if (lineStart < 0 || start.offset > source.length) return undefined;
  const from = Math.max(lineStart, start.offset - 60);
  let to = start.offset;
  while (to < source.length && to < from + MAX_FRAME_WIDTH && source[to] !== "\n" && source[to] !== "\r") to++;
  const cutBefore = from > lineStart;
  const cutAfter = to < source.length && source[to] !== "\n" && source[to] !== "\r";
  const text = `${cutBefore ? "…" : ""}${visible(source.slice(from, to))}${cutAfter ? "…" : ""}`;
  return { text, caretAt: start.offset - from + (cutBefore ? 1 : 0), room: Math.max(1, to - start.offset) };
}

/** The words of a code frame: the severity and the suggestion's label. */
const SEVERITY_LABEL: Readonly<Record<Locale, Readonly<Record<Severity | "suggestion", string>>>> = {
  en: { error: "error", warning: "warning", info: "info", suggestion: "suggestion" },
  vi: { error: "lỗi", warning: "cảnh báo", info: "thông tin", suggestion: "gợi ý" },
};

/**
 * Renders a diagnostic as a code frame:
 * ```
 * rubric.rubric:12:9: error RL201: Unknown name 'totl'. Did you mean 'total'?
 *    12 |   score = totl * 2
 *       |           ^^^^
 *       = suggestion: total
 * ```
 * The line is found from the diagnostic's offset (the source is never split) and cut
 * to {@link MAX_FRAME_WIDTH} characters around the column; control characters are
 * printed as visible symbols.
 * @param diagnostic - the diagnostic
 * @param source - the source text it points into
 * @param options - file name and locale
 * @example
 * ```ts
 * import { compile, renderDiagnostic } from "rubric-lang";
 * const source = 'rubric "Demo" { area "1" "Chỉ đạo" max 10 { score = 0,5 } }';
 * const compiled = compile(source, { locale: "vi" });
 * if (!compiled.ok) for (const d of compiled.diagnostics) console.log(renderDiagnostic(d, source, { file: "demo.rubric" }));
 * // demo.rubric:1:53: error RL103: '0,5' dùng dấu phẩy thập phân; … (0.5). …
 * //    1 | rubric "Demo" { area "1" "Chỉ đạo" max 10 { score = 0,5 } }
 * //      |                                                     ^^^
 * //      = suggestion: 0.5
 * ```
 * @category Language
 */
export function renderDiagnostic(diagnostic: Diagnostic, source: string, options: RenderOptions = {}): string {
  const d = options.locale ? localize(diagnostic, options.locale) : diagnostic;
  const { start, end } = d.range;
  const label = SEVERITY_LABEL[options.locale ?? "en"];
  const head = visible(`${options.file ?? "<input>"}:${start.line}:${start.column}: ${label[d.severity]} ${d.code}: ${d.message}`);
  const line = frameLine(source, start);
  if (line === undefined) return head;
  const gutter = String(start.line).length + 1;
  const width = end.line === start.line ? Math.min(line.room, Math.max(1, end.offset - start.offset)) : line.room;
  const frame = [
    head,
    `${String(start.line).padStart(gutter + 2)} | ${line.text}`,
    `${" ".repeat(gutter + 2)} | ${" ".repeat(line.caretAt)}${"^".repeat(width)}`,
  ];
  if (d.data?.suggestion !== undefined) frame.push(`${" ".repeat(gutter + 2)} = ${label.suggestion}: ${visible(d.data.suggestion.slice(0, MAX_FRAME_WIDTH))}`);
  return frame.join("\n");
}
