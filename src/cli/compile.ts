/**
 * `rubric compile FILE [-o OUT]`: write the compiled rubric as JSON.
 * @module
 */
import { compile } from "../compile/compile.js";
import { renderDiagnostic, type Locale } from "../diagnostics.js";
import { MESSAGES } from "../io/messages.js";
import { EXIT, inputOverwritten, readText, writeFileAtomic, type Output } from "./io.js";

/**
 * Compiles one rubric to pretty JSON (to a file or stdout); diagnostics go to stderr.
 * @param file - the rubric
 * @param outFile - where to write, or undefined for stdout
 * @param locale - message language
 * @param io - output sinks
 */
export function runCompile(file: string, outFile: string | undefined, locale: Locale, io: Output): number {
  const clash = outFile === undefined ? undefined : inputOverwritten(outFile, [file]);
  if (clash !== undefined) {
    io.err(MESSAGES.outputIsInput(locale, "compile", outFile!, clash));
    return EXIT.usage;
  }
  const read = readText(file, locale);
  if (!read.ok) {
    io.err(read.message);
    return EXIT.findings;
  }
  const result = compile(read.text, { locale });
  for (const d of result.diagnostics) io.err(renderDiagnostic(d, read.text, { file, locale }));
  if (!result.ok) return EXIT.findings;
  const json = `${JSON.stringify(result.rubric, null, 2)}\n`;
  if (outFile === undefined) {
    io.out(json);
    return EXIT.ok;
  }
  const failure = writeFileAtomic(outFile, json, locale);
  if (failure !== undefined) {
    io.err(failure);
    return EXIT.findings;
  }
  return EXIT.ok;
}
