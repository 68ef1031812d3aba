/**
 * `rubric template RUBRIC [--format csv|xlsx] -o FILE`: the self-assessment form of
 * a rubric, to fill and score.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import { MESSAGES } from "../io/messages.js";
import { buildTemplate, templateGrid } from "../io/template.js";
import { templateXlsx, xlsxUnavailable } from "../io/xlsx.js";
import { renderTable } from "../report/render.js";
import { EXIT, inputOverwritten, writeFileAtomic, type Output } from "./io.js";
import { loadRubric } from "./load.js";
import { USAGE_MESSAGES } from "./usage-messages.js";

/**
 * Writes the form: CSV (to stdout without `-o`) or XLSX (to a file). The format is
 * `--format`, else the output file's extension, else CSV.
 * @param rubricFile - the rubric
 * @param format - `csv` or `xlsx`, or undefined to follow the output file's extension
 * @param output - the file to write, or undefined for stdout (CSV only)
 * @param lang - language of the form's headings and hints
 * @param io - output sinks
 */
export async function runTemplate(rubricFile: string, format: "csv" | "xlsx" | undefined, output: string | undefined, lang: Locale, io: Output): Promise<number> {
  const chosen = format ?? (output?.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv");
  if (chosen === "xlsx" && output === undefined) {
    io.err(USAGE_MESSAGES.xlsxNeedsFile(lang));
    return EXIT.usage;
  }
  const clash = output === undefined ? undefined : inputOverwritten(output, [rubricFile]);
  if (clash !== undefined) {
    io.err(MESSAGES.outputIsInput(lang, "template", output!, clash));
    return EXIT.usage;
  }
  const rubric = loadRubric(rubricFile, lang, io);
  if (rubric === undefined) return EXIT.findings;
  const template = buildTemplate(rubric, lang);
  if (chosen === "csv") {
    const [head, ...rows] = templateGrid(template);
    const text = `${renderTable({ head: head!, rows }, "csv")}\r\n`;
    if (output === undefined) {
      io.out(text);
      return EXIT.ok;
    }
    const failure = writeFileAtomic(output, text, lang);
    if (failure !== undefined) io.err(failure);
    return failure === undefined ? EXIT.ok : EXIT.findings;
  }
  const unavailable = await xlsxUnavailable(lang);
  if (unavailable !== undefined) {
    io.err(`rubric template: ${unavailable}`);
    return EXIT.findings;
  }
  const failure = writeFileAtomic(output!, await templateXlsx(template, lang), lang);
  if (failure !== undefined) io.err(failure);
  return failure === undefined ? EXIT.ok : EXIT.findings;
}
