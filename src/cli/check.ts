/**
 * `rubric check FILE…`: compile each rubric and print its diagnostics as code frames.
 * @module
 */
import { compile } from "../compile/compile.js";
import { renderDiagnostic, type Locale } from "../diagnostics.js";
import { terminalSafe } from "../report/escape.js";
import { EXIT, readText, type Output } from "./io.js";

/**
 * Checks rubric files. Exit 1 when any file has an error or cannot be read.
 * @param files - the rubric files
 * @param locale - message language
 * @param io - output sinks
 */
export function runCheck(files: readonly string[], locale: Locale, io: Output): number {
  let exit: number = EXIT.ok;
  for (const file of files) {
    const read = readText(file, locale);
    if (!read.ok) {
      io.err(read.message);
      exit = EXIT.findings;
      continue;
    }
    const result = compile(read.text, { locale });
    // Source lines in code frames may hold control characters: shown escaped.
    for (const d of result.diagnostics) io.out(terminalSafe(renderDiagnostic(d, read.text, { file })));
    const errors = result.diagnostics.filter((d) => d.severity === "error").length;
    const warnings = result.diagnostics.filter((d) => d.severity === "warning").length;
    io.out(summary(file, errors, warnings, locale));
    if (!result.ok) exit = EXIT.findings;
  }
  return exit;
}

function summary(file: string, errors: number, warnings: number, locale: Locale): string {
  if (locale === "vi") return `${file}: ${errors} lỗi, ${warnings} cảnh báo`;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${file}: ${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}
