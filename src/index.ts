/**
 * rubric-lang: a declarative rubric language for government performance indices.
 *
 * The public API, named exports only, grouped by pipeline stage:
 * source text → syntax → check → compile → (compiled rubric, JSON) → evaluate.
 * @packageDocumentation
 */

// ---- diagnostics: errors are data
export {
  CATALOGUE,
  hasErrors,
  localize,
  MAX_FRAME_WIDTH,
  renderDiagnostic,
  sortDiagnostics,
  type CatalogueEntry,
  type Diagnostic,
  type DiagnosticCode,
  type DiagnosticData,
  type Locale,
  type MessageArgs,
  type RenderOptions,
  type Severity,
} from "./diagnostics.js";

// ---- syntax: source text → typed AST, and back to canonical text
export { parseRubric, type ParseResult } from "./syntax/parse.js";
export { format, printRubric, type FormatResult } from "./syntax/print.js";
export type * from "./syntax/ast.js";

// ---- check: names, types, points → diagnostics
export { checkRubric } from "./check/index.js";

// ---- compile: AST → compiled criterion tree (plain JSON), fingerprint, validation
export {
  canonicalJson,
  compile,
  fingerprintOf,
  loadCompiled,
  MAX_COMPILED_DEPTH,
  COMPILED_FORMAT,
  FORMAT_VERSION,
  type CompileOptions,
  type CompileResult,
  type LoadIssue,
  type LoadOptions,
  type LoadResult,
  type CompiledBand,
  type CompiledBandBlock,
  type CompiledPercentileCut,
  type PercentileMethod,
  type CompiledBandArm,
  type CompiledDecl,
  type CompiledExpr,
  type CompiledExtra,
  type CompiledLeaf,
  type CompiledMeta,
  type CompiledNode,
  type CompiledRanking,
  type CompiledRubric,
  type CompiledRule,
  type CompiledScalarType,
  type CompiledSortKey,
  type CompiledType,
  type CompareCode,
  type DecimalString,
  type FunctionCode,
  type UnsealedRubric,
} from "./compile/index.js";

// ---- io + runtime: submissions, layers, exact evaluation (the `rubric-lang/runtime` API)
export * from "./runtime-entry.js";
// ---- io: the submission schema as zod builds it, and as JSON Schema (full entry only)
export { submissionSchema, submissionJsonSchema, type ParsedSubmission, type SubmissionSchema } from "./io/schema.js";

// ---- io: cells of tabular data (CSV, XLSX) read as declared types, with their place
// (the readers' own bookkeeping, drafts of a submission and path keys, stays internal)
export { readCell, readCellDecimal, placeName, type CellPlace, type CellRead, type DecimalRead, type SubmissionDraft, type UnitRef } from "./io/cells.js";
// ---- io: the self-assessment form of a rubric, and reading a filled one back (grids of strings from CSV or XLSX)
export { buildTemplate, templateGrid, TEMPLATE_COLUMNS, TEMPLATE_HEADINGS, type Template, type TemplateColumn, type TemplateRow, type TemplateRowKind } from "./io/template.js";
export { readTemplate, isTemplateHeader, type TemplateRead } from "./io/template-read.js";

// ---- io: data tables (wide and long) mapped to submissions (the CSV and JSON Lines file
// readers use `node:` modules and stay out of this entry, which must bundle for a browser)
export { wideRowsToSubmissions, type GridRow, type GridSource, type RefusedRead, type TableItem } from "./io/wide.js";
export { longRowsToSubmissions, LONG_COLUMNS } from "./io/long.js";
export { TABLE_LAYERS } from "./io/targets.js";
export { slimResult, slimOutcome } from "./io/slim.js";

// ---- report: ranked tables as text, Markdown, CSV, JSON, in Vietnamese and English
export { renderRanking, renderRankingHtml, renderUnitDetail, unitDetailTable, renderTable, rankedTable, unrankedTable, changeText, figure, rankText, WORDS, type TableFormat, type Table, type Words } from "./report/index.js";
// ---- report: explanations and reasons worded in the locale, from the data the runtime and rank give
export { traceText, stepText, readable, percentText, nodeErrorText, unitErrorsText, unrankedReason, localizedUnranked, standingText, bandBasisText, tieBreakText, type NodeErrorData } from "./report/index.js";
export { issueMessage, issueLine, placeText } from "./io/issue-wording.js";

// ---- analysis: sensitivity of a ranking (Monte Carlo over weights, thresholds, N/A policies, appraisal corrections) and what-if for one unit, on the exact kernel
// (prepareSensitivity / runSamples / summarise split a run between workers of the app's own, e.g. web workers)
export { readPlan, sensitivity, prepareSensitivity, runSamples, summarise, whatIf, renderSensitivity, renderSensitivityHtml, renderWhatIf, whatIfProblemText, planProblemText } from "./analysis/index.js";
export type { ChoiceFactor, Factor, FactorSpec, Plan, PlanOutcome, PlanSpec, RangeFactor, PreparedSensitivity, SampleOutcome, SensitivityOutcome, SensitivityRun, FactorSensitivity, SensitivityResult, UnitSensitivity, WhatIfOutcome, WhatIfProblem, WhatIfResult, WhatIfStep, WhatIfTarget } from "./analysis/index.js";
