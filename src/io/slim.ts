/**
 * Slim results for ranking many units: what `rank` and the ranking reports read (the
 * unit, figures, errors, the points of the top-level areas and of the nodes the
 * ranking sorts by), without every node's trace and values — so scoring a million
 * units keeps a small, fixed amount per unit.
 * @module
 */
import type { CompiledRubric } from "../compile/types.js";
import type { EvaluateOutcome, EvaluationResult, LayeredNodeResult } from "./evaluate.js";

const kept = new WeakMap<CompiledRubric, ReadonlySet<string>>();

/** The node ids ranking needs: top-level areas and node sort keys. */
function rankedNodes(rubric: CompiledRubric): ReadonlySet<string> {
  let ids = kept.get(rubric);
  if (ids === undefined) {
    ids = new Set([...rubric.nodes.map((n) => n.id), ...rubric.ranking.keys.flatMap((k) => (k.target.kind === "node" ? [k.target.id] : []))]);
    kept.set(rubric, ids);
  }
  return ids;
}

/**
 * Keeps of a result what ranking needs: the unit, the exact final figures, errors, and
 * the nodes ranking reads, each without its trace, values and reason.
 * @param rubric - the rubric the result was scored with
 * @param result - a full result from `evaluate`
 */
export function slimResult(rubric: CompiledRubric, result: EvaluationResult): EvaluationResult {
  const nodes: Record<string, LayeredNodeResult> = {};
  for (const id of rankedNodes(rubric)) {
    const n = result.nodes[id];
    if (n !== undefined) nodes[id] = { id: n.id, status: n.status, max: n.max, applicable: n.applicable, trace: NO_TRACE, ...(n.points === undefined ? {} : { points: n.points }) };
  }
  // Ranking recomputes the published figures; the self-assessed ones are not ranked.
  const { self: _self, difference: _difference, published: _published, ...kept } = result;
  // Shared where every unit has the same: the rubric's identity, an empty error list.
  let same = identities.get(rubric);
  if (same === undefined || same.fingerprint !== result.rubric.fingerprint) identities.set(rubric, (same = result.rubric));
  return { ...kept, rubric: same, errors: result.errors.length === 0 ? NO_ERRORS : result.errors, nodes };
}

const NO_TRACE: readonly string[] = Object.freeze([]);
const NO_ERRORS: EvaluationResult["errors"] = Object.freeze([]);
const identities = new WeakMap<CompiledRubric, EvaluationResult["rubric"]>();

/**
 * {@link slimResult} over an outcome; an invalid outcome is kept as it is.
 * @param rubric - the rubric the outcome was scored with
 * @param outcome - an outcome from `evaluate`
 */
export function slimOutcome(rubric: CompiledRubric, outcome: EvaluateOutcome): EvaluateOutcome {
  return outcome.ok ? { ok: true, result: slimResult(rubric, outcome.result) } : outcome;
}
