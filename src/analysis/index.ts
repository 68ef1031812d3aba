/**
 * The analysis stage: sensitivity of a ranking to the choices behind it, and what-if
 * questions for one unit, both on the exact scores-only kernel. Browser-safe: the
 * worker threads of `rubric sensitivity --workers` live in the CLI.
 * @module
 */
export { readPlan, type ChoiceFactor, type Factor, type FactorSpec, type Plan, type PlanOutcome, type PlanSpec, type RangeFactor } from "./plan.js";
export { prepareSensitivity, runSamples, sensitivity, summarise, type PreparedSensitivity, type SampleOutcome, type SensitivityOutcome, type SensitivityRun } from "./sensitivity.js";
export type { FactorSensitivity, SensitivityResult, UnitSensitivity } from "./stats.js";
export { whatIf, type WhatIfOutcome, type WhatIfProblem, type WhatIfResult, type WhatIfStep, type WhatIfTarget } from "./whatif.js";
export { renderSensitivity, renderSensitivityHtml } from "./render-sensitivity.js";
export { renderWhatIf, whatIfProblemText } from "./render-whatif.js";
export { planProblemText } from "./plan-wording.js";
