/**
 * Loading what the scoring commands need: a rubric (source or compiled JSON) and
 * submissions from JSON files (one object, an array).
 * @module
 */
import type { CompiledRubric } from "../compile/types.js";
import { compile } from "../compile/compile.js";
import { loadCompiled } from "../compile/load.js";
import { renderDiagnostic, type Diagnostic, type Locale } from "../diagnostics.js";
import { parseJsonExact } from "../io/json-text.js";
import { jsonErrorText } from "../io/jsonl-file.js";
import { MESSAGES } from "../io/messages.js";
import { readPrevious } from "../io/previous.js";
import { issueMessage } from "../io/issue-wording.js";
import type { PreviousRow } from "../rank/types.js";
import { compiledIssueText } from "./compiled-messages.js";
import { readText, type Output } from "./io.js";

/**
 * Reads a `.rubric` source (compiling it) or a compiled `.json` rubric (validating it).
 * Prints the problems and returns undefined when it cannot be used.
 * @param file - the rubric file
 * @param locale - message language
 * @param io - output sinks
 * @param warnings - also print the rubric's warnings (count and codes) on stderr
 */
export function loadRubric(file: string, locale: Locale, io: Output, warnings = false): CompiledRubric | undefined {
  const read = readText(file, locale, file.endsWith(".json") ? "json" : "rubric");
  if (!read.ok) {
    io.err(read.message);
    return undefined;
  }
  if (file.endsWith(".json")) {
    const loaded = loadCompiled(read.text, { locale });
    if (loaded.ok) return loaded.rubric;
    for (const issue of loaded.issues) io.err(compiledIssueText(file, issue, read.text, locale));
    return undefined;
  }
  const result = compile(read.text, { locale });
  for (const d of result.diagnostics.filter((x) => x.severity === "error")) io.err(renderDiagnostic(d, read.text, { file, locale }));
  if (warnings && result.ok) warningSummary(file, result.diagnostics, locale, io);
  return result.ok ? result.rubric : undefined;
}

/**
 * One line on stderr counting a rubric's warnings, with their codes, so a scoring run
 * never hides that the rubric caps points or leaves an input unused.
 */
function warningSummary(file: string, diagnostics: readonly Diagnostic[], locale: Locale, io: Output): void {
  const warnings = diagnostics.filter((d) => d.severity === "warning");
  if (warnings.length === 0) return;
  const codes = [...new Set(warnings.map((d) => d.code))].join(", ");
  io.err(locale === "vi"
    ? `${file}: ${warnings.length} cảnh báo (${codes}); chạy 'rubric check ${file}' để xem chi tiết`
    : `${file}: ${warnings.length} warning${warnings.length === 1 ? "" : "s"} (${codes}); run 'rubric check ${file}' to see them`);
}

/** Submissions read from files, each with where it came from. */
export interface LoadedSubmission {
  /** The parsed JSON value. */
  readonly value: unknown;
  /** `file`, `file[index]` (an array) or `file [sheet]` (XLSX). */
  readonly origin: string;
  /** For tables and forms: the cell behind each value (see `placeOf`), so issues name the cell. */
  readonly places?: ReadonlyMap<string, string>;
}

/**
 * Reads submissions from files read whole: a `.json` file holds one submission or an
 * array of them (JSON Lines and CSV are streamed: see `data.ts`). A file that is not
 * valid JSON is reported with its name, line and column. Numbers are read exactly
 * from the text (see `json-text.ts`).
 * @param files - data files
 * @param locale - message language
 * @param io - output sinks
 */
export function loadSubmissions(files: readonly string[], locale: Locale, io: Output): LoadedSubmission[] | undefined {
  const all: LoadedSubmission[] = [];
  let failed = false;
  for (const file of files) {
    const read = readText(file, locale, "json");
    if (!read.ok) {
      io.err(read.message);
      failed = true;
      continue;
    }
    if (read.text.trim() === "") {
      io.err(MESSAGES.jsonEmpty(locale, file));
      failed = true;
      continue;
    }
    const parsed = parseJsonExact(read.text);
    if (!parsed.ok) {
      io.err(MESSAGES.jsonInvalid(locale, file, jsonErrorText(read.text, parsed.message, false, locale)));
      failed = true;
      continue;
    }
    const value = parsed.value;
    if (Array.isArray(value)) value.forEach((v, i) => all.push({ value: v as unknown, origin: `${file}[${i}]` }));
    else all.push({ value, origin: file });
  }
  return failed ? undefined : all;
}

/**
 * Reads last period's ranking (`--previous`): a JSON table `[{ unitId, rank, index }]`
 * or an earlier run's JSON ranking report. Prints every problem with the file and JSON
 * path and returns undefined when the file cannot be used.
 * @param file - the JSON file
 * @param locale - message language
 * @param io - output sinks
 */
export function loadPrevious(file: string, locale: Locale, io: Output): readonly PreviousRow[] | undefined {
  const read = readText(file, locale, "json");
  if (!read.ok) {
    io.err(read.message);
    return undefined;
  }
  const parsed = parseJsonExact(read.text);
  if (!parsed.ok) {
    io.err(MESSAGES.jsonInvalid(locale, file, jsonErrorText(read.text, parsed.message, false, locale)));
    return undefined;
  }
  const previous = readPrevious(parsed.value);
  if (previous.ok) return previous.rows;
  for (const issue of previous.issues) io.err(`${file}: ${previousPlace(issue.path, locale)}: ${issueMessage(issue.message, locale)}`);
  return undefined;
}

/** Where in last period's table an issue is: `row 2, rank` (rows counted from 1; `dòng thứ 2, trường 'rank'`), or the whole file. */
function previousPlace(path: readonly (string | number)[], locale: Locale): string {
  const vi = locale === "vi";
  if (path.length === 0) return vi ? "toàn bộ tệp" : "the whole file";
  const parts = path.filter((p) => p !== "rows");
  const row = parts.filter((p) => typeof p === "number").map((p) => (vi ? `dòng thứ ${p + 1}` : `row ${p + 1}`));
  const field = parts.filter((p) => typeof p === "string").join(".");
  return [...row, ...(field === "" ? [] : [vi ? `trường '${field}'` : field])].join(", ");
}
