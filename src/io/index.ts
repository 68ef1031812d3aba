/**
 * The io stage: the submission format and its schema derived from the rubric, the
 * self / appraisal / survey layers, and validated evaluation of submissions.
 * @module
 */
export { evaluate, evaluateAll, type EvaluateOptions, type EvaluateOutcome, type EvaluationResult, type LayeredNodeResult, type ShownValue, type SubmissionIssue, type SubmissionIssueCode, type UnitError, type UnitWarning } from "./evaluate.js";
export { submissionSchema, submissionJsonSchema, leavesOf, type ParsedSubmission } from "./schema.js";
export { layered, type Layer, type LayeredInputs } from "./layers.js";
export { readDecimal, isCalendarDate, type DecimalRead } from "./decimal-input.js";
export { readPrevious, type PreviousRead } from "./previous.js";
