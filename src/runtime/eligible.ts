/**
 * Eligibility to be ranked (`ranking { eligible when <condition> "reason" }`): decided
 * on unit facts alone, before anything is scored, so an ineligible unit is scored but
 * listed apart and never joins a cohort.
 * @module
 */
import type { CompiledRubric } from "../compile/types.js";
import { Exact } from "./exact.js";
import { prepareExpr, type Thunk } from "./prepare-expr.js";
import type { Value } from "./values.js";

/**
 * Whether a unit may be ranked with the others, and if not, why.
 * @category Rank
 */
export type Eligibility =
  | {
      /** The unit meets the ranking's condition (or the rubric states none). */ readonly eligible: true;
    }
  /** `undecided`: the condition could not be evaluated (a fact it reads is missing), so the unit is not ranked. */
  | {
      /** The unit is scored but not ranked. */ readonly eligible: false;
      /** The rubric's reason. */ readonly reason: string;
      /** Present when a fact the condition reads is missing. */ readonly undecided?: true;
    };

const ELIGIBLE: Eligibility = { eligible: true };
const cache = new WeakMap<CompiledRubric, Thunk>();

/**
 * Decides a unit's eligibility from its facts. Never throws.
 * @param rubric - a compiled rubric
 * @param facts - the unit's facts
 * @category Rank
 */
export function eligibilityOf(rubric: CompiledRubric, facts: ReadonlyMap<string, Value>): Eligibility {
  const rule = rubric.ranking.eligible;
  if (rule === undefined) return ELIGIBLE;
  let thunk = cache.get(rubric);
  if (thunk === undefined) cache.set(rubric, (thunk = prepareExpr(rule.when)));
  try {
    const v = thunk({ input: () => undefined, letValue: () => ({ kind: "bool", value: false }), unit: (n) => facts.get(n), max: Exact.ZERO, figure: () => undefined, note: () => undefined });
    if (v.kind === "bool" && v.value) return ELIGIBLE;
    if (v.kind === "bool") return { eligible: false, reason: rule.reason };
  } catch {
    // Falls through: a missing fact leaves eligibility undecided.
  }
  return { eligible: false, reason: rule.reason, undecided: true };
}
