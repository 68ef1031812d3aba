/**
 * How a node got its points, as data: each step the evaluation took (values computed,
 * branches and bands chosen, the rule's value, the aggregation, a clamp). Reports
 * render the steps as sentences in the reader's language; the data keeps every figure
 * exact.
 * @module
 */
import type { Aggregation, CompareCode, NaPolicy } from "../compile/types.js";
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
  /**
   * `count(cond)` or `share(cond)` over the list input `list`: `matched` of `total`
   * elements met the condition; `value` is the count or the exact share. When the
   * condition is `element cmp threshold` it is kept (`percent`: written as a percentage).
   */
  | { readonly step: "tally"; readonly fn: "count" | "share"; readonly list: string; readonly matched: number; readonly total: number; readonly value: string; readonly cmp?: CompareCode; readonly threshold?: ShownValue; readonly percent?: true }
  /** A `match` mapped `subject` to `value` by arm number `arm` (from 1; 0 is `else`). */
  | { readonly step: "match"; readonly subject: ShownValue; readonly value: ShownValue; readonly arm: number }
  /** A `match` mapped each of `total` elements of a list: elements alike counted once, in arm order. */
  | { readonly step: "match-list"; readonly total: number; readonly groups: readonly { readonly subject: ShownValue; readonly value: ShownValue; readonly count: number }[] }
  /** The rule's value, before clamping. */
  | { readonly step: "rule"; readonly value: string }
  /** Points given by the assessor. */
  | { readonly step: "given"; readonly value: string }
  /** An inner node combined `count` applicable children (`excluded` others did not count). */
  | { readonly step: "aggregate"; readonly method: Aggregation; readonly count: number; readonly excluded: number; readonly value: string }
  /** Every child of an inner node is excluded, so the node is excluded. */
  | { readonly step: "all-excluded" }
  /** The value was clamped to the node's `[0, max]`. */
  | { readonly step: "clamped"; readonly to: string };

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
