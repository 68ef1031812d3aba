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
import type { CompiledLeaf, CompiledNode, CompiledRubric, NaPolicy } from "../compile/types.js";
import { Exact, text } from "./exact.js";
import { fromExact, SCALE, type Num } from "./fast-num.js";
import { columnLayout, type KernelColumns, type KernelLayout } from "./kernel-columns.js";
import { prepareKernelExpr, type ExprScope, type Fast, type KernelParams } from "./kernel-expr.js";
import type { CohortAccess } from "./cohort.js";
import { runUnit, SKIPPED, type KernelScores, type KExtra, type KLeaf, type KNode, type LeafMemo, type RunEnv } from "./kernel-run.js";

export type { KernelParams, KernelScores, LeafMemo };
export { EXCLUDED, NOT_APPLICABLE, SCORED, SKIPPED } from "./kernel-run.js";

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
   * error (or a value outgrew the exact bound): `out` is then partly written. `cohort`:
   * the unit's cohort figures, for a rubric with cohort figures.
   */
  run(columns: KernelColumns, u: number, params: KernelParams, out: KernelScores, memo?: LeafMemo, cohort?: CohortAccess): boolean;
}

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
    weights.push(SCALE); // 1
    policies.push("zero");
    return { slot, extra, max: fromExact(maxExact), maxText: text(maxExact), leaf: leafOf(extra.id, extra.leaf) };
  });
  const index = prepareKernelExpr(rubric.index, scopeFor(undefined, undefined));
  const count = nodeInfo.length;
  const defaults: KernelParams = { weights, policies, clauses, thresholds };
  const env: RunEnv = { memo: undefined, clause: -1, cols: [], size: 1, u: 0, lets: [], letThunks: [], max: 0, figures: undefined, params: defaults, cohort: undefined };
  return {
    rubric, layout, nodes: nodeInfo, areas: top.map((n) => n.slot), defaults, thresholdSites: sites, leaves: leafIndex,
    memo: () => ({ points: new Array<Num | undefined>(leafIndex.size), clause: new Int32Array(leafIndex.size).fill(-1), reuse: new Uint8Array(leafIndex.size) }),
    scores: () => ({ points: new Array<Num>(count).fill(0), max: new Array<Num>(count).fill(0), status: new Uint8Array(count), policy: new Array<NaPolicy | undefined>(count), before: new Array<Num | undefined>(count), total: 0, maxTotal: 0, bonus: 0, penalty: 0, index: 0 }),
    run(columns, u, params, out, memo, cohort) {
      try {
        env.memo = memo;
        env.cohort = cohort;
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
