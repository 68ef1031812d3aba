/**
 * `rubric-lang/runtime`: score stored compiled rubrics without the parser.
 *
 * Loads no chevrotain and no `node:` module, so it is small and runs in a browser:
 * load a compiled rubric (validated, fingerprint checked), derive the submission
 * schema, evaluate units, rank them.
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
  type LoadResult,
} from "./compile/runtime-safe.js";
export type * from "./compile/types.js";
export {
  evaluate,
  evaluateAll,
  submissionSchema,
  submissionJsonSchema,
  type EvaluateOutcome,
  type EvaluationResult,
  type LayeredNodeResult,
  type ShownValue,
  type SubmissionIssue,
  type ParsedSubmission,
  type Layer,
  readPrevious,
  type PreviousRead,
  type EvaluateOptions,
} from "./io/index.js";
export { evaluateUnit, Exact, ExactOverflow, MAX_EXACT_DIGITS, publishText, type EvaluateUnitOptions, type NodeResult, type UnitInputs, type UnitResult, type EvalErrorCode, type Value } from "./runtime/index.js";
export { rank, type Change, type PreviousRow, type RankedRow, type RankOptions, type RankResult, type UnrankedRow } from "./rank/index.js";
