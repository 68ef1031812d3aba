/**
 * `rubric score` for a rubric with cohort figures: the data files are read once per
 * stage to gather the figures (quietly: the scoring pass reports every problem), then
 * once more to score. Memory holds one exact number per unit and cohort figure (and a
 * unit's id), never the submissions: see docs/performance.md.
 * @module
 */
import type { CompiledRubric } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import { readSubmission } from "../io/evaluate.js";
import { layered } from "../io/layers.js";
import { CohortStages, type CohortFigures } from "../runtime/cohort-batch.js";
import { eligibilityOf } from "../runtime/eligible.js";
import { readData, type DataReading } from "./data.js";

/**
 * Gathers the cohort figures of the units in the data files.
 * @param rubric - a compiled rubric with cohort figures
 * @param files - the data files (read again for each stage)
 * @param locale - the run's language
 * @param reading - how cells are read
 */
export async function cohortOfFiles(rubric: CompiledRubric, files: readonly string[], locale: Locale, reading: DataReading): Promise<CohortFigures> {
  const stages = new CohortStages(rubric);
  const quiet = { out: (): void => undefined, err: (): void => undefined };
  do {
    for await (const item of readData(files, rubric, locale, quiet, undefined, reading)) {
      if (!item.ok) continue;
      try {
        const read = readSubmission(rubric, item.value);
        if (!read.ok) continue;
        const final = layered(read.data).final;
        stages.visit(final, eligibilityOf(rubric, final.facts).eligible);
      } catch {
        // The scoring pass tells what failed on this unit; it joins no cohort.
      }
    }
  } while (stages.endRound());
  return stages.figures();
}
