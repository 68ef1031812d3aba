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
 * the nodes ranking reads, each without its trace, values and reason. Built as plain
 * objects of one shape (no spread copies), with the texts most units share — the
 * rubric's identity, an empty error list, and repeated `max`, `bonus`, `penalty` — held once.
 * @param rubric - the rubric the result was scored with
 * @param result - a full result from `evaluate`
 */
export function slimResult(rubric: CompiledRubric, result: EvaluationResult): EvaluationResult {
  const same = sharedOf(rubric, result.rubric);
  const nodes: Record<string, LayeredNodeResult> = {};
  for (const id of rankedNodes(rubric)) {
    const n = result.nodes[id];
    if (n === undefined) continue;
    const max = same.text(n.max);
    nodes[id] = n.points === undefined
      ? { id: n.id, status: n.status, max, applicable: n.applicable, trace: NO_TRACE }
      : { id: n.id, status: n.status, max, applicable: n.applicable, trace: NO_TRACE, points: n.points };
  }
  // Ranking recomputes the published figures; the self-assessed ones are not ranked.
  const { unit, complete, points, max, bonus, penalty, index } = result;
  const errors = result.errors.length === 0 ? NO_ERRORS : result.errors;
  return points === undefined || max === undefined || bonus === undefined || penalty === undefined || index === undefined
    ? { unit, rubric: same.identity, complete, errors, nodes }
    : { unit, rubric: same.identity, complete, errors, points, max: same.text(max), bonus: same.text(bonus), penalty: same.text(penalty), index, nodes };
}

const NO_TRACE: readonly string[] = Object.freeze([]);
const NO_ERRORS: EvaluationResult["errors"] = Object.freeze([]);

/** Values most units of one rubric share. */
interface Shared {
  readonly identity: EvaluationResult["rubric"];
  /** The one kept copy of a text seen before (up to a bound), else the text itself. */
  readonly text: (s: string) => string;
}

const shared = new WeakMap<CompiledRubric, Shared>();
const TEXTS_LIMIT = 1024;

function sharedOf(rubric: CompiledRubric, identity: EvaluationResult["rubric"]): Shared {
  let same = shared.get(rubric);
  if (same === undefined || same.identity.fingerprint !== identity.fingerprint) {
    const texts = new Map<string, string>();
    same = {
      identity,
      text: (s) => {
        const kept = texts.get(s);
        if (kept !== undefined) return kept;
        if (texts.size < TEXTS_LIMIT) texts.set(s, s);
        return s;
      },
    };
    shared.set(rubric, same);
  }
  return same;
}

/**
 * {@link slimResult} over an outcome; an invalid outcome is kept as it is.
 * @param rubric - the rubric the outcome was scored with
 * @param outcome - an outcome from `evaluate`
 */
export function slimOutcome(rubric: CompiledRubric, outcome: EvaluateOutcome): EvaluateOutcome {
  return outcome.ok ? { ok: true, result: slimResult(rubric, outcome.result) } : outcome;
}
