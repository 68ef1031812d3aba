/**
 * Values that flow through rule evaluation, and the failure a rule can end in.
 * @module
 */
import type { Exact } from "./decimal.js";

/** A runtime value: typed, exact. Dates are `YYYY-MM-DD` strings (they order as text). */
export type Value =
  | { readonly kind: "num"; readonly value: Exact }
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "date"; readonly value: string }
  | { readonly kind: "enum"; readonly value: string }
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "list"; readonly items: readonly Value[] };

/** Why a node could not be scored. */
export type EvalErrorCode = "missing-input" | "division-by-zero" | "wrong-type" | "empty-list" | "no-band" | "bad-points" | "depends-on-error";

/**
 * Thrown inside a node's evaluation only, and caught at the node, where it becomes
 * that node's `status: "error"`; the public API never throws it.
 */
export class RuleFailure extends Error {
  /**
   * @param code - stable reason code
   * @param message - what failed, naming the input or operation
   */
  constructor(
    readonly code: EvalErrorCode,
    message: string,
  ) {
    super(message);
  }
}
