/**
 * Scoring one unit on the kernel: leaves (with their memo), inner nodes by the shared
 * `aggregate` rule, clamping, bonus and penalty, the total and the index. The closures
 * come from `kernel.ts`; whatever the plain path would report as an error throws, and
 * `Kernel.run` turns that into `false`.
 * @module
 */
import type { CompiledExtra, CompiledNode, CompiledRubric, NaPolicy } from "../compile/types.js";
import { aggregate, type Arithmetic, type ChildFigures } from "./aggregate.js";
import type { Exact } from "./exact.js";
import { add, cmp, div, isNum, max as maxOf, min as minOf, mul, SCALE, sub, type Num } from "./fast-num.js";
import type { KernelColumns } from "./kernel-columns.js";
import { fail, type Fast, type KernelEnv, type KernelThunk } from "./kernel-expr.js";
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

/** A leaf prepared for the kernel. */
export interface KLeaf {
  readonly index: number;
  readonly lets: readonly KernelThunk[];
  readonly letValues: (Fast | undefined)[];
  readonly when: readonly { readonly thunk: KernelThunk; readonly clause: number }[];
  readonly rule: KernelThunk | { readonly step: Exact | null; readonly given: number };
}

/** A tree node prepared for the kernel. */
export interface KNode {
  readonly slot: number;
  readonly node: CompiledNode;
  readonly max: Num;
  readonly maxText: string;
  readonly appliesWhen: KernelThunk | undefined;
  readonly children: readonly KNode[];
  readonly leaf: KLeaf | undefined;
  readonly method: NonNullable<CompiledNode["aggregate"]>;
}

/** A bonus or penalty block prepared for the kernel. */
export interface KExtra {
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

const STOP = (): never => fail();

/** The closures' environment plus what a run keeps for itself. */
export interface RunEnv extends KernelEnv {
  /** The unit's memo, when the caller gave one. */
  memo: LeafMemo | undefined;
  /** The clause that held in the last leaf computed. */
  clause: number;
}

/** Kernel arithmetic for {@link aggregate}; a division by zero gives up. */
export const ARITH: Arithmetic<Num> = { zero: 0, add, mul, div: (a, b) => div(a, b) ?? STOP(), cmp, int: (k) => k * SCALE };

/** Points of a leaf, or the policy of the `when` clause that holds (remembered in, or reused from, the run's memo). */
export function leafPoints(leaf: KLeaf, max: Num, columns: KernelColumns, env: RunEnv): Num | NaPolicy {
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

/** Scores one unit into `out` (throws where the plain path would report an error). */
export function runUnit(rubric: CompiledRubric, top: readonly KNode[], extras: readonly KExtra[], index: KernelThunk, columns: KernelColumns, env: RunEnv, out: KernelScores): void {
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
