/**
 * `rubric explain RUBRIC DATA… --unit ID`: one unit's detail with traces.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import { evaluate } from "../io/evaluate.js";
import { renderUnitDetail } from "../report/detail.js";
import type { TableFormat } from "../report/render.js";
import { EXIT, type Output } from "./io.js";
import { issueText, loadData } from "./load-forms.js";
import { loadRubric } from "./load.js";

/**
 * Prints one unit's detail: every node's maximum, self-assessed and final points, the
 * difference, status and how it was scored.
 * @param rubricFile - the rubric
 * @param dataFiles - submissions
 * @param unitId - the unit to explain
 * @param format - text, md, csv, json or html
 * @param lang - report language
 * @param io - output sinks
 */
export async function runExplain(rubricFile: string, dataFiles: readonly string[], unitId: string, format: TableFormat | "html", lang: Locale, io: Output): Promise<number> {
  const rubric = loadRubric(rubricFile, lang, io);
  const submissions = await loadData(dataFiles, rubric, lang, io);
  if (rubric === undefined || submissions === undefined) return EXIT.findings;
  const found = submissions.find(({ value }) => (value as { unit?: { id?: unknown } } | null)?.unit?.id === unitId);
  if (found === undefined) {
    io.err(`no submission for unit "${unitId}" in ${dataFiles.join(", ")}`);
    return EXIT.findings;
  }
  const outcome = evaluate(rubric, found.value);
  if (!outcome.ok) {
    for (const issue of outcome.issues) io.err(issueText(found, issue));
    return EXIT.findings;
  }
  io.out(renderUnitDetail(outcome.result, rubric, format, lang));
  return outcome.result.complete ? EXIT.ok : EXIT.findings;
}
