/**
 * Why a compiled rubric (`.json`) given to a command cannot be used, in English and
 * Vietnamese. `loadCompiled` words its structural problems in English only (its
 * invariant messages have both languages and pass through); under `--lang vi` the CLI
 * says the same from the issue's code and path, and what to do: compile again.
 * @module
 */
import type { LoadIssue } from "../compile/load.js";
import { FORMAT_VERSION } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import { jsonErrorText } from "../io/jsonl-file.js";
import { message, MESSAGES } from "../io/messages.js";

const AGAIN_VI = "hãy biên dịch lại từ tệp nguồn: 'rubric compile bo-tieu-chi.rubric -o bo-tieu-chi.json'";

/** The keys of a shape issue about keys that do not belong (`Unrecognized key: "x"`), as a Vietnamese clause. */
function unknownKeys(english: string): string {
  const keys = /^Unrecognized keys?: (.*)$/s.exec(english)?.[1];
  return keys === undefined ? "" : ` (có khóa không thuộc cấu trúc: ${keys})`;
}

/** The Vietnamese of the issues whose library wording is English only. */
const COMPILED_MESSAGES = {
  format: message(
    (file: string, place: string, english: string) => `${file}: ${place}: ${english}`,
    (file: string) => `${file}: không phải bộ tiêu chí đã biên dịch (tệp JSON do 'rubric compile' tạo ra); hãy dùng tệp nguồn .rubric hoặc tệp đã biên dịch`,
  ),
  version: message(
    (file: string, place: string, english: string) => `${file}: ${place}: ${english}`,
    (file: string) => `${file}: bộ tiêu chí được biên dịch theo định dạng khác phiên bản ${FORMAT_VERSION} mà chương trình này đọc được; ${AGAIN_VI}`,
  ),
  depth: message(
    (file: string, place: string, english: string) => `${file}: ${place}: ${english}`,
    (file: string) => `${file}: bộ tiêu chí đã biên dịch lồng nhau quá nhiều cấp nên không đọc được; ${AGAIN_VI}`,
  ),
  shape: message(
    (file: string, place: string, english: string) => `${file}: ${place}: ${english}`,
    (file: string, place: string, english: string) =>
      `${file}: ${place}: không đúng cấu trúc của bộ tiêu chí đã biên dịch${unknownKeys(english)}, có thể tệp đã bị sửa tay; hãy biên dịch lại từ tệp nguồn .rubric`,
  ),
  fingerprint: message(
    (file: string, place: string, english: string) => `${file}: ${place}: ${english}`,
    (file: string) => `${file}: mã kiểm tra của bộ tiêu chí không khớp với nội dung, tức là tệp đã bị sửa sau khi biên dịch; ${AGAIN_VI}`,
  ),
} as const;

/**
 * A line for one problem of a compiled rubric: `file: path: what is wrong`.
 * @param file - the compiled rubric's file
 * @param issue - the problem `loadCompiled` found
 * @param text - the file's text (a JSON syntax error is placed by line and column in it)
 * @param locale - message language
 */
export function compiledIssueText(file: string, issue: LoadIssue, text: string, locale: Locale): string {
  const place = issue.path.join(".") || "(root)";
  // Invariant problems are worded in both languages by the library.
  if (issue.code === "invariant") return `${file}: ${place}: ${issue.message}`;
  if (issue.code === "json") return locale === "vi" ? MESSAGES.jsonInvalid("vi", file, jsonErrorText(text, issue.message, false, "vi")) : `${file}: ${place}: ${issue.message}`;
  return COMPILED_MESSAGES[issue.code](locale, file, place, issue.message);
}
