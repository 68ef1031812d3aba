/**
 * `rubric explain RUBRIC DATA… --unit ID`: one unit's detail with traces. The data is
 * streamed; only the named unit is evaluated.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import { evaluate } from "../io/evaluate.js";
import { VALUE_MESSAGES } from "../io/value-messages.js";
import { renderUnitDetail } from "../report/detail.js";
import type { TableFormat } from "../report/render.js";
import { dataReading, issueText, problemPrinter, readData, warningTexts, type DataItem } from "./data.js";
import { EXIT, type Output } from "./io.js";
import { loadRubric } from "./load.js";

/**
 * Prints one unit's detail: every node's maximum, self-assessed and final points, the
 * difference, status and how it was scored. Exit 1 when the unit is missing, given
 * twice, invalid or incomplete, or when the data files have problems (printed).
 * @param rubricFile - the rubric
 * @param dataFiles - submissions (`.json`, `.jsonl`, `.csv`)
 * @param unitId - the unit to explain
 * @param format - text, md, csv, json or html
 * @param lang - report language (and how data cells are read when the rubric states no locale)
 * @param io - output sinks
 * @param dataLang - `--lang` when it was given: data files are read in it; else as the rubric's locale, forms as made
 */
export async function runExplain(rubricFile: string, dataFiles: readonly string[], unitId: string, format: TableFormat | "html", lang: Locale, io: Output, dataLang?: Locale): Promise<number> {
  const rubric = loadRubric(rubricFile, lang, io, true);
  if (rubric === undefined) return EXIT.findings;
  let found: Extract<DataItem, { ok: true }> | undefined;
  let problems = false;
  const printer = problemPrinter((text) => io.err(text), lang);
  for await (const item of readData(dataFiles, rubric, lang, io, undefined, dataReading(rubric, dataLang, lang))) {
    if (!item.ok) {
      problems = true;
      if (item.message !== "") printer.report(item.file ?? "", item.message);
    } else if (sameId((item.value as { unit?: { id?: unknown } } | null)?.unit?.id, unitId)) {
      if (found === undefined) found = item;
      else {
        io.err(`${item.origin}: the unit "${unitId}" is given twice (first at ${found.origin}); give each unit once`);
        return EXIT.findings;
      }
    }
  }
  printer.finish();
  if (found === undefined) {
    io.err(`no submission for unit "${unitId}" in ${dataFiles.join(", ")}`);
    return EXIT.findings;
  }
  const outcome = evaluate(rubric, found.value, { explain: true });
  if (!outcome.ok) {
    for (const issue of outcome.issues) io.err(issueText(found, issue));
    return EXIT.findings;
  }
  for (const text of warningTexts(found, outcome.result.warnings, lang)) io.err(text);
  let detail: string;
  try {
    detail = renderUnitDetail(outcome.result, rubric, format, lang);
  } catch (error) {
    io.err(`${found.origin}: ${VALUE_MESSAGES.unitFault(lang, error instanceof Error ? error.message : String(error))}`);
    return EXIT.findings;
  }
  io.out(detail);
  return outcome.result.complete && !problems ? EXIT.ok : EXIT.findings;
}

/** Unit ids compare in NFC: either spelling of "Sở Nội vụ" names the unit. */
function sameId(id: unknown, wanted: string): boolean {
  return typeof id === "string" && (id === wanted || id.normalize("NFC") === wanted.normalize("NFC"));
}
