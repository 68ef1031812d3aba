/**
 * `rubric score RUBRIC DATA…`: evaluate every unit, rank them, print the table.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import { evaluate } from "../io/evaluate.js";
import { rank } from "../rank/rank.js";
import { renderRankingHtml } from "../report/html.js";
import { renderRanking, type TableFormat } from "../report/render.js";
import { EXIT, writeText, type Output } from "./io.js";
import { issueText, loadData } from "./load-forms.js";
import { loadRubric } from "./load.js";

/** Options of `score`. */
export interface ScoreOptions {
  /** Output format. */
  readonly format: TableFormat | "html";
  /** Report language. */
  readonly lang: Locale;
  /** Write here instead of stdout. */
  readonly output?: string;
}

/**
 * Scores and ranks units. Exit 1 when the rubric or a data file cannot be used, or
 * when a submission is invalid (each named with its file and JSON path); units with
 * incomplete data are listed apart in the table and also make the exit code 1.
 * @param rubricFile - the rubric (`.rubric` or compiled `.json`)
 * @param dataFiles - submissions (`.json`, `.jsonl`) and filled forms (`.csv`, `.xlsx`)
 * @param options - format, language, output file
 * @param io - output sinks
 */
export async function runScore(rubricFile: string, dataFiles: readonly string[], options: ScoreOptions, io: Output): Promise<number> {
  const rubric = loadRubric(rubricFile, options.lang, io);
  const submissions = await loadData(dataFiles, rubric, options.lang, io);
  if (rubric === undefined || submissions === undefined) return EXIT.findings;
  let findings = false;
  const outcomes = submissions.map((loaded) => {
    const outcome = evaluate(rubric, loaded.value);
    if (!outcome.ok) {
      findings = true;
      for (const issue of outcome.issues) io.err(issueText(loaded, issue));
    } else if (!outcome.result.complete) findings = true;
    return outcome;
  });
  const ranking = rank(rubric, outcomes);
  // A unit left out of the ranking (invalid, incomplete, its id given twice) is a finding.
  if (ranking.unranked.length > 0) findings = true;
  const text = options.format === "html" ? renderRankingHtml(ranking, rubric, options.lang) : renderRanking(ranking, options.format, options.lang, rubric.meta.title);
  if (options.output === undefined) io.out(text);
  else {
    const failure = writeText(options.output, text);
    if (failure !== undefined) {
      io.err(failure);
      return EXIT.findings;
    }
  }
  return findings ? EXIT.findings : EXIT.ok;
}
