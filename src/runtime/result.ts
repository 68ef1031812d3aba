/**
 * The shape of evaluation results. Decimals cross the API as strings.
 * @module
 */
import type { NaPolicy } from "../compile/types.js";
import type { TraceStep } from "./trace.js";
import type { CohortAccess } from "./cohort.js";
import type { EvalErrorArgs, EvalErrorCode, Value } from "./values.js";

/** One node's outcome. */
export interface NodeResult {
  /** The node's id. */
  readonly id: string;
  /** `scored`, `not-applicable` (with its policy) or `error`. */
  readonly status: "scored" | "not-applicable" | "error";
  /** Points awarded (exact: a decimal, or a fraction `"n/d"` that has no finite decimal); absent on error. */
  readonly points?: string;
  /** The rule's or aggregation's value before clamping to `[0, max]`, present only when the clamp changed it. */
  readonly beforeClamp?: string;
  /** The node's applicable maximum: 0 when excluded; below its declared max when something under it is excluded. */
  readonly max: string;
  /** False when excluded from the maximum. */
  readonly applicable: boolean;
  /** The policy applied when not applicable. */
  readonly naPolicy?: NaPolicy;
  /** Why it could not be scored: a stable code, an English message, and what the message names (`args`) for other wordings. */
  readonly error?: { readonly code: EvalErrorCode; readonly message: string; readonly args?: EvalErrorArgs };
  /**
   * What happened, step by step, as data: lets, branches and bands taken, the rule's
   * value, the aggregation, clamping. Only when asked for (`explain: true`); absent
   * otherwise.
   */
  readonly trace?: readonly TraceStep[];
}

/** The inputs of one unit for evaluation: values already typed (see the io stage). */
export interface UnitInputs {
  /** The unit. */
  readonly unit: { readonly id: string; readonly name?: string; readonly group?: string };
  /** Unit facts by name. */
  readonly facts: ReadonlyMap<string, Value>;
  /** Per node id: input values, given points, and a not-arising declaration. */
  readonly nodes: ReadonlyMap<string, { readonly inputs?: ReadonlyMap<string, Value>; readonly points?: string; readonly notApplicable?: string }>;
  /** The unit's cohort, for rubrics with cohort figures (`cohort.max(x)`): given by the batch API; absent when a unit is evaluated alone. */
  readonly cohort?: CohortAccess;
}

/** A unit's result. */
export interface UnitResult {
  /** The unit. */
  readonly unit: { readonly id: string; readonly name?: string; readonly group?: string };
  /** The rubric it was scored with. */
  readonly rubric: { readonly id: string; readonly version?: string; readonly fingerprint: string };
  /** False when any node is in error: then no total, index or rank exists. */
  readonly complete: boolean;
  /** Every node error, in tree order. */
  readonly errors: readonly { readonly node: string; readonly code: EvalErrorCode; readonly message: string; readonly args?: EvalErrorArgs }[];
  /** Exact figures, when complete. */
  readonly figures?: { readonly points: string; readonly max: string; readonly bonus: string; readonly penalty: string; readonly index: string };
  /** Published (rounded once) figures, when complete. */
  readonly published?: { readonly points: string; readonly index: string };
  /** Every node and extra block, in tree order (pre-order), then bonus and penalty. */
  readonly nodes: readonly NodeResult[];
}
