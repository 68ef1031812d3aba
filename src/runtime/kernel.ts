/**
 * The scores-only exact kernel: a compiled rubric prepared once into closures that
 * compute what a ranking needs — every node's points and applicable maximum, the
 * total, bonus, penalty and index — for one unit of column arrays of pre-read inputs
 * (`kernel-columns.ts`), with exact scaled integers and the exact fallbacks of
 * `fast-num.ts`. No trace and no result object is built here: `kernel-result.ts`
 * builds `UnitResult`s from its figures, the plain path builds traces when asked for.
 *
 * A run reads {@link KernelParams}: weights, N/A policies and band thresholds default
 * to the rubric's, and sensitivity analysis varies them without preparing anew.
 * Whatever the plain path would report as an error makes {@link Kernel.run} return
 * false; the caller then asks the plain path (which says what went wrong).
 * @module
 */
import type { CompiledExtra, CompiledLeaf, CompiledNode, CompiledRubric, NaPolicy } from "../compile/types.js";
import { aggregate, type Arithmetic, type ChildFigures } from "./aggregate.js";
import { Exact, text } from "./exact.js";
import { add, cmp, div, fromExact, isNum, max as maxOf, min as minOf, mul, SCALE, sub, type Num } from "./fast-num.js";
import { columnLayout, type KernelColumns, type KernelLayout } from "./kernel-columns.js";
import { fail, prepareKernelExpr, type ExprScope, type Fast, type KernelEnv, type KernelParams, type KernelThunk } from "./kernel-expr.js";

export type { KernelParams };


/** Node status codes in {@link KernelScores.status}. */
export const SCORED = 0;
/** Not applicable, kept in the maximum (`full` or `zero`). */
export const NOT_APPLICABLE = 1;
/** Not applicable and excluded from the maximum. */
export const EXCLUDED = 2;
/** Not evaluated: under an ancestor that does not apply (the plain path lists no result for it). */
export const SKIPPED = 3;

/** A unit's figures as the kernel leaves them (reused from unit to unit). */
export interface KernelScores {
  /** Points by node slot (tree nodes in pre-order, then extras). */
  readonly points: Num[];
  /** Applicable maximum by node slot. */
  readonly max: Num[];
  /** {@link SCORED}, {@link NOT_APPLICABLE}, {@link EXCLUDED} or {@link SKIPPED} by node slot. */
  readonly status: Uint8Array;
  /** The policy applied, for nodes not applicable. */
  readonly policy: (NaPolicy | undefined)[];
  /** The value before a clamp that changed it. */
  readonly before: (Num | undefined)[];
  /** Total points of the last run. */
  total: Num;
  /** Applicable maximum. */
  maxTotal: Num;
  /** Bonus. */
  bonus: Num;
  /** Penalty. */
  penalty: Num;
  /** The index formula's value. */
  index: Num;
}

interface KLeaf {
  readonly index: number;
  readonly lets: readonly KernelThunk[];
  readonly letValues: (Fast | undefined)[];
  readonly when: readonly { readonly thunk: KernelThunk; readonly clause: number }[];
  readonly rule: KernelThunk | { readonly step: Exact | null; readonly given: number };
}

interface KNode {
  readonly slot: number;
  readonly node: CompiledNode;
  readonly max: Num;
  readonly maxText: string;
  readonly appliesWhen: KernelThunk | undefined;
  readonly children: readonly KNode[];
  readonly leaf: KLeaf | undefined;
  readonly method: NonNullable<CompiledNode["aggregate"]>;
}

interface KExtra {
  readonly slot: number;
  readonly extra: CompiledExtra;
  readonly max: Num;
  readonly maxText: string;
  readonly leaf: KLeaf;
}

/**
 * One unit's leaf outcomes, kept between runs: a leaf's points (or which `when` clause
 * held) depend only on its inputs and its `bands` thresholds, so a run that varies
 * weights, N/A policies or other leaves' thresholds can reuse them. Runs with a memo
 * remember every leaf they compute and reuse those marked in `reuse`.
 */
export interface LeafMemo {
  /** Per leaf: its points, when no clause held. */
  readonly points: (Num | undefined)[];
  /** Per leaf: the index of the `when` clause that held, or −1. */
  readonly clause: Int32Array;
  /** Per leaf: 1 to reuse the remembered outcome, 0 to compute and remember it. */
  readonly reuse: Uint8Array;
}

/** A rubric prepared for the kernel. */
export interface Kernel {
  /** The rubric. */
  readonly rubric: CompiledRubric;
  /** Where each input, fact, given points and N/A declaration lives in the columns. */
  readonly layout: KernelLayout;
  /** Tree nodes in pre-order, then extras: the node slots. */
  readonly nodes: readonly { readonly id: string; readonly maxText: string; readonly sign?: "bonus" | "penalty" }[];
  /** Slots of the top-level areas. */
  readonly areas: readonly number[];
  /** The rubric's own parameters. */
  readonly defaults: KernelParams;
  /** Where each threshold site is: the node (or `index`) and the `bands` arm (from 1). */
  readonly thresholdSites: readonly { readonly node: string; readonly arm: number }[];
  /** Leaf index by node id (tree leaves in pre-order, then extras), for {@link LeafMemo}. */
  readonly leaves: ReadonlyMap<string, number>;
  /** A fresh scores object for {@link Kernel.run}. */
  scores(): KernelScores;
  /** An empty memo (nothing to reuse yet). */
  memo(): LeafMemo;
  /**
   * Scores unit `u` of `columns` into `out`. False when the plain path would report an
   * error (or a value outgrew the exact bound): `out` is then partly written.
   */
  run(columns: KernelColumns, u: number, params: KernelParams, out: KernelScores, memo?: LeafMemo): boolean;
}

const STOP = (): never => fail();

/** The closures' environment plus what a run keeps for itself. */
interface RunEnv extends KernelEnv {
  /** The unit's memo, when the caller gave one. */
  memo: LeafMemo | undefined;
  /** The clause that held in the last leaf computed. */
  clause: number;
}

/** Kernel arithmetic for {@link aggregate}; a division by zero gives up. */
const ARITH: Arithmetic<Num> = { zero: 0, add, mul, div: (a, b) => div(a, b) ?? STOP(), cmp, int: (k) => k * SCALE };

/**
 * Prepares a rubric for the kernel (not cached: see {@link kernelOf}).
 * @param rubric - a compiled rubric
 */
export function prepareKernel(rubric: CompiledRubric): Kernel {
  const layout = columnLayout(rubric);
  const weights: Num[] = [];
  const policies: NaPolicy[] = [];
  const clauses: NaPolicy[] = [];
  const thresholds: Num[] = [];
  const sites: { node: string; arm: number }[] = [];
  const nodeInfo: { id: string; maxText: string; sign?: "bonus" | "penalty" }[] = [];
  const scopeFor = (nodeId: string | undefined, lets: ReadonlyMap<string, number> | undefined, label = nodeId ?? "index"): ExprScope => ({
    input: (name) => (nodeId === undefined ? undefined : layout.inputSlot(nodeId, name)),
    fact: (name) => layout.factSlot(name),
    lets,
    threshold: (value, arm) => {
      sites.push({ node: label, arm });
      return thresholds.push(value) - 1;
    },
  });
  const leafIndex = new Map<string, number>();
  const leafOf = (id: string, leaf: CompiledLeaf): KLeaf => {
    const index = leafIndex.size;
    leafIndex.set(id, index);
    const slots = new Map(leaf.lets.map((l, i) => [l.name, i]));
    const scope = scopeFor(id, slots);
    return {
      index,
      lets: leaf.lets.map((l) => prepareKernelExpr(l.expr, scope)),
      letValues: new Array<Fast | undefined>(leaf.lets.length),
      when: leaf.when.map((w) => ({ thunk: prepareKernelExpr(w.cond, scope), clause: clauses.push(w.policy) - 1 })),
      rule: leaf.rule.kind === "expr" ? prepareKernelExpr(leaf.rule.expr, scope) : { step: leaf.rule.step === undefined ? null : Exact.of(leaf.rule.step), given: layout.givenSlot(id) },
    };
  };
  const nodeOf = (node: CompiledNode): KNode => {
    const slot = nodeInfo.length;
    const maxExact = Exact.of(node.max);
    nodeInfo.push({ id: node.id, maxText: text(maxExact) });
    weights.push(fromExact(Exact.of(node.weight ?? "1")));
    policies.push(node.naPolicy);
    return {
      slot, node, max: fromExact(maxExact), maxText: text(maxExact), method: node.aggregate ?? "sum",
      appliesWhen: node.appliesWhen === undefined ? undefined : prepareKernelExpr(node.appliesWhen, scopeFor(undefined, undefined, node.id)),
      children: (node.children ?? []).map(nodeOf),
      leaf: node.leaf === undefined ? undefined : leafOf(node.id, node.leaf),
    };
  };
  const top = rubric.nodes.map(nodeOf);
  const extras: KExtra[] = rubric.extras.map((extra) => {
    const slot = nodeInfo.length;
    const maxExact = Exact.of(extra.max);
    nodeInfo.push({ id: extra.id, maxText: text(maxExact), sign: extra.sign });
    weights.push(ARITH.int(1));
    policies.push("zero");
    return { slot, extra, max: fromExact(maxExact), maxText: text(maxExact), leaf: leafOf(extra.id, extra.leaf) };
  });
  const index = prepareKernelExpr(rubric.index, scopeFor(undefined, undefined));
  const count = nodeInfo.length;
  const defaults: KernelParams = { weights, policies, clauses, thresholds };
  const env: RunEnv = { memo: undefined, clause: -1, cols: [], size: 1, u: 0, lets: [], letThunks: [], max: 0, figures: undefined, params: defaults };
  return {
    rubric, layout, nodes: nodeInfo, areas: top.map((n) => n.slot), defaults, thresholdSites: sites, leaves: leafIndex,
    memo: () => ({ points: new Array<Num | undefined>(leafIndex.size), clause: new Int32Array(leafIndex.size).fill(-1), reuse: new Uint8Array(leafIndex.size) }),
    scores: () => ({ points: new Array<Num>(count).fill(0), max: new Array<Num>(count).fill(0), status: new Uint8Array(count), policy: new Array<NaPolicy | undefined>(count), before: new Array<Num | undefined>(count), total: 0, maxTotal: 0, bonus: 0, penalty: 0, index: 0 }),
    run(columns, u, params, out, memo) {
      try {
        env.memo = memo;
        env.cols = columns.values;
        env.size = columns.size;
        env.u = u;
        env.params = params;
        env.figures = undefined;
        out.status.fill(SKIPPED);
        runUnit(rubric, top, extras, index, columns, env, out);
        return true;
      } catch {
        return false;
      }
    },
  };
}

const cache = new WeakMap<CompiledRubric, Kernel>();

/**
 * The kernel of a rubric, prepared on first use and cached for the rubric object.
 * @param rubric - a compiled rubric
 */
export function kernelOf(rubric: CompiledRubric): Kernel {
  let k = cache.get(rubric);
  if (k === undefined) cache.set(rubric, (k = prepareKernel(rubric)));
  return k;
}

/** Points of a leaf, or the policy of the `when` clause that holds (remembered in, or reused from, the run's memo). */
function leafPoints(leaf: KLeaf, max: Num, columns: KernelColumns, env: RunEnv): Num | NaPolicy {
  const memo = env.memo;
  if (memo === undefined) return computeLeaf(leaf, max, columns, env);
  const i = leaf.index;
  if (memo.reuse[i] === 1) {
    const c = memo.clause[i]!;
    if (c >= 0) return env.params.clauses[c]!;
    return memo.points[i] ?? fail();
  }
  memo.points[i] = undefined;
  memo.clause[i] = -1;
  const got = computeLeaf(leaf, max, columns, env);
  if (typeof got === "string") memo.clause[i] = env.clause;
  else memo.points[i] = got;
  return got;
}

function computeLeaf(leaf: KLeaf, max: Num, columns: KernelColumns, env: RunEnv): Num | NaPolicy {
  env.lets = leaf.letValues;
  env.lets.fill(undefined);
  env.letThunks = leaf.lets;
  env.max = max;
  for (const w of leaf.when) {
    if (w.thunk(env) === true) {
      env.clause = w.clause;
      return env.params.clauses[w.clause]!;
    }
  }
  if (typeof leaf.rule === "function") {
    const v = leaf.rule(env);
    return isNum(v) ? v : fail();
  }
  const given = columns.given[leaf.rule.given * columns.size + env.u];
  if (given === undefined) return fail();
  const points = given.exact;
  if (points.isNegative() || cmp(given.num, max) > 0 || (leaf.rule.step !== null && !points.dividedBy(leaf.rule.step).isInteger())) return fail();
  return given.num;
}

/** Clamps to [0, max] as the plain path does; `points` itself when unchanged. */
function clampTo(points: Num, max: Num): Num {
  return cmp(points, 0) < 0 ? 0 : cmp(points, max) > 0 ? max : points;
}

function markNa(out: KernelScores, slot: number, policy: NaPolicy, max: Num): void {
  out.status[slot] = policy === "exclude" ? EXCLUDED : NOT_APPLICABLE;
  out.policy[slot] = policy;
  out.points[slot] = policy === "full" ? max : 0;
  out.max[slot] = policy === "exclude" ? 0 : max;
  out.before[slot] = undefined;
}

function scoreNode(p: KNode, columns: KernelColumns, env: RunEnv, out: KernelScores): void {
  const slot = p.slot;
  let applies = true;
  if (p.appliesWhen !== undefined) {
    env.max = p.max;
    const v = p.appliesWhen(env);
    applies = typeof v === "boolean" ? v : fail();
  }
  if (!applies || columns.declared[slot * columns.size + env.u] !== undefined) return markNa(out, slot, env.params.policies[slot]!, p.max);
  let points: Num;
  let max = p.max;
  if (p.leaf !== undefined) {
    const got = leafPoints(p.leaf, p.max, columns, env);
    if (typeof got === "string") return markNa(out, slot, got, p.max);
    points = got;
  } else {
    let reduced = false;
    const live: ChildFigures<Num>[] = [];
    for (const c of p.children) {
      scoreNode(c, columns, env, out);
      const s = c.slot;
      if (out.status[s] === EXCLUDED) { reduced = true; continue; }
      const m = out.max[s]!;
      if (m !== c.max && cmp(m, c.max) !== 0) reduced = true;
      live.push({ points: out.points[s]!, max: m, weight: env.params.weights[s]! });
    }
    if (live.length === 0) return markNa(out, slot, "exclude", p.max);
    const agg = aggregate(ARITH, p.method, p.max, live, reduced);
    points = agg.points;
    max = agg.max;
  }
  const clamped = p.node.clamp ? clampTo(points, max) : points;
  out.status[slot] = SCORED;
  out.policy[slot] = undefined;
  out.points[slot] = clamped;
  out.max[slot] = max;
  out.before[slot] = clamped === points ? undefined : points;
}

function runUnit(rubric: CompiledRubric, top: readonly KNode[], extras: readonly KExtra[], index: KernelThunk, columns: KernelColumns, env: RunEnv, out: KernelScores): void {
  const scale = env.params.areaScale;
  let tree: Num = 0;
  let max: Num = 0;
  for (let i = 0; i < top.length; i++) {
    const n = top[i]!;
    scoreNode(n, columns, env, out);
    const k = scale?.[i];
    const same = k === undefined || k === SCALE; // a multiplier of 1 changes nothing
    tree = add(tree, same ? out.points[n.slot]! : mul(k, out.points[n.slot]!));
    max = add(max, same ? out.max[n.slot]! : mul(k, out.max[n.slot]!));
  }
  let bonus: Num = 0;
  let penalty: Num = 0;
  for (const x of extras) {
    const got = leafPoints(x.leaf, x.max, columns, env);
    let points: Num;
    if (typeof got === "string") {
      points = x.extra.sign === "bonus" && got === "full" ? x.max : 0;
      out.status[x.slot] = NOT_APPLICABLE;
      out.policy[x.slot] = got;
      out.before[x.slot] = undefined;
    } else {
      points = clampTo(got, x.max);
      out.status[x.slot] = SCORED;
      out.policy[x.slot] = undefined;
      out.before[x.slot] = points === got ? undefined : got;
    }
    out.points[x.slot] = points;
    out.max[x.slot] = x.max;
    if (x.extra.sign === "bonus") bonus = add(bonus, points);
    else penalty = add(penalty, points);
  }
  let points = maxOf(0, sub(add(tree, bonus), penalty));
  if (!rubric.bonusMayExceed) points = minOf(points, max);
  env.lets = [];
  env.max = max;
  env.figures = { points, bonus, penalty };
  const value = index(env);
  if (!isNum(value)) fail();
  out.total = points;
  out.maxTotal = max;
  out.bonus = bonus;
  out.penalty = penalty;
  out.index = value;
}
