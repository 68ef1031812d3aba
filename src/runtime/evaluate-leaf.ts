/**
 * Scoring one leaf (or bonus/penalty block): lets, `when` clauses, the rule or the
 * given points, each step recorded in a trace (see `trace.ts`).
 * @module
 */
import type { NaPolicy } from "../compile/types.js";
import { Exact, text } from "./exact.js";
import type { PreparedLeaf } from "./prepare.js";
import type { Env } from "./prepare-expr.js";
import { shownValue, type TraceStep } from "./trace.js";
import { RuleFailure, type Value } from "./values.js";
import { recordSites, type CohortAccess } from "./cohort.js";

/** What a leaf gave: points, or a not-applicable policy from a `when` clause. */
export type LeafOutcome =
  | { readonly kind: "points"; readonly points: Exact }
  | { readonly kind: "not-applicable"; readonly policy: NaPolicy };

/** What a unit supplies for one leaf. */
export interface LeafInputs {
  /** Input values by name. */
  readonly inputs: ReadonlyMap<string, Value>;
  /** Points given directly (for `score = given`). */
  readonly points: Exact | undefined;
}

/**
 * Scores a leaf, recording each step in `trace` (so a failure keeps the steps before
 * it). Throws {@link RuleFailure} (caught by the caller at the node) when a rule
 * cannot be computed.
 * @param leaf - the prepared leaf
 * @param max - the node's max
 * @param data - the unit's inputs for it
 * @param unit - unit facts
 * @param trace - where the steps go
 * @param cohort - the unit's cohort, when evaluated with others
 */
export function scoreLeaf(leaf: PreparedLeaf, max: Exact, data: LeafInputs, unit: ReadonlyMap<string, Value>, trace: TraceStep[], cohort?: CohortAccess): LeafOutcome {
  const byName = new Map(leaf.lets.map((l) => [l.name, l.thunk]));
  const sidesOf = new Map(leaf.lets.map((l) => [l.name, l.sides]));
  const computed = new Map<string, Value>();
  const env: Env = {
    input: (name) => data.inputs.get(name),
    // Lazy: a let is computed once, when first needed, so `when total == 0: full`
    // protects `let rate = done / total` from dividing by zero.
    letValue: (name) => {
      const known = computed.get(name);
      if (known !== undefined) return known;
      const thunk = byName.get(name);
      if (thunk === undefined) throw new RuleFailure("missing-input", `'${name}' has no value`, { input: name });
      const v = thunk(env);
      computed.set(name, v);
      // A quotient of named values shows its two sides (`ty_le = 1520/1523`).
      const sides = sidesOf.get(name);
      const [n, d] = sides === undefined ? [] : [sides[0](env), sides[1](env)];
      const ratio = n?.kind === "num" && d?.kind === "num" ? { ratio: { numerator: n.value.toString(), denominator: d.value.toString() } } : {};
      trace.push({ step: "let", name, value: shownValue(v), ...ratio });
      return v;
    },
    unit: (name) => unit.get(name),
    max,
    figure: () => undefined,
    note: (step) => trace.push(step),
    cohort,
  };
  for (const [i, w] of leaf.when.entries()) {
    const v = w.thunk(env);
    if (v.kind === "bool" && v.value) {
      trace.push({ step: "when", clause: i + 1, policy: w.policy });
      return { kind: "not-applicable", policy: w.policy };
    }
  }
  recordSites(leaf.sites, cohort, (arg) => {
    const v = arg(env);
    return v.kind === "num" ? v.value : undefined;
  });
  if (leaf.rule.kind === "given") {
    const points = data.points;
    if (points === undefined) throw new RuleFailure("missing-input", "the points given by the assessor are missing", { input: "points" });
    if (points.isNegative() || points.gt(max)) throw new RuleFailure("bad-points", `given points ${text(points)} are outside 0..${text(max)}`, { value: text(points), max: text(max) });
    if (leaf.rule.step !== null && !points.dividedBy(leaf.rule.step).isInteger()) {
      throw new RuleFailure("bad-points", `given points ${text(points)} are not a multiple of the step ${text(leaf.rule.step)}`, { value: text(points), step: text(leaf.rule.step) });
    }
    trace.push({ step: "given", value: text(points) });
    return { kind: "points", points };
  }
  const v = leaf.rule.thunk(env);
  if (v.kind !== "num") throw new RuleFailure("wrong-type", `the rule gave ${v.kind}, not a number`);
  trace.push({ step: "rule", value: text(v.value) });
  return { kind: "points", points: v.value };
}

/** Zero, exactly. */
export const ZERO = Exact.ZERO;
