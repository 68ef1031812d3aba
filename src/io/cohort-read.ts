/**
 * The cohort figures of a batch of submissions: each read once (refused ones join no
 * cohort), then the stages of `gatherCohorts` over the units read.
 * @module
 */
import type { CompiledRubric } from "../compile/types.js";
import { gatherCohorts, type CohortFigures } from "../runtime/cohort-batch.js";
import { eligibilityOf } from "../runtime/eligible.js";
import { readSubmission } from "./evaluate.js";
import { layered } from "./layers.js";
import type { ParsedSubmission } from "./readers.js";

/**
 * Gathers the cohort figures of the submissions given (final layer; ineligible units,
 * refused submissions and incomplete units join no cohort).
 * @param rubric - a compiled rubric
 * @param submissions - the units' submissions, as parsed JSON
 * @category Evaluate
 */
export function cohortOfSubmissions(rubric: CompiledRubric, submissions: readonly unknown[]): CohortFigures {
  const read: ParsedSubmission[] = [];
  for (const s of submissions) {
    try {
      const r = readSubmission(rubric, s);
      if (r.ok) read.push(r.data);
    } catch {
      // A submission rubric-lang fails on is told by `evaluate`, and joins no cohort.
    }
  }
  return cohortOfRead(rubric, (visit) => read.forEach(visit));
}

/**
 * Gathers the cohort figures of submissions already read, visited once per stage (a
 * reader may stream them from a file each time).
 * @param rubric - a compiled rubric
 * @param eachRead - calls its argument for every read submission
 * @category Evaluate
 */
export function cohortOfRead(rubric: CompiledRubric, eachRead: (visit: (data: ParsedSubmission) => void) => void): CohortFigures {
  return gatherCohorts(rubric, (visit) =>
    eachRead((data) => {
      const final = layered(data).final;
      visit(final, eligibilityOf(rubric, final.facts).eligible);
    }),
  );
}
