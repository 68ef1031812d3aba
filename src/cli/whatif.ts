/**
 * `rubric whatif RUBRIC DATA… --unit ID --to-rank K | --to-band NAME`: the smallest
 * single changes of one unit's inputs that reach a rank or a band.
 * @module
 */
import { renderWhatIf, whatIfProblemText } from "../analysis/render-whatif.js";
import { whatIf, type WhatIfTarget } from "../analysis/whatif.js";
import type { Locale } from "../diagnostics.js";
import type { TableFormat } from "../report/render.js";
import { readAnalysisInput } from "./analysis-data.js";
import { EXIT, type Output } from "./io.js";

/**
 * Answers a what-if question and prints it. Exit 1 when the unit is missing or not
 * ranked, the band unknown, the rank out of range, or a file unusable.
 * @param rubricFile - the rubric
 * @param dataFiles - every unit's submissions
 * @param unitId - the unit
 * @param target - a rank or a band
 * @param format - text, md, csv or json
 * @param lang - report language
 * @param io - output sinks
 * @param dataLang - `--lang` when it was given (data files are then read in it)
 */
export async function runWhatIf(rubricFile: string, dataFiles: readonly string[], unitId: string, target: WhatIfTarget, format: TableFormat, lang: Locale, io: Output, dataLang?: Locale): Promise<number> {
  const input = await readAnalysisInput(rubricFile, dataFiles, lang, io, dataLang);
  if (input === undefined) return EXIT.findings;
  const outcome = whatIf(input.rubric, input.submissions, unitId, target);
  if (!outcome.ok) {
    io.err(whatIfProblemText(outcome.problem, lang, input.rubric));
    return EXIT.findings;
  }
  io.out(renderWhatIf(outcome.result, format, lang));
  return input.problems ? EXIT.findings : EXIT.ok;
}
