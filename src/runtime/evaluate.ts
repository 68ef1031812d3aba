/**
 * `evaluateUnit`: one unit against a compiled rubric. Without `explain`, the kernel
 * (`kernel.ts`) scores it and the result carries no traces; with `explain`, or when
 * the kernel cannot go on (a node in error), the plain reference path answers. Both
 * give identical figures; a property test compares every field.
 * @module
 */
import type { CompiledRubric } from "../compile/types.js";
import { evaluatePlain } from "./evaluate-plain.js";
import { evaluateKernel } from "./kernel-result.js";
import type { NodeResult, UnitInputs, UnitResult } from "./result.js";

/**
 * Options of {@link evaluateUnit}.
 * @category Evaluate
 */
export interface EvaluateUnitOptions {
  /** Use the plain reference path (slower; the kernel's figures are identical). Results then carry traces. */
  readonly plain?: boolean;
  /** Build each node's `trace` (how it was scored), on the plain path. */
  readonly explain?: boolean;
}

/** The plain path's result without its traces (the keys keep their order). */
function withoutTraces(result: UnitResult): UnitResult {
  return { ...result, nodes: result.nodes.map(({ trace: _trace, ...rest }): NodeResult => rest) };
}

/**
 * Evaluates one unit. Never throws.
 * @param rubric - a compiled rubric
 * @param data - the unit's typed inputs
 * @param options - `explain: true` for traces, `plain: true` for the reference path
 * @example
 * ```ts
 * import { compile, evaluateUnit, Exact } from "rubric-lang";
 * const source = 'rubric "Demo" { area "1" "Chỉ đạo" max 10 { input done: count, planned: count; score = 10 * done / planned } }';
 * const compiled = compile(source);
 * if (compiled.ok) {
 *   const inputs = new Map([["done", { kind: "num", value: Exact.int(8) }], ["planned", { kind: "num", value: Exact.int(10) }]] as const);
 *   const result = evaluateUnit(compiled.rubric, { unit: { id: "a" }, facts: new Map(), nodes: new Map([["1", { inputs }]]) });
 *   console.log(result.figures?.index, result.published?.index); // "80" "80.00"
 * }
 * ```
 * @category Evaluate
 */
export function evaluateUnit(rubric: CompiledRubric, data: UnitInputs, options: EvaluateUnitOptions = {}): UnitResult {
  if (options.explain === true || options.plain === true) return evaluatePlain(rubric, data);
  return evaluateKernel(rubric, data) ?? withoutTraces(evaluatePlain(rubric, data));
}
