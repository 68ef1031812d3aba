/**
 * The fast evaluation path: the plain path's semantics (`evaluate-plain.ts`) over
 * closures prepared once per rubric, exact scaled-integer numbers (`fast-num.ts`) and
 * one mutable environment per unit. It covers the successful case; whatever would put
 * a node in error throws {@link FALLBACK}, and the unit is evaluated again on the plain
 * path, so errors, their messages and everything else come out identical.
 * @module
 */
import type { CompiledExtra, CompiledLeaf, CompiledNode, CompiledRubric, NaPolicy } from "../compile/types.js";
import { aggregate, type Arithmetic } from "./aggregate.js";
import { Exact, text } from "./exact.js";
import { evaluatePlain } from "./evaluate-plain.js";
import { add, cmp, div, fromExact, isNum, max as maxOf, min as minOf, mul, numText, publishNum, SCALE, sub, type Num } from "./fast-num.js";
import { FALLBACK, prepareFast, type Fast, type FastEnv, type FastThunk } from "./prepare-fast.js";
import type { NodeResult, UnitInputs, UnitResult } from "./result.js";
import type { TraceStep } from "./trace.js";
import type { Value } from "./values.js";

interface FastLeaf {
  readonly lets: readonly FastThunk[];
  readonly letNames: readonly string[];
  readonly when: readonly { readonly thunk: FastThunk; readonly policy: NaPolicy; readonly note: TraceStep }[];
  readonly rule: FastThunk | { readonly step: Exact | null };
}

interface FastNode {
  readonly node: CompiledNode;
  readonly max: Num;
  readonly maxExact: Exact;
  readonly maxText: string;
  readonly weight: Num;
  readonly appliesWhen: FastThunk | undefined;
  readonly children: readonly FastNode[];
  readonly leaf: FastLeaf | undefined;
}

interface FastRubric {
  readonly nodes: readonly FastNode[];
  readonly extras: readonly { readonly extra: CompiledExtra; readonly max: Num; readonly maxExact: Exact; readonly maxText: string; readonly leaf: FastLeaf }[];
  readonly index: FastThunk;
}

interface Outcome {
  readonly points: Num;
  readonly max: Num;
  readonly applicable: boolean;
}

const EMPTY = new Map<string, Value>();
type NodeData = UnitInputs["nodes"] extends ReadonlyMap<string, infer D> ? D : never;
const NO_LETS: (Fast | undefined)[] = [];

function fail(): never {
  throw FALLBACK;
}

/** Fast-path arithmetic for {@link aggregate}; a division by zero falls back to the plain path. */
const FAST: Arithmetic<Num> = {
  zero: 0,
  add,
  mul,
  div: (a, b) => div(a, b) ?? fail(),
  cmp,
  int: (k) => k * SCALE,
};

function prepareLeaf(leaf: CompiledLeaf): FastLeaf {
  const slots = new Map(leaf.lets.map((l, i) => [l.name, i]));
  return {
    lets: leaf.lets.map((l) => prepareFast(l.expr, slots)),
    letNames: leaf.lets.map((l) => l.name),
    when: leaf.when.map((w, i) => ({ thunk: prepareFast(w.cond, slots), policy: w.policy, note: { step: "when", clause: i + 1, policy: w.policy } })),
    rule: leaf.rule.kind === "expr" ? prepareFast(leaf.rule.expr, slots) : { step: leaf.rule.step === undefined ? null : Exact.of(leaf.rule.step) },
  };
}

function prepareNode(node: CompiledNode): FastNode {
  const maxExact = Exact.of(node.max);
  return {
    node, maxExact, max: fromExact(maxExact), maxText: text(maxExact),
    weight: fromExact(Exact.of(node.weight ?? "1")),
    appliesWhen: node.appliesWhen === undefined ? undefined : prepareFast(node.appliesWhen, undefined),
    children: (node.children ?? []).map(prepareNode),
    leaf: node.leaf === undefined ? undefined : prepareLeaf(node.leaf),
  };
}

const cache = new WeakMap<CompiledRubric, FastRubric>();

function prepared(rubric: CompiledRubric): FastRubric {
  let p = cache.get(rubric);
  if (p === undefined) {
    p = {
      nodes: rubric.nodes.map(prepareNode),
      extras: rubric.extras.map((extra) => {
        const maxExact = Exact.of(extra.max);
        return { extra, maxExact, max: fromExact(maxExact), maxText: text(maxExact), leaf: prepareLeaf(extra.leaf) };
      }),
      index: prepareFast(rubric.index, undefined),
    };
    cache.set(rubric, p);
  }
  return p;
}

/** Clamps to [0, max] when asked (the plain path's rule); `points` itself when unchanged. */
function clampTo(points: Num, max: Num, clamp: boolean, trace: TraceStep[]): Num {
  if (!clamp) return points;
  const clamped = cmp(points, 0) < 0 ? 0 : cmp(points, max) > 0 ? max : points;
  if (clamped === points) return points;
  trace.push({ step: "clamped", to: numText(clamped) });
  return clamped;
}

function notApplicable(policy: NaPolicy, max: Num): Outcome {
  if (policy === "exclude") return { points: 0, max: 0, applicable: false };
  return { points: policy === "full" ? max : 0, max, applicable: true };
}

class FastUnit {
  readonly results: NodeResult[] = [];
  readonly env: FastEnv;

  constructor(private readonly data: UnitInputs) {
    this.env = { inputs: EMPTY, facts: data.facts, lets: NO_LETS, letThunks: [], letNames: [], max: 0, figures: undefined, trace: [] };
  }

  /** The text of the last value `leaf` returned (so it is written once). */
  lastText = "";

  /** A leaf's points, or the policy of the `when` clause that holds; notes go to `trace`. */
  leaf(leaf: FastLeaf, given: NodeData | undefined, max: Num, maxExact: Exact, trace: TraceStep[]): Num | NaPolicy {
    const env = this.env;
    env.inputs = given?.inputs ?? EMPTY;
    env.lets = leaf.lets.length === 0 ? NO_LETS : new Array<Fast | undefined>(leaf.lets.length);
    env.letThunks = leaf.lets;
    env.letNames = leaf.letNames;
    env.max = max;
    env.trace = trace;
    for (const w of leaf.when) if (w.thunk(env) === true) {
      trace.push(w.note);
      return w.policy;
    }
    if (typeof leaf.rule === "function") {
      const v = leaf.rule(env);
      if (!isNum(v)) return fail();
      this.lastText = numText(v);
      trace.push({ step: "rule", value: this.lastText });
      return v;
    }
    if (given?.points === undefined) return fail();
    const points = Exact.of(given.points);
    if (points.isNegative() || points.gt(maxExact) || (leaf.rule.step !== null && !points.dividedBy(leaf.rule.step).isInteger())) return fail();
    this.lastText = text(points);
    trace.push({ step: "given", value: this.lastText });
    return fromExact(points);
  }

  private finish(p: FastNode, slot: number, trace: TraceStep[], o: Outcome, status: NodeResult["status"], naPolicy?: NaPolicy, pointsText?: string, before?: Num): Outcome {
    const { id } = p.node;
    const max = o.max === p.max ? p.maxText : numText(o.max);
    const points = pointsText ?? numText(o.points);
    this.results[slot] = naPolicy !== undefined
      ? { id, status, max, applicable: o.applicable, trace, points, naPolicy }
      : before !== undefined
        ? { id, status, max, applicable: o.applicable, trace, points, beforeClamp: numText(before) }
        : { id, status, max, applicable: o.applicable, trace, points };
    return o;
  }

  node(p: FastNode): Outcome {
    const { node } = p;
    const slot = this.results.length;
    this.results.push(undefined as unknown as NodeResult);
    const trace: TraceStep[] = [];
    const data = this.data.nodes.get(node.id);
    const declared = data?.notApplicable;
    let applies = true;
    if (p.appliesWhen !== undefined) {
      const env = this.env;
      env.inputs = EMPTY;
      env.lets = NO_LETS;
      env.max = p.max;
      env.trace = trace;
      const v = p.appliesWhen(env);
      applies = typeof v === "boolean" ? v : fail();
    }
    if (!applies || declared !== undefined) {
      trace.push(!applies ? { step: "applies-when", holds: false } : { step: "declared", reason: declared! });
      return this.finish(p, slot, trace, notApplicable(node.naPolicy, p.max), "not-applicable", node.naPolicy);
    }
    if (p.leaf !== undefined) {
      const got = this.leaf(p.leaf, data, p.max, p.maxExact, trace);
      if (typeof got === "string") return this.finish(p, slot, trace, notApplicable(got, p.max), "not-applicable", got);
      const points = clampTo(got, p.max, node.clamp, trace);
      return points === got
        ? this.finish(p, slot, trace, { points, max: p.max, applicable: true }, "scored", undefined, this.lastText)
        : this.finish(p, slot, trace, { points, max: p.max, applicable: true }, "scored", undefined, undefined, got);
    }
    return this.inner(p, slot, trace);
  }

  private inner(p: FastNode, slot: number, trace: TraceStep[]): Outcome {
    const { node, children } = p;
    const outcomes = children.map((c) => this.node(c));
    const live: { points: Num; max: Num; weight: Num }[] = [];
    let reduced = false;
    outcomes.forEach((o, i) => {
      if (!o.applicable) { reduced = true; return; }
      const c = children[i]!;
      if (o.max !== c.max && cmp(o.max, c.max) !== 0) reduced = true;
      live.push({ points: o.points, max: o.max, weight: c.weight });
    });
    if (live.length === 0) {
      trace.push({ step: "all-excluded" });
      return this.finish(p, slot, trace, notApplicable("exclude", p.max), "not-applicable", "exclude");
    }
    const method = node.aggregate ?? "sum";
    const { points, max } = aggregate(FAST, method, p.max, live, reduced);
    trace.push({ step: "aggregate", method, count: live.length, excluded: children.length - live.length, value: numText(points) });
    const clamped = clampTo(points, max, node.clamp, trace);
    return this.finish(p, slot, trace, { points: clamped, max, applicable: true }, "scored", undefined, undefined, clamped === points ? undefined : points);
  }
}

/**
 * Evaluates one unit on the fast path (the plain path when the fast one cannot go
 * on). Never throws.
 * @param rubric - a compiled rubric
 * @param data - the unit's typed inputs
 */
export function evaluateFast(rubric: CompiledRubric, data: UnitInputs): UnitResult {
  return fastOnly(rubric, data) ?? evaluatePlain(rubric, data);
}

/**
 * The fast path alone: `undefined` where it cannot go on (the caller, or a test,
 * then knows the plain path has to answer).
 * @param rubric - a compiled rubric
 * @param data - the unit's typed inputs
 */
export function fastOnly(rubric: CompiledRubric, data: UnitInputs): UnitResult | undefined {
  try {
    return fast(rubric, data);
  } catch {
    return undefined;
  }
}

function fast(rubric: CompiledRubric, data: UnitInputs): UnitResult {
  const p = prepared(rubric);
  const run = new FastUnit(data);
  const top = p.nodes.map((n) => run.node(n));
  let bonus: Num = 0;
  let penalty: Num = 0;
  for (const { extra, max, maxExact, maxText, leaf } of p.extras) {
    const trace: TraceStep[] = [];
    const got = run.leaf(leaf, data.nodes.get(extra.id), max, maxExact, trace);
    let points: Num;
    if (typeof got === "string") {
      points = extra.sign === "bonus" && got === "full" ? max : 0;
      run.results.push({ id: extra.id, status: "not-applicable", points: numText(points), max: maxText, applicable: true, naPolicy: got, trace });
    } else {
      points = clampTo(got, max, true, trace);
      run.results.push(points === got
        ? { id: extra.id, status: "scored", points: run.lastText, max: maxText, applicable: true, trace }
        : { id: extra.id, status: "scored", points: numText(points), max: maxText, applicable: true, trace, beforeClamp: numText(got) });
    }
    if (extra.sign === "bonus") bonus = add(bonus, points);
    else penalty = add(penalty, points);
  }
  const max = top.reduce<Num>((s, o) => add(s, o.max), 0);
  const tree = top.reduce<Num>((s, o) => add(s, o.points), 0);
  let points = maxOf(0, sub(add(tree, bonus), penalty));
  if (!rubric.bonusMayExceed) points = minOf(points, max);
  const env = run.env;
  env.inputs = EMPTY;
  env.lets = NO_LETS;
  env.max = max;
  env.trace = [];
  env.figures = { points, bonus, penalty };
  const index = p.index(env);
  if (!isNum(index)) return fail();
  const { precision, rounding } = rubric.publish;
  return {
    unit: data.unit,
    rubric: { id: rubric.meta.id, ...(rubric.meta.version === undefined ? {} : { version: rubric.meta.version }), fingerprint: rubric.fingerprint },
    nodes: run.results,
    complete: true,
    errors: [],
    figures: { points: numText(points), max: numText(max), bonus: numText(bonus), penalty: numText(penalty), index: numText(index) },
    published: { points: publishNum(points, precision, rounding), index: publishNum(index, precision, rounding) },
  };
}
