/**
 * The plain evaluation path, the reference the fast path is tested against (see
 * `evaluate-fast.ts`). Evaluating one unit against a compiled rubric: applicability, N/A policies, leaf
 * rules, aggregation, clamping, bonus and penalty, the index, published rounding.
 * Never throws: a rule that cannot be computed puts its node (and its ancestors) in
 * error, and the unit is incomplete; nothing silently becomes 0.
 * @module
 */
import type { CompiledRubric, NaPolicy } from "../compile/types.js";
import { aggregate, type Arithmetic } from "./aggregate.js";
import { Exact, publish, text } from "./exact.js";
import { scoreLeaf } from "./evaluate-leaf.js";
import { prepare, type PreparedNode } from "./prepare.js";
import type { NodeResult, UnitInputs, UnitResult } from "./result.js";
import type { TraceStep } from "./trace.js";
import { asFailure, RuleFailure, type Value } from "./values.js";
import { recordSites } from "./cohort.js";

interface Outcome {
  readonly points: Exact | undefined; // undefined: error
  readonly max: Exact; // applicable max (0 when excluded)
  readonly applicable: boolean;
}

const ZERO = Exact.ZERO;
const EMPTY = new Map<string, Value>();
const noLet = (name: string): Value => {
  throw new RuleFailure("missing-input", `'${name}' has no value here`);
};

/** Exact arithmetic for {@link aggregate}. */
export const EXACT: Arithmetic<Exact> = {
  zero: ZERO,
  add: (a, b) => a.plus(b),
  mul: (a, b) => a.times(b),
  div: (a, b) => a.dividedBy(b),
  cmp: (a, b) => a.comparedTo(b),
  int: (k) => Exact.int(k),
};

function notApplicable(policy: NaPolicy, max: Exact): Outcome {
  if (policy === "exclude") return { points: ZERO, max: ZERO, applicable: false };
  return { points: policy === "full" ? max : ZERO, max, applicable: true };
}

/**
 * The points of a bonus or penalty that does not arise (a `when` clause holds): a bonus
 * under `full` earns its max, otherwise nothing; a penalty never deducts anything (the
 * checker refuses `full` on a penalty, whose meaning would be unclear).
 * @param sign - bonus or penalty
 * @param policy - the policy of the clause that holds
 * @param max - the block's cap
 */
export function extraNotApplicable(sign: "bonus" | "penalty", policy: NaPolicy, max: Exact): Exact {
  return sign === "bonus" && policy === "full" ? max : ZERO;
}

/** Clamps to [0, max] when asked; a clamp that changes the figure is recorded. */
function clampTo(points: Exact, max: Exact, clamp: boolean, trace: TraceStep[]): { points: Exact; before?: string } {
  if (!clamp) return { points };
  const clamped = points.isNegative() ? ZERO : points.gt(max) ? max : points;
  if (clamped === points) return { points };
  trace.push({ step: "clamped", to: text(clamped) });
  return { points: clamped, before: text(points) };
}

class UnitEvaluation {
  readonly results: NodeResult[] = [];

  constructor(private readonly data: UnitInputs) {}

  node(p: PreparedNode): Outcome {
    const { node } = p;
    const slot = this.results.length;
    this.results.push({ id: node.id, status: "scored", max: text(p.max), applicable: true, trace: [] });
    const finish = (outcome: Outcome, status: NodeResult["status"], trace: TraceStep[], extra: Partial<NodeResult> = {}): Outcome => {
      this.results[slot] = {
        id: node.id, status, max: text(outcome.max), applicable: outcome.applicable, trace,
        ...(outcome.points === undefined ? {} : { points: text(outcome.points) }), ...extra,
      };
      return outcome;
    };
    const trace: TraceStep[] = [];
    try {
      const declared = this.data.nodes.get(node.id)?.notApplicable;
      const applies = p.appliesWhen === undefined ? true : this.condition(p, trace);
      if (!applies || declared !== undefined) {
        trace.push(!applies ? { step: "applies-when", holds: false } : { step: "declared", reason: declared! });
        return finish(notApplicable(node.naPolicy, p.max), "not-applicable", trace, { naPolicy: node.naPolicy });
      }
      if (p.leaf !== undefined) {
        const given = this.data.nodes.get(node.id);
        const outcome = scoreLeaf(p.leaf, p.max, { inputs: given?.inputs ?? EMPTY, points: given?.points === undefined ? undefined : Exact.of(given.points) }, this.data.facts, trace, this.data.cohort);
        if (outcome.kind === "not-applicable") return finish(notApplicable(outcome.policy, p.max), "not-applicable", trace, { naPolicy: outcome.policy });
        const clamped = clampTo(outcome.points, p.max, node.clamp, trace);
        return finish({ points: clamped.points, max: p.max, applicable: true }, "scored", trace, clamped.before === undefined ? {} : { beforeClamp: clamped.before });
      }
      return this.inner(p, trace, finish);
    } catch (error) {
      const failure = asFailure(error);
      return finish({ points: undefined, max: p.max, applicable: true }, "error", trace, { error: { code: failure.code, message: `"${node.id}": ${failure.message}`, args: failure.args } });
    }
  }

  private condition(p: PreparedNode, trace: TraceStep[]): boolean {
    const v = p.appliesWhen!({ input: () => undefined, letValue: noLet, unit: (n) => this.data.facts.get(n), max: p.max, figure: () => undefined, note: (step) => trace.push(step) });
    if (v.kind !== "bool") throw new RuleFailure("wrong-type", "'applies when' did not give true/false");
    return v.value;
  }

  private inner(p: PreparedNode, trace: TraceStep[], finish: (o: Outcome, s: NodeResult["status"], t: TraceStep[], e?: Partial<NodeResult>) => Outcome): Outcome {
    const children = p.children.map((c) => ({ child: c, outcome: this.node(c) }));
    const failed = children.find((c) => c.outcome.points === undefined);
    if (failed !== undefined) {
      return finish({ points: undefined, max: p.max, applicable: true }, "error", trace, { error: { code: "depends-on-error", message: `"${p.node.id}": depends on "${failed.child.node.id}", which is in error`, args: { node: failed.child.node.id } } });
    }
    const live = children.filter((c) => c.outcome.applicable);
    if (live.length === 0) {
      trace.push({ step: "all-excluded" });
      return finish(notApplicable("exclude", p.max), "not-applicable", trace, { naPolicy: "exclude" });
    }
    const method = p.node.aggregate ?? "sum";
    const reduced = live.length < children.length || live.some((c) => !c.outcome.max.eq(c.child.max));
    const { points, max } = aggregate(EXACT, method, p.max, live.map((c) => ({ points: c.outcome.points!, max: c.outcome.max, weight: c.child.weight })), reduced);
    trace.push({ step: "aggregate", method, count: live.length, excluded: children.length - live.length, value: text(points) });
    const clamped = clampTo(points, max, p.node.clamp, trace);
    return finish({ points: clamped.points, max, applicable: true }, "scored", trace, clamped.before === undefined ? {} : { beforeClamp: clamped.before });
  }
}

/**
 * Evaluates one unit on the plain path. Never throws.
 * @param rubric - a compiled rubric
 * @param data - the unit's typed inputs
 */
export function evaluatePlain(rubric: CompiledRubric, data: UnitInputs): UnitResult {
  const prepared = prepare(rubric);
  const run = new UnitEvaluation(data);
  const top = prepared.nodes.map((n) => run.node(n));
  const extras = prepared.extras.map(({ extra, max, leaf }) => {
    const given = data.nodes.get(extra.id);
    const trace: TraceStep[] = [];
    try {
      const outcome = scoreLeaf(leaf, max, { inputs: given?.inputs ?? EMPTY, points: given?.points === undefined ? undefined : Exact.of(given.points) }, data.facts, trace, data.cohort);
      if (outcome.kind === "not-applicable") {
        const points = extraNotApplicable(extra.sign, outcome.policy, max);
        run.results.push({ id: extra.id, status: "not-applicable", points: text(points), max: text(max), applicable: true, naPolicy: outcome.policy, trace });
        return { sign: extra.sign, points };
      }
      const clamped = clampTo(outcome.points, max, true, trace);
      run.results.push({ id: extra.id, status: "scored", points: text(clamped.points), max: text(max), applicable: true, trace, ...(clamped.before === undefined ? {} : { beforeClamp: clamped.before }) });
      return { sign: extra.sign, points: clamped.points };
    } catch (error) {
      const f = asFailure(error);
      run.results.push({ id: extra.id, status: "error", max: text(max), applicable: true, trace, error: { code: f.code, message: `"${extra.id}": ${f.message}`, args: f.args } });
      return { sign: extra.sign, points: undefined };
    }
  });
  const errors = run.results.flatMap((r) => (r.error === undefined ? [] : [{ node: r.id, ...r.error }]));
  const base = { unit: data.unit, rubric: { id: rubric.meta.id, ...(rubric.meta.version === undefined ? {} : { version: rubric.meta.version }), fingerprint: rubric.fingerprint }, nodes: run.results };
  if (errors.length > 0 || top.some((o) => o.points === undefined) || extras.some((e) => e.points === undefined)) {
    return { ...base, complete: false, errors };
  }
  const max = top.reduce((s, o) => s.plus(o.max), ZERO);
  const tree = top.reduce((s, o) => s.plus(o.points!), ZERO);
  const bonus = extras.filter((e) => e.sign === "bonus").reduce((s, e) => s.plus(e.points!), ZERO);
  const penalty = extras.filter((e) => e.sign === "penalty").reduce((s, e) => s.plus(e.points!), ZERO);
  let points = Exact.max(ZERO, tree.plus(bonus).minus(penalty));
  if (!rubric.bonusMayExceed) points = Exact.min(points, max);
  const figures = new Map([["points", points], ["bonus", bonus], ["penalty", penalty]]);
  try {
    const env = { input: () => undefined, letValue: noLet, unit: (n: string) => data.facts.get(n), max, figure: (n: string) => figures.get(n), note: () => undefined, cohort: data.cohort };
    recordSites(prepared.indexSites, data.cohort, (arg) => {
      const x = arg(env);
      return x.kind === "num" ? x.value : undefined;
    });
    const v = prepared.index(env);
    if (v.kind !== "num") throw new RuleFailure("wrong-type", "the index formula did not give a number");
    const { precision, rounding } = rubric.publish;
    return {
      ...base, complete: true, errors: [],
      figures: { points: text(points), max: text(max), bonus: text(bonus), penalty: text(penalty), index: text(v.value) },
      published: { points: publish(points, precision, rounding), index: publish(v.value, precision, rounding) },
    };
  } catch (error) {
    const f = asFailure(error);
    return { ...base, complete: false, errors: [{ node: "index", code: f.code, message: `index: ${f.message}`, args: f.args }] };
  }
}
