/**
 * `UnitResult`s from the kernel's figures: what `evaluateUnit` returns without
 * `explain` — every field the plain path gives, byte for byte, except the traces.
 * @module
 */
import type { CompiledRubric } from "../compile/types.js";
import { numText, publishNum } from "./fast-num.js";
import { EXCLUDED, kernelOf, NOT_APPLICABLE, SCORED, SKIPPED, type Kernel, type KernelScores } from "./kernel.js";
import { readColumns } from "./kernel-columns.js";
import type { NodeResult, UnitInputs, UnitResult } from "./result.js";

const STATUS = ["scored", "not-applicable", "not-applicable"] as const;

/** One node's result, its keys in the plain path's order. */
function nodeResult(info: Kernel["nodes"][number], slot: number, s: KernelScores): NodeResult {
  const code = s.status[slot]!;
  const status = STATUS[code]!;
  const points = numText(s.points[slot]!);
  const before = s.before[slot];
  if (info.sign !== undefined) {
    const max = info.maxText;
    if (code === NOT_APPLICABLE) return { id: info.id, status, points, max, applicable: true, naPolicy: s.policy[slot]! };
    return before === undefined ? { id: info.id, status, points, max, applicable: true } : { id: info.id, status, points, max, applicable: true, beforeClamp: numText(before) };
  }
  const max = numText(s.max[slot]!);
  const applicable = code !== EXCLUDED;
  if (code !== SCORED) return { id: info.id, status, max, applicable, points, naPolicy: s.policy[slot]! };
  return before === undefined ? { id: info.id, status, max, applicable, points } : { id: info.id, status, max, applicable, points, beforeClamp: numText(before) };
}

/**
 * The result of one unit from kernel scores: the nodes the plain path evaluates, in
 * its order (tree nodes in pre-order, then bonus and penalty blocks).
 * @param kernel - the rubric's kernel
 * @param unit - the unit
 * @param s - the scores of a successful run
 */
export function resultFromScores(kernel: Kernel, unit: UnitInputs["unit"], s: KernelScores): UnitResult {
  const { rubric } = kernel;
  const nodes: NodeResult[] = [];
  for (let slot = 0; slot < kernel.nodes.length; slot++) if (s.status[slot] !== SKIPPED) nodes.push(nodeResult(kernel.nodes[slot]!, slot, s));
  const { precision, rounding } = rubric.publish;
  return {
    unit,
    rubric: { id: rubric.meta.id, ...(rubric.meta.version === undefined ? {} : { version: rubric.meta.version }), fingerprint: rubric.fingerprint },
    nodes,
    complete: true,
    errors: [],
    figures: { points: numText(s.total), max: numText(s.maxTotal), bonus: numText(s.bonus), penalty: numText(s.penalty), index: numText(s.index) },
    published: { points: publishNum(s.total, precision, rounding), index: publishNum(s.index, precision, rounding) },
  };
}

/**
 * One unit on the kernel: its result without traces, or undefined when the plain path
 * has to answer (a node in error, or a value past the exact bound).
 * @param rubric - a compiled rubric
 * @param data - the unit's typed inputs
 */
export function evaluateKernel(rubric: CompiledRubric, data: UnitInputs): UnitResult | undefined {
  const kernel = kernelOf(rubric);
  const columns = readColumns(kernel.layout, [data]);
  const scores = kernel.scores();
  if (!kernel.run(columns, 0, kernel.defaults, scores, undefined, data.cohort)) return undefined;
  try {
    return resultFromScores(kernel, data.unit, scores);
  } catch {
    return undefined;
  }
}
