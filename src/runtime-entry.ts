/**
 * `rubric-lang/runtime`: score stored compiled rubrics without the parser.
 *
 * Loads no chevrotain and no `node:` module, so it is small and runs in a browser:
 * load a compiled rubric (validated, fingerprint checked), evaluate units (their
 * submissions validated against the rubric's own types, without zod), rank them.
 * @packageDocumentation
 */
export {
  loadCompiled,
  fingerprintOf,
  canonicalJson,
  MAX_COMPILED_DEPTH,
  COMPILED_FORMAT,
  FORMAT_VERSION,
  type LoadIssue,
  type LoadOptions,
  type LoadResult,
} from "./compile/runtime-safe.js";
export type * from "./compile/types.js";
export {
  evaluate,
  evaluateAll,
  type EvaluateOutcome,
  type EvaluationResult,
  type Figures,
  type LayeredNodeResult,
  type ShownValue,
  type UnitError,
  type UnitWarning,
  type SubmissionIssue,
  type SubmissionIssueCode,
  type EvaluateOptions,
} from "./io/evaluate.js";
export type { Layer } from "./io/layers.js";
export type { ParsedSubmission } from "./io/readers.js";
export { readPrevious, type PreviousRead } from "./io/previous.js";
// The runtime's numbers are its own exact rationals (no decimal.js types), so the
// per-unit evaluator and its input types are public too.
export { evaluateUnit, Exact, ExactOverflow, MAX_EXACT_DIGITS, publishText, type TraceStep, type Ratio, type EvalErrorArgs, type EvaluateUnitOptions, type NodeResult, type UnitInputs, type UnitResult, type EvalErrorCode, type Value } from "./runtime/index.js";
// Cohort figures (`cohort.max(x)`): gathered over a batch, then read per unit.
export { CohortStages, gatherCohorts, needsCohort, eligibilityOf, type CohortAccess, type CohortFigures, type CohortStats, type Eligibility, type UnitVisitor } from "./runtime/index.js";
export { cohortOfSubmissions, cohortOfRead } from "./io/cohort-read.js";
export { readSubmission, type ReadOutcome } from "./io/evaluate.js";
export { rank, percentileOf, PERCENTILE_METHODS, type BandBasis, type Change, type PreviousRow, type RankedRow, type RankOptions, type RankResult, type UnrankedCause, type UnrankedRow } from "./rank/index.js";
