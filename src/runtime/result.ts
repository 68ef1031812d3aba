/**
 * The shape of evaluation results. Decimals cross the API as strings.
 * @module
 */
import type { NaPolicy } from "../compile/types.js";
import type { TraceStep } from "./trace.js";
import type { CohortAccess } from "./cohort.js";
import type { EvalErrorArgs, EvalErrorCode, Value } from "./values.js";

/**
 * One node's outcome.
 * @category Evaluate
 */
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
  readonly error?: {
    /** Stable code of the failure. */ readonly code: EvalErrorCode;
    /** The failure in English. */ readonly message: string;
    /** What the message names, for wording it in another language. */ readonly args?: EvalErrorArgs;
  };
  /**
   * What happened, step by step, as data: lets, branches and bands taken, the rule's
   * value, the aggregation, clamping. Only when asked for (`explain: true`); absent
   * otherwise.
   */
  readonly trace?: readonly TraceStep[];
}

/**
 * The inputs of one unit for evaluation: values already typed (see the io stage).
 * @category Evaluate
 */
export interface UnitInputs {
  /** The unit. */
  readonly unit: {
    /** The unit's id, as submitted. */ readonly id: string;
    /** Its name, when given. */ readonly name?: string;
    /** Its group (for `within group` ranking), when given. */ readonly group?: string;
  };
  /** Unit facts by name. */
  readonly facts: ReadonlyMap<string, Value>;
  /** Per node id: input values, given points, and a not-arising declaration. */
  readonly nodes: ReadonlyMap<string, {
    /** Input values by name. */ readonly inputs?: ReadonlyMap<string, Value>;
    /** Points given by the assessor (exact decimal text), for `score = given` leaves. */ readonly points?: string;
    /** The unit's reason for declaring the node not arising. */ readonly notApplicable?: string;
  }>;
  /** The unit's cohort, for rubrics with cohort figures (`cohort.max(x)`): given by the batch API; absent when a unit is evaluated alone. */
  readonly cohort?: CohortAccess;
}

/**
 * A unit's result.
 * @category Evaluate
 */
export interface UnitResult {
  /** The unit. */
  readonly unit: {
    /** The unit's id, as submitted. */ readonly id: string;
    /** Its name, when given. */ readonly name?: string;
    /** Its group (for `within group` ranking), when given. */ readonly group?: string;
  };
  /** The rubric it was scored with. */
  readonly rubric: {
    /** The rubric's id. */ readonly id: string;
    /** Its version, if stated. */ readonly version?: string;
    /** The compiled rubric's SHA-256 fingerprint (hex). */ readonly fingerprint: string;
  };
  /** False when any node is in error: then no total, index or rank exists. */
  readonly complete: boolean;
  /** Every node error, in tree order. */
  readonly errors: readonly {
    /** The id of the node that could not be scored. */ readonly node: string;
    /** Stable code of the failure. */ readonly code: EvalErrorCode;
    /** The failure in English. */ readonly message: string;
    /** What the message names, for wording it in another language. */ readonly args?: EvalErrorArgs;
  }[];
  /** Exact figures, when complete. */
  readonly figures?: {
    /** Total points after bonus and penalty (exact decimal text). */ readonly points: string;
    /** The maximum points applicable to the unit. */ readonly max: string;
    /** Bonus points added. */ readonly bonus: string;
    /** Penalty points subtracted. */ readonly penalty: string;
    /** The index, exact (not rounded). */ readonly index: string;
  };
  /** Published (rounded once) figures, when complete. */
  readonly published?: {
    /** Total points, rounded once as the rubric's `publish` says. */ readonly points: string;
    /** The index, rounded once as the rubric's `publish` says. */ readonly index: string;
  };
  /** Every node and extra block, in tree order (pre-order), then bonus and penalty. */
  readonly nodes: readonly NodeResult[];
}
