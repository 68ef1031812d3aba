/**
 * `rubric explain RUBRIC DATA… --unit ID`: one unit's detail with traces, and where it
 * stands among the units of the same data (its rank, the units just above and below).
 * The data is streamed; the other units are scored without traces, kept slim.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import { evaluate, type EvaluateOutcome } from "../io/evaluate.js";
import { slimOutcome } from "../io/slim.js";
import { MESSAGES } from "../io/messages.js";
import { VALUE_MESSAGES } from "../io/value-messages.js";
import { renderUnitDetail } from "../report/detail.js";
import { standingText } from "../report/standing.js";
import type { TableFormat } from "../report/render.js";
import { dataReading, issueText, problemPrinter, readData, warningTexts, type DataItem } from "./data.js";
import { EXIT, type Output } from "./io.js";
import { loadRubric } from "./load.js";
import { rankSafely } from "./rank-safely.js";
import { needsCohort } from "../runtime/cohort-batch.js";
import { cohortOfFiles } from "./score-cohort.js";

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
  const outcomes: EvaluateOutcome[] = [];
  let problems = false;
  const printer = problemPrinter((text) => io.err(text), lang);
  const reading = dataReading(rubric, dataLang, lang);
  // A rubric with cohort figures: the unit is explained against the cohort of the data given.
  const cohort = needsCohort(rubric) ? { cohort: await cohortOfFiles(rubric, dataFiles, lang, reading) } : {};
  for await (const item of readData(dataFiles, rubric, lang, io, undefined, reading)) {
    if (!item.ok) {
      problems = true;
      if (item.message !== "") printer.report(item.file ?? "", item.message);
    } else if ((outcomes.push(slimOutcome(rubric, evaluate(rubric, item.value, cohort))), sameId((item.value as { unit?: { id?: unknown } } | null)?.unit?.id, unitId))) {
      if (found === undefined) found = item;
      else {
        io.err(MESSAGES.unitTwice(lang, item.origin, unitId, found.origin));
        return EXIT.findings;
      }
    }
  }
  printer.finish();
  if (found === undefined) {
    io.err(MESSAGES.noSubmission(lang, unitId, dataFiles.join(", ")));
    return EXIT.findings;
  }
  const outcome = evaluate(rubric, found.value, { explain: true, ...cohort });
  if (!outcome.ok) {
    for (const issue of outcome.issues) io.err(issueText(found, issue, lang, rubric));
    return EXIT.findings;
  }
  for (const text of warningTexts(found, outcome.result.warnings, lang, rubric)) io.err(text);
  let detail: string;
  try {
    const standing = standingText(rankSafely(rubric, outcomes, {}, lang), outcome.result.unit.id, lang, rubric);
    detail = renderUnitDetail(outcome.result, rubric, format, lang, standing);
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
