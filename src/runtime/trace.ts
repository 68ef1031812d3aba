/**
 * How a node got its points, as data: each step the evaluation took (values computed,
 * branches and bands chosen, the rule's value, the aggregation, a clamp). Reports
 * render the steps as sentences in the reader's language; the data keeps every figure
 * exact.
 * @module
 */
import type { Aggregation, CohortStat, CompareCode, NaPolicy } from "../compile/types.js";
import type { Value } from "./values.js";

/** A value as results show it: a number as exact text, a yes/no as a boolean, a list element by element. */
export type ShownValue = string | boolean | readonly (string | boolean)[];

/** The two sides of a quotient a band compared, as exact texts. */
export interface Ratio {
  /** The dividend. */
  readonly numerator: string;
  /** The divisor. */
  readonly denominator: string;
}

/** One step of a node's evaluation. Figures are exact texts (a decimal, or a fraction `n/d`). */
export type TraceStep =
  /** The node's `applies when` condition is false for this unit. */
  | { readonly step: "applies-when"; readonly holds: false }
  /** The unit declared the node not arising, with its reason. */
  | { readonly step: "declared"; readonly reason: string }
  /** `when` clause number `clause` (from 1) holds: the node does not arise, under `policy`. */
  | { readonly step: "when"; readonly clause: number; readonly policy: NaPolicy }
  /** A `let` was computed. */
  | { readonly step: "let"; readonly name: string; readonly value: ShownValue; readonly ratio?: Ratio }
  /** An `if` took its `then` (true) or `else` (false) branch. */
  | { readonly step: "if"; readonly then: boolean }
  /**
   * Arm number `arm` (from 1) of a `bands` expression matched: `subject cmp threshold`.
   * `percent`: the thresholds were written as percentages; `ratio`: the subject is a
   * quotient of two named values, shown as such (`152340/152400`).
   */
  | { readonly step: "band"; readonly arm: number; readonly subject: ShownValue; readonly cmp: CompareCode; readonly threshold: ShownValue; readonly percent?: true; readonly ratio?: Ratio }
  /** No arm of a `bands` expression matched; its `else` gave the value. */
  | { readonly step: "band-else"; readonly subject: ShownValue; readonly percent?: true; readonly ratio?: Ratio }
  /** The rule's value, before clamping. */
  | { readonly step: "rule"; readonly value: string }
  /** Points given by the assessor. */
  | { readonly step: "given"; readonly value: string }
  /** An inner node combined `count` applicable children (`excluded` others did not count). */
  | { readonly step: "aggregate"; readonly method: Aggregation; readonly count: number; readonly excluded: number; readonly value: string }
  /** Every child of an inner node is excluded, so the node is excluded. */
  | { readonly step: "all-excluded" }
  /** The value was clamped to the node's `[0, max]`. */
  | { readonly step: "clamped"; readonly to: string }
  /**
   * A cohort figure used: `stat` over `of` units gave `value`; the largest and smallest
   * name the `units` holding them; percentile and rescale show the unit's own
   * `argument` (rescale also the cohort's `min`, `max` and the scale `low`–`high`).
   */
  | { readonly step: "cohort"; readonly stat: CohortStat; readonly value: string; readonly of: number; readonly units?: readonly string[]; readonly argument?: string; readonly min?: string; readonly max?: string; readonly low?: string; readonly high?: string };

/**
 * A value as results show it.
 * @param v - a runtime value
 */
export function shownValue(v: Value): ShownValue {
  switch (v.kind) {
    case "num": return v.value.toString();
    case "bool": return v.value;
    case "list": return v.items.map((item) => shownValue(item) as string | boolean);
    default: return v.value;
  }
}
