/**
 * The runtime stage: exact evaluation of typed unit inputs against compiled rubrics.
 * @module
 */
export { evaluateUnit, type EvaluateUnitOptions } from "./evaluate.js";
export { Exact, ExactOverflow, MAX_EXACT_DIGITS, publishText } from "./exact.js";
export type { NodeResult, UnitInputs, UnitResult } from "./result.js";
export type { EvalErrorArgs, EvalErrorCode, Value } from "./values.js";
export { shownValue, type Ratio, type ShownValue, type TraceStep } from "./trace.js";
export { cohortFigure, type CohortAccess, type CohortStats } from "./cohort.js";
export { CohortStages, gatherCohorts, needsCohort, type CohortFigures, type UnitVisitor } from "./cohort-batch.js";
export { eligibilityOf, type Eligibility } from "./eligible.js";
