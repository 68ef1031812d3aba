/**
 * Values that flow through rule evaluation, and the failure a rule can end in.
 * @module
 */
import { ExactOverflow, MAX_EXACT_DIGITS, type Exact } from "./exact.js";

/**
 * A runtime value: typed, exact. Dates are `YYYY-MM-DD` strings (they order as text).
 * @category Evaluate
 */
export type Value =
  | {
      /** A number. */ readonly kind: "num";
      /** The exact rational. */ readonly value: Exact;
    }
  | {
      /** A yes/no. */ readonly kind: "bool";
      /** The value. */ readonly value: boolean;
    }
  | {
      /** A date. */ readonly kind: "date";
      /** The date, `YYYY-MM-DD`. */ readonly value: string;
    }
  | {
      /** An enum member. */ readonly kind: "enum";
      /** The member's name. */ readonly value: string;
    }
  | {
      /** A text. */ readonly kind: "text";
      /** The text. */ readonly value: string;
    }
  | {
      /** A list. */ readonly kind: "list";
      /** The elements in order. */ readonly items: readonly Value[];
    };

/**
 * Why a node could not be scored. `too-large`: a value grew past the exact-number
 * bound; `internal-error`: a fault of rubric-lang itself, confined to the node.
 * @category Evaluate
 */
export type EvalErrorCode =
  | "missing-input"
  | "division-by-zero"
  | "wrong-type"
  | "empty-list"
  | "no-band"
  | "bad-points"
  | "too-large"
  | "internal-error"
  | "depends-on-error"
  /** A cohort figure read while a unit is evaluated alone: evaluate the units together. */
  | "needs-cohort"
  /** A cohort figure of a cohort with no unit that gave its argument. */
  | "cohort-empty"
  /** `cohort.rescale` over a cohort whose units all gave the same argument. */
  | "cohort-zero-range"
  /** Only while a batch gathers arguments: a figure not known yet (never in a final result). */
  | "cohort-pending";

/**
 * What an error names, for the message catalogue to word it: an input, a fact, a value, a node…
 * @category Evaluate
 */
export type EvalErrorArgs = Readonly<Record<string, string | number>>;

/**
 * Thrown inside a node's evaluation only, and caught at the node, where it becomes
 * that node's `status: "error"`; the public API never throws it.
 */
export class RuleFailure extends Error {
  /**
   * @param code - stable reason code
   * @param message - what failed, naming the input or operation (English)
   * @param args - what the message names, for wording it in another language
   */
  constructor(
    readonly code: EvalErrorCode,
    message: string,
    readonly args: EvalErrorArgs = {},
  ) {
    super(message);
  }
}

/**
 * The failure an exception stands for at a node: itself when it is a rule failure,
 * `too-large` for an exact value past its bound, else `internal-error` (a fault of
 * ours, kept to this node so the unit and the batch go on).
 * @param error - what was thrown
 */
export function asFailure(error: unknown): RuleFailure {
  if (error instanceof RuleFailure) return error;
  if (error instanceof ExactOverflow) return new RuleFailure("too-large", error.message, { digits: MAX_EXACT_DIGITS });
  const detail = error instanceof Error ? error.message : String(error);
  return new RuleFailure("internal-error", `internal error: ${detail}`, { detail });
}
