/**
 * `evaluateUnit`: one unit against a compiled rubric, on the fast path unless the
 * plain (reference) path is asked for. Both give identical results; a property test
 * compares them node by node.
 * @module
 */
import type { CompiledRubric } from "../compile/types.js";
import { evaluateFast } from "./evaluate-fast.js";
import { evaluatePlain } from "./evaluate-plain.js";
import type { UnitInputs, UnitResult } from "./result.js";

/** Options of {@link evaluateUnit}. */
export interface EvaluateUnitOptions {
  /** Use the plain reference path (slower; the fast path's results are identical). */
  readonly plain?: boolean;
}

/**
 * Evaluates one unit. Never throws.
 * @param rubric - a compiled rubric
 * @param data - the unit's typed inputs
 * @param options - `plain: true` for the reference path
 */
export function evaluateUnit(rubric: CompiledRubric, data: UnitInputs, options: EvaluateUnitOptions = {}): UnitResult {
  return options.plain === true ? evaluatePlain(rubric, data) : evaluateFast(rubric, data);
}
