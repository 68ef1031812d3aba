/**
 * Diagnostics: the data every stage reports problems with, the stable code
 * catalogue (kept apart from the wording), English and Vietnamese messages, and a
 * renderer that prints `file:line:col`, the source line and a caret underline.
 * @module
 */
import type { Range } from "./syntax/ast.js";
import { viPhrase } from "./vi-phrases.js";

/** How serious a diagnostic is. Only `error` stops compilation. */
export type Severity = "error" | "warning" | "info";

/** Languages messages can be written in. */
export type Locale = "en" | "vi";

/** Values substituted into a message template. */
export type MessageArgs = Readonly<Record<string, string | number>>;

/** One problem found in a source, with where it is and what to do about it. */
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

/** Structured data carried by a diagnostic. */
export interface DiagnosticData {
  /** The arguments of the message template. */
  readonly args?: MessageArgs;
  /** A replacement the author probably meant ("did you mean"), or a fix to apply. */
  readonly suggestion?: string;
}

interface Entry {
  readonly severity: Severity;
  readonly en: (a: MessageArgs) => string;
  readonly vi: (a: MessageArgs) => string;
}

const s = (a: MessageArgs, k: string): string => String(a[k] ?? "");
// In Vietnamese templates: an argument phrase in Vietnamese wording.
const t = (a: MessageArgs, k: string): string => viPhrase(s(a, k));

/**
 * The code catalogue. Codes are stable across releases; wording may change.
 * RL1xx syntax, RL2xx names, RL3xx types, RL4xx structure and points, RL5xx limits,
 * RL9xx internal failures (a bug of ours, reported as data rather than thrown).
 */
export const CATALOGUE = {
  RL100: { severity: "error", en: (a) => `Unexpected character '${s(a, "text")}'.`, vi: (a) => `Ký tự không hợp lệ '${t(a, "text")}'.` },
  RL101: { severity: "error", en: () => `This text has no closing quote '"'; strings end on the same line.`, vi: () => `Chuỗi ký tự thiếu dấu nháy đóng '"'; chuỗi phải kết thúc trên cùng một dòng.` },
  RL102: { severity: "error", en: () => `This comment has no closing '*/'.`, vi: () => `Chú thích thiếu '*/' để đóng.` },
  RL103: { severity: "error", en: (a) => `'${s(a, "text")}' uses a decimal comma; write decimals with a dot (${s(a, "fixed")}). Between arguments, put a space after the comma.`, vi: (a) => `'${t(a, "text")}' dùng dấu phẩy thập phân; hãy viết số thập phân với dấu chấm (${t(a, "fixed")}). Giữa các đối số, đặt dấu cách sau dấu phẩy.` },
  RL110: { severity: "error", en: (a) => `Expected ${s(a, "expected")} but found ${s(a, "found")}.`, vi: (a) => `Cần ${t(a, "expected")} nhưng gặp ${t(a, "found")}.` },
  RL111: { severity: "error", en: (a) => `The file ends before ${s(a, "expected")}; is a closing '}' missing?`, vi: (a) => `Tệp kết thúc trước ${t(a, "expected")}; có thiếu dấu '}' không?` },
  RL112: { severity: "error", en: (a) => `'${s(a, "word")}' is a reserved word and cannot be used as a name; choose another, such as '${s(a, "word")}_value'.`, vi: (a) => `'${t(a, "word")}' là từ khóa, không dùng làm tên được; hãy chọn tên khác, ví dụ '${t(a, "word")}_value'.` },
  RL113: { severity: "error", en: (a) => `Unexpected ${s(a, "found")} here; ${s(a, "hint")}.`, vi: (a) => `Không mong đợi ${t(a, "found")} ở đây; ${t(a, "hint")}.` },

  RL200: { severity: "error", en: (a) => `The id "${s(a, "id")}" is used twice; it was first used on line ${s(a, "line")}. Ids must be unique in the rubric.`, vi: (a) => `Mã "${t(a, "id")}" bị dùng hai lần; lần đầu ở dòng ${t(a, "line")}. Mã phải là duy nhất trong bộ tiêu chí.` },
  RL201: { severity: "error", en: (a) => `Unknown name '${s(a, "name")}'.${a["suggestion"] ? ` Did you mean '${s(a, "suggestion")}'?` : ""}`, vi: (a) => `Không có tên '${t(a, "name")}'.${a["suggestion"] ? ` Có phải là '${t(a, "suggestion")}'?` : ""}` },
  RL202: { severity: "error", en: (a) => `The name '${s(a, "name")}' is declared twice in this node.`, vi: (a) => `Tên '${t(a, "name")}' được khai báo hai lần trong tiêu chí này.` },
  RL203: { severity: "error", en: (a) => `Unknown unit fact 'unit.${s(a, "name")}'.${a["suggestion"] ? ` Did you mean 'unit.${s(a, "suggestion")}'?` : " Declare it in the unit { … } block."}`, vi: (a) => `Không có thông tin đơn vị 'unit.${t(a, "name")}'.${a["suggestion"] ? ` Có phải là 'unit.${t(a, "suggestion")}'?` : " Hãy khai báo trong khối unit { … }."}` },
  RL204: { severity: "error", en: (a) => `'${s(a, "name")}' is used before it is defined; a 'let' can use only inputs and earlier lets.`, vi: (a) => `'${t(a, "name")}' được dùng trước khi định nghĩa; 'let' chỉ dùng được đầu vào và các 'let' phía trước.` },
  RL205: { severity: "error", en: (a) => `'${s(a, "name")}' is not a value of ${s(a, "type")}.${a["suggestion"] ? ` Did you mean '${s(a, "suggestion")}'?` : ""}`, vi: (a) => `'${t(a, "name")}' không phải là giá trị của ${t(a, "type")}.${a["suggestion"] ? ` Có phải là '${t(a, "suggestion")}'?` : ""}` },
  RL206: { severity: "error", en: (a) => `'${s(a, "what")}' is stated twice; keep one.`, vi: (a) => `'${t(a, "what")}' được khai báo hai lần; chỉ giữ một.` },
  RL207: { severity: "error", en: (a) => `'${s(a, "name")}' cannot be used here: ${s(a, "why")}.`, vi: (a) => `Không dùng '${t(a, "name")}' ở đây được: ${t(a, "why")}.` },

  RL300: { severity: "error", en: (a) => `Expected ${s(a, "expected")} here, but this is ${s(a, "found")}.`, vi: (a) => `Ở đây cần ${t(a, "expected")}, nhưng biểu thức này là ${t(a, "found")}.` },
  RL301: { severity: "error", en: (a) => `${s(a, "name")}() takes ${s(a, "arity")}, but ${s(a, "given")} given.`, vi: (a) => `${t(a, "name")}() nhận ${t(a, "arity")}, nhưng có ${t(a, "given")}.` },
  RL302: { severity: "error", en: (a) => `Cannot compare ${s(a, "left")} with ${s(a, "right")}.`, vi: (a) => `Không so sánh được ${t(a, "left")} với ${t(a, "right")}.` },
  RL303: { severity: "error", en: (a) => `'${s(a, "name")}' is text: text is kept in results but never scored.`, vi: (a) => `'${t(a, "name")}' là văn bản: văn bản được lưu trong kết quả nhưng không dùng để chấm điểm.` },
  RL304: { severity: "error", en: (a) => `The range ${s(a, "min")}..${s(a, "max")} is empty; write the smaller bound first.`, vi: (a) => `Khoảng ${t(a, "min")}..${t(a, "max")} rỗng; hãy viết cận nhỏ trước.` },
  RL305: { severity: "error", en: (a) => `${s(a, "what")} must be ${s(a, "must")}, but is ${s(a, "value")}.`, vi: (a) => `${t(a, "what")} phải ${t(a, "must")}, nhưng là ${t(a, "value")}.` },

  RL400: { severity: "warning", en: (a) => `The children of "${s(a, "id")}" add up to ${s(a, "sum")}, but its max is ${s(a, "max")}.`, vi: (a) => `Tổng điểm tối đa các tiêu chí con của "${t(a, "id")}" là ${t(a, "sum")}, nhưng điểm tối đa của nó là ${t(a, "max")}.` },
  RL401: { severity: "error", en: (a) => `"${s(a, "id")}" has neither a score rule nor child criteria; add 'score = …' or child nodes.`, vi: (a) => `"${t(a, "id")}" không có quy tắc chấm điểm lẫn tiêu chí con; hãy thêm 'score = …' hoặc tiêu chí con.` },
  RL402: { severity: "error", en: (a) => `"${s(a, "id")}" has both child criteria and its own ${s(a, "what")}; an inner node only aggregates its children.`, vi: (a) => `"${t(a, "id")}" vừa có tiêu chí con vừa có ${t(a, "what")} riêng; tiêu chí có con chỉ tổng hợp điểm của các con.` },
  RL403: { severity: "error", en: (a) => `${s(a, "what")} is not allowed ${s(a, "where")}.`, vi: (a) => `Không được dùng ${t(a, "what")} ${t(a, "where")}.` },
  RL404: { severity: "error", en: (a) => `"${s(a, "id")}" needs a 'weight', because its parent uses 'aggregate weighted'.`, vi: (a) => `"${s(a, "id")}" cần có 'weight' vì tiêu chí cha dùng 'aggregate weighted'.` },
  RL405: { severity: "warning", en: (a) => `This rule can give more than the max ${s(a, "max")} of "${s(a, "id")}"${a["value"] ? ` (up to ${s(a, "value")})` : ""}; the points will be clamped to ${s(a, "max")}.`, vi: (a) => `Quy tắc này có thể cho vượt điểm tối đa ${t(a, "max")} của "${t(a, "id")}"${a["value"] ? ` (tới ${t(a, "value")})` : ""}; điểm sẽ bị giới hạn ở ${t(a, "max")}.` },
  RL406: { severity: "warning", en: (a) => `This rule can go below 0${a["value"] ? ` (as low as ${s(a, "value")})` : ""}; the points of "${s(a, "id")}" will be clamped to 0.`, vi: (a) => `Quy tắc này có thể cho điểm âm${a["value"] ? ` (thấp nhất ${t(a, "value")})` : ""}; điểm của "${t(a, "id")}" sẽ được nâng lên 0.` },
  RL407: { severity: "warning", en: (a) => `This band can never match: every value it accepts is taken by an earlier band (line ${s(a, "line")}).`, vi: (a) => `Mức này không bao giờ được áp dụng: mọi giá trị của nó đã thuộc một mức phía trước (dòng ${t(a, "line")}).` },
  RL408: { severity: "warning", en: (a) => `Values ${s(a, "gap")} match no band; add 'else: …' or a band for them.`, vi: (a) => `Các giá trị ${t(a, "gap")} không thuộc mức nào; hãy thêm 'else: …' hoặc một mức cho chúng.` },
  RL409: { severity: "error", en: (a) => `The ranking key names ${s(a, "keyword")} "${s(a, "id")}", which is not in the rubric.${a["suggestion"] ? ` Did you mean "${s(a, "suggestion")}"?` : ""}`, vi: (a) => `Khóa xếp hạng nêu ${t(a, "keyword")} "${t(a, "id")}", không có trong bộ tiêu chí.${a["suggestion"] ? ` Có phải là "${t(a, "suggestion")}"?` : ""}` },
  RL410: { severity: "warning", en: (a) => `"${s(a, "id")}" is ${s(a, "actual")}, but the ranking key calls it ${s(a, "keyword")}.`, vi: (a) => `"${t(a, "id")}" là ${t(a, "actual")}, nhưng khóa xếp hạng gọi là ${t(a, "keyword")}.` },
  RL411: { severity: "warning", en: (a) => `The step ${s(a, "step")} does not divide the max ${s(a, "max")} of "${s(a, "id")}"; the max cannot be given.`, vi: (a) => `Bước ${t(a, "step")} không chia hết điểm tối đa ${t(a, "max")} của "${t(a, "id")}"; không thể cho điểm tối đa.` },
  RL412: { severity: "error", en: () => `The rubric has no criteria; add at least one area.`, vi: () => `Bộ tiêu chí chưa có tiêu chí nào; hãy thêm ít nhất một lĩnh vực.` },
  RL413: { severity: "warning", en: (a) => `This band can never match: the band on line ${s(a, "line")} already takes every unit.`, vi: (a) => `Mức xếp loại này không bao giờ được áp dụng: mức ở dòng ${t(a, "line")} đã nhận mọi đơn vị.` },
  RL414: { severity: "warning", en: () => `No band is 'otherwise': a unit that matches no band gets no band.`, vi: () => `Không có mức 'otherwise': đơn vị không khớp mức nào sẽ không được xếp loại.` },
  RL416: { severity: "error", en: (a) => `"${s(a, "id")}" has a 'weight', but its parent does not use 'aggregate weighted'.`, vi: (a) => `"${s(a, "id")}" có 'weight' nhưng tiêu chí cha không dùng 'aggregate weighted'.` },
  RL415: { severity: "warning", en: (a) => `This input is declared but never used by a rule of "${s(a, "id")}".`, vi: (a) => `Đầu vào này được khai báo nhưng không được quy tắc nào của "${t(a, "id")}" sử dụng.` },

  RL500: { severity: "error", en: (a) => `The source is ${s(a, "size")} characters long; the limit is ${s(a, "limit")}.`, vi: (a) => `Tệp nguồn dài ${t(a, "size")} ký tự; giới hạn là ${t(a, "limit")}.` },
  RL501: { severity: "error", en: (a) => `Nesting is deeper than ${s(a, "limit")} levels here; flatten the ${s(a, "what")}.`, vi: (a) => `Độ lồng nhau vượt quá ${t(a, "limit")} cấp ở đây; hãy giảm độ lồng của ${t(a, "what")}.` },
  RL503: { severity: "error", en: (a) => `This expression is nested more than ${s(a, "limit")} levels deep; split it into steps with 'let'.`, vi: (a) => `Biểu thức này lồng nhau quá ${t(a, "limit")} cấp; hãy tách thành các bước bằng 'let'.` },
  RL502: { severity: "error", en: (a) => `The source has more than ${s(a, "limit")} tokens; split it or simplify its expressions.`, vi: (a) => `Tệp nguồn có hơn ${t(a, "limit")} từ tố; hãy tách nhỏ hoặc đơn giản hóa biểu thức.` },

  RL900: { severity: "error", en: (a) => `Internal error in the compiler (${s(a, "detail")}); please report it with this file.`, vi: (a) => `Lỗi nội bộ của trình biên dịch (${t(a, "detail")}); vui lòng báo lỗi kèm tệp này.` },
} as const satisfies Record<string, Entry>;

/** A stable diagnostic code, e.g. `"RL201"`. */
export type DiagnosticCode = keyof typeof CATALOGUE;

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
    message: entry[options.locale ?? "en"](args),
    range,
    data,
  };
}

/**
 * Rewords a diagnostic in another locale, keeping code, range and data.
 * @param diagnostic - a diagnostic made by this library
 * @param locale - the language wanted
 */
export function localize(diagnostic: Diagnostic, locale: Locale): Diagnostic {
  const entry: Entry = CATALOGUE[diagnostic.code];
  return { ...diagnostic, message: entry[locale](diagnostic.data?.args ?? {}) };
}

/** True when any diagnostic in the list is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/**
 * Sorts diagnostics by position, then code, so output is deterministic.
 * @param diagnostics - diagnostics in any order
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/** Options for {@link renderDiagnostic}. */
export interface RenderOptions {
  /** The file name to print before `:line:col`. */
  readonly file?: string;
  /** Language of the message; the diagnostic's own wording when absent. */
  readonly locale?: Locale;
}

/**
 * Renders a diagnostic as a code frame:
 * ```
 * rubric.rubric:12:9: error RL201: Unknown name 'totl'. Did you mean 'total'?
 *    12 |   score = totl * 2
 *       |           ^^^^
 *       = suggestion: total
 * ```
 * @param diagnostic - the diagnostic
 * @param source - the source text it points into
 * @param options - file name and locale
 */
export function renderDiagnostic(diagnostic: Diagnostic, source: string, options: RenderOptions = {}): string {
  const d = options.locale ? localize(diagnostic, options.locale) : diagnostic;
  const { start, end } = d.range;
  const head = `${options.file ?? "<input>"}:${start.line}:${start.column}: ${d.severity} ${d.code}: ${d.message}`;
  const lines = source.split(/\r?\n/);
  const text = lines[start.line - 1];
  if (text === undefined) return head;
  const gutter = String(start.line).length + 1;
  const width = end.line === start.line ? Math.max(1, end.column - start.column) : Math.max(1, text.length - start.column + 1);
  const frame = [
    head,
    `${String(start.line).padStart(gutter + 2)} | ${text}`,
    `${" ".repeat(gutter + 2)} | ${" ".repeat(Math.max(0, start.column - 1))}${"^".repeat(width)}`,
  ];
  if (d.data?.suggestion !== undefined) frame.push(`${" ".repeat(gutter + 2)} = suggestion: ${d.data.suggestion}`);
  return frame.join("\n");
}
