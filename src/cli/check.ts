/**
 * `rubric check FILE…`: compile each rubric and print its diagnostics as code frames.
 * @module
 */
import { compile } from "../compile/compile.js";
import { renderDiagnostic, type Locale } from "../diagnostics.js";
import { terminalSafe } from "../report/escape.js";
import { EXIT, readText, type Output } from "./io.js";

/**
 * Checks rubric files. Exit 1 when any file has an error (with `strict`, also a
 * warning) or cannot be read.
 * @param files - the rubric files
 * @param locale - message language
 * @param io - output sinks
 * @param strict - treat every warning as an error (`--strict`)
 */
export function runCheck(files: readonly string[], locale: Locale, io: Output, strict = false): number {
  let exit: number = EXIT.ok;
  for (const file of files) {
    const read = readText(file, locale);
    if (!read.ok) {
      io.err(read.message);
      exit = EXIT.findings;
      continue;
    }
    const result = compile(read.text, { locale });
    // --strict: a warning (capped points, an unused input…) fails the check like an error.
    const diagnostics = strict ? result.diagnostics.map((d) => (d.severity === "warning" ? { ...d, severity: "error" as const } : d)) : result.diagnostics;
    // Source lines in code frames may hold control characters: shown escaped.
    for (const d of diagnostics) io.out(terminalSafe(renderDiagnostic(d, read.text, { file, locale })));
    const errors = diagnostics.filter((d) => d.severity === "error").length;
    const warnings = diagnostics.filter((d) => d.severity === "warning").length;
    io.out(summary(file, errors, warnings, locale));
    if (!result.ok || errors > 0) exit = EXIT.findings;
  }
  return exit;
}

function summary(file: string, errors: number, warnings: number, locale: Locale): string {
  if (locale === "vi") return `${file}: ${errors} lỗi, ${warnings} cảnh báo`;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${file}: ${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}
