/**
 * `rubric fmt FILE [--write | --check]`: canonical layout, comments kept.
 * @module
 */
import { renderDiagnostic, type Locale } from "../diagnostics.js";
import { format } from "../syntax/print.js";
import { EXIT, readText, writeFileAtomic, type Output } from "./io.js";

/** What `fmt` does with the formatted text. */
export type FmtMode = "print" | "write" | "check";

/**
 * Formats one rubric: prints it, rewrites the file, or checks that it is formatted.
 * @param file - the rubric
 * @param mode - print, write or check
 * @param locale - message language
 * @param io - output sinks
 */
export function runFmt(file: string, mode: FmtMode, locale: Locale, io: Output): number {
  const read = readText(file, locale);
  if (!read.ok) {
    io.err(read.message);
    return EXIT.findings;
  }
  const result = format(read.text);
  if (!result.ok) {
    for (const d of result.diagnostics) io.err(renderDiagnostic(d, read.text, { file, locale }));
    return EXIT.findings;
  }
  if (mode === "print") {
    io.out(result.text);
    return EXIT.ok;
  }
  const unchanged = result.text === read.text;
  if (mode === "check") {
    if (!unchanged) io.err(locale === "vi" ? `${file}: chưa được định dạng (chạy: rubric fmt --write ${file})` : `${file}: not formatted (run: rubric fmt --write ${file})`);
    return unchanged ? EXIT.ok : EXIT.findings;
  }
  if (unchanged) return EXIT.ok;
  // Atomic: on any failure the original file stays as it was.
  const failure = writeFileAtomic(file, result.text, locale);
  if (failure !== undefined) {
    io.err(failure);
    return EXIT.findings;
  }
  return EXIT.ok;
}
