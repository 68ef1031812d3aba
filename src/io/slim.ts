/**
 * Slim results for ranking many units: what `rank` and the ranking reports read (the
 * unit, figures, errors, the points of the top-level areas and of the nodes the
 * ranking sorts by), without every node's trace and values — so scoring a million
 * units keeps a small, fixed amount per unit.
 * @module
 */
import type { TraceStep } from "../runtime/trace.js";
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
 * objects of one shape (no spread copies), with what many units share held once: the
 * rubric's identity, an empty error list, repeated `max`, `bonus`, `penalty`, and equal
 * slim nodes (frozen).
 * @param rubric - the rubric the result was scored with
 * @param result - a full result from `evaluate`
 * @category Evaluate
 */
export function slimResult(rubric: CompiledRubric, result: EvaluationResult): EvaluationResult {
  const same = sharedOf(rubric, result.rubric);
  const nodes: Record<string, LayeredNodeResult> = {};
  for (const id of rankedNodes(rubric)) {
    const n = result.nodes[id];
    if (n === undefined) continue;
    nodes[id] = same.node(n);
  }
  // Ranking recomputes the published figures; the self-assessed ones are not ranked.
  const { unit, complete, points, max, bonus, penalty, index } = result;
  const errors = result.errors.length === 0 ? NO_ERRORS : same.errors(result.errors);
  const slim: EvaluationResult = points === undefined || max === undefined || bonus === undefined || penalty === undefined || index === undefined
    ? { unit, rubric: same.identity, complete, errors, nodes }
    : { unit, rubric: same.identity, complete, errors, points, max: same.text(max), bonus: same.text(bonus), penalty: same.text(penalty), index, nodes };
  // An ineligible unit is listed apart by rank, with its reason.
  return result.ineligible === undefined ? slim : { ...slim, ineligible: result.ineligible };
}

const NO_TRACE: readonly TraceStep[] = Object.freeze([]);
const NO_ERRORS: EvaluationResult["errors"] = Object.freeze([]);

/** Values most units of one rubric share. */
interface Shared {
  readonly identity: EvaluationResult["rubric"];
  /** The one kept copy of a text seen before (up to a bound), else the text itself. */
  readonly text: (s: string) => string;
  /** A node cut down to what ranking reads; equal ones (same points…) shared, up to a bound. */
  readonly node: (n: LayeredNodeResult) => LayeredNodeResult;
  /** The one kept copy of an error list seen before (incomplete units often share theirs), up to a bound. */
  readonly errors: (list: EvaluationResult["errors"]) => EvaluationResult["errors"];
}

const shared = new WeakMap<CompiledRubric, Shared>();
const TEXTS_LIMIT = 1024;
const NODES_LIMIT = 65536;
const ERRORS_LIMIT = 4096;

function sharedOf(rubric: CompiledRubric, identity: EvaluationResult["rubric"]): Shared {
  let same = shared.get(rubric);
  if (same === undefined || same.identity.fingerprint !== identity.fingerprint) {
    const texts = new Map<string, string>();
    const nodes = new Map<string, LayeredNodeResult>();
    const errorLists = new Map<string, EvaluationResult["errors"]>();
    const text = (s: string): string => {
      const kept = texts.get(s);
      if (kept !== undefined) return kept;
      if (texts.size < TEXTS_LIMIT) texts.set(s, s);
      return s;
    };
    same = {
      identity,
      text,
      node: (n) => {
        const key = `${n.id}\u0000${n.status}\u0000${n.max}\u0000${n.applicable}\u0000${n.points ?? "\u0001"}`;
        const kept = nodes.get(key);
        if (kept !== undefined) return kept;
        const max = text(n.max);
        const slim: LayeredNodeResult = Object.freeze(n.points === undefined
          ? { id: n.id, status: n.status, max, applicable: n.applicable, trace: NO_TRACE }
          : { id: n.id, status: n.status, max, applicable: n.applicable, trace: NO_TRACE, points: n.points });
        if (nodes.size < NODES_LIMIT) nodes.set(key, slim);
        return slim;
      },
      errors: (list) => {
        let key = "";
        for (const e of list) key += `${e.node}\u0000${e.code}\u0000${e.message}\u0001`;
        const kept = errorLists.get(key);
        if (kept !== undefined) return kept;
        const frozen = Object.freeze(list.map((e) => Object.freeze({ ...e })));
        if (errorLists.size < ERRORS_LIMIT) errorLists.set(key, frozen);
        return frozen;
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
 * @category Evaluate
 */
export function slimOutcome(rubric: CompiledRubric, outcome: EvaluateOutcome): EvaluateOutcome {
  return outcome.ok ? { ok: true, result: slimResult(rubric, outcome.result) } : outcome;
}
