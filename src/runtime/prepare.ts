/**
 * Prepares a compiled rubric once: every expression becomes a closure, cached per
 * rubric object, so evaluating many units re-interprets nothing.
 * @module
 */
import type { CompiledExpr, CompiledExtra, CompiledLeaf, CompiledNode, CompiledRubric, NaPolicy } from "../compile/types.js";
import { cohortFiguresIn, cohortKey } from "./cohort.js";
import { Exact } from "./exact.js";
import { prepareExpr, ratioSides, type Thunk } from "./prepare-expr.js";

/** A leaf's prepared rule. */
export interface PreparedLeaf {
  /** Lets in order. */
  readonly lets: readonly { readonly name: string; readonly thunk: Thunk; readonly sides: readonly [Thunk, Thunk] | undefined }[];
  /** `when` clauses in order. */
  readonly when: readonly { readonly thunk: Thunk; readonly policy: NaPolicy }[];
  /** The rule, or the given step (`null` without a step). */
  readonly rule: { readonly kind: "expr"; readonly thunk: Thunk } | { readonly kind: "given"; readonly step: Exact | null };
  /** The cohort figures its lets and rule read: key and prepared argument. */
  readonly sites: readonly CohortSite[];
}

/** A cohort figure's key and its prepared argument, for gathering arguments. */
export interface CohortSite {
  /** The figure's key (`cohortKey`). */
  readonly key: string;
  /** Its argument. */
  readonly arg: Thunk;
}

/**
 * The distinct cohort figures of some expressions (by key).
 * @param exprs - compiled expressions
 */
export function sitesOf(exprs: readonly CompiledExpr[]): CohortSite[] {
  const byKey = new Map<string, CohortSite>();
  for (const e of exprs) for (const c of cohortFiguresIn(e)) {
    const key = cohortKey(c);
    if (!byKey.has(key)) byKey.set(key, { key, arg: prepareExpr(c.arg) });
  }
  return [...byKey.values()];
}

/** A node with its prepared parts. */
export interface PreparedNode {
  /** The compiled node. */
  readonly node: CompiledNode;
  /** Its max as a decimal. */
  readonly max: Exact;
  /** Its weight (1 when none). */
  readonly weight: Exact;
  /** The scope condition. */
  readonly appliesWhen: Thunk | undefined;
  /** Children, for inner nodes. */
  readonly children: readonly PreparedNode[];
  /** The rule, for leaves. */
  readonly leaf: PreparedLeaf | undefined;
}

/** A prepared rubric. */
export interface PreparedRubric {
  /** The top-level nodes. */
  readonly nodes: readonly PreparedNode[];
  /** Bonus and penalty blocks. */
  readonly extras: readonly { readonly extra: CompiledExtra; readonly max: Exact; readonly leaf: PreparedLeaf }[];
  /** The index formula. */
  readonly index: Thunk;
  /** The cohort figures the index formula reads. */
  readonly indexSites: readonly CohortSite[];
}

function prepareLeaf(leaf: CompiledLeaf): PreparedLeaf {
  return {
    lets: leaf.lets.map((l) => ({ name: l.name, thunk: prepareExpr(l.expr), sides: ratioSides(l.expr) })),
    when: leaf.when.map((w) => ({ thunk: prepareExpr(w.cond), policy: w.policy })),
    rule: leaf.rule.kind === "expr" ? { kind: "expr", thunk: prepareExpr(leaf.rule.expr) } : { kind: "given", step: leaf.rule.step === undefined ? null : Exact.of(leaf.rule.step) },
    sites: sitesOf([...leaf.lets.map((l) => l.expr), ...(leaf.rule.kind === "expr" ? [leaf.rule.expr] : [])]),
  };
}

function prepareNode(node: CompiledNode): PreparedNode {
  return {
    node,
    max: Exact.of(node.max),
    weight: Exact.of(node.weight ?? "1"),
    appliesWhen: node.appliesWhen === undefined ? undefined : prepareExpr(node.appliesWhen),
    children: (node.children ?? []).map(prepareNode),
    leaf: node.leaf === undefined ? undefined : prepareLeaf(node.leaf),
  };
}

const cache = new WeakMap<CompiledRubric, PreparedRubric>();

/**
 * The prepared form of a rubric, built on first use and cached for the rubric object.
 * @param rubric - a compiled (and, if stored, loaded) rubric
 */
export function prepare(rubric: CompiledRubric): PreparedRubric {
  let prepared = cache.get(rubric);
  if (prepared === undefined) {
    prepared = {
      nodes: rubric.nodes.map(prepareNode),
      extras: rubric.extras.map((extra) => ({ extra, max: Exact.of(extra.max), leaf: prepareLeaf(extra.leaf) })),
      index: prepareExpr(rubric.index),
      indexSites: sitesOf([rubric.index]),
    };
    cache.set(rubric, prepared);
  }
  return prepared;
}
