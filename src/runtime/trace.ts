/**
 * How a node got its points, as data: each step the evaluation took (values computed,
 * branches and bands chosen, the rule's value, the aggregation, a clamp). Reports
 * render the steps as sentences in the reader's language; the data keeps every figure
 * exact.
 * @module
 */
import type { Aggregation, CohortStat, CompareCode, NaPolicy } from "../compile/types.js";
import type { Value } from "./values.js";

/**
 * A value as results show it: a number as exact text, a yes/no as a boolean, a list element by element.
 * @category Evaluate
 */
export type ShownValue = string | boolean | readonly (string | boolean)[];

/**
 * The two sides of a quotient a band compared, as exact texts.
 * @category Evaluate
 */
export interface Ratio {
  /** The dividend. */
  readonly numerator: string;
  /** The divisor. */
  readonly denominator: string;
}

/**
 * One step of a node's evaluation. Figures are exact texts (a decimal, or a fraction `n/d`).
 * @category Evaluate
 */
export type TraceStep =
  /** The node's `applies when` condition is false for this unit. */
  | {
      /** Discriminant. */ readonly step: "applies-when";
      /** Always `false`: the condition did not hold. */ readonly holds: false;
    }
  /** The unit declared the node not arising, with its reason. */
  | {
      /** Discriminant. */ readonly step: "declared";
      /** The unit's reason, as written in the submission. */ readonly reason: string;
    }
  /** `when` clause number `clause` (from 1) holds: the node does not arise, under `policy`. */
  | {
      /** Discriminant. */ readonly step: "when";
      /** Which clause, from 1. */ readonly clause: number;
      /** The N/A policy that then applies. */ readonly policy: NaPolicy;
    }
  /** A `let` was computed. */
  | {
      /** Discriminant. */ readonly step: "let";
      /** The `let`'s name. */ readonly name: string;
      /** Its value (a number as exact text). */ readonly value: ShownValue;
      /** When the value is a quotient of two named values, its two sides. */ readonly ratio?: Ratio;
    }
  /** An `if` took its `then` (true) or `else` (false) branch. */
  | {
      /** Discriminant. */ readonly step: "if";
      /** True when the `then` branch was taken, false for `else`. */ readonly then: boolean;
    }
  /**
   * Arm number `arm` (from 1) of a `bands` expression matched: `subject cmp threshold`.
   * `percent`: the thresholds were written as percentages; `ratio`: the subject is a
   * quotient of two named values, shown as such (`152340/152400`).
   */
  | {
      /** Discriminant. */ readonly step: "band";
      /** Which arm matched, from 1. */ readonly arm: number;
      /** The value compared. */ readonly subject: ShownValue;
      /** The comparison of the arm. */ readonly cmp: CompareCode;
      /** The arm's threshold. */ readonly threshold: ShownValue;
      /** Present when the thresholds were written as percentages. */ readonly percent?: true;
      /** When the subject is a quotient of two named values, its two sides. */ readonly ratio?: Ratio;
    }
  /** No arm of a `bands` expression matched; its `else` gave the value. */
  | {
      /** Discriminant. */ readonly step: "band-else";
      /** The value compared. */ readonly subject: ShownValue;
      /** Present when the thresholds were written as percentages. */ readonly percent?: true;
      /** When the subject is a quotient of two named values, its two sides. */ readonly ratio?: Ratio;
    }
  /**
   * `count(cond)` or `share(cond)` over the list input `list`: `matched` of `total`
   * elements met the condition; `value` is the count or the exact share. When the
   * condition is `element cmp threshold` it is kept (`percent`: written as a percentage).
   */
  | {
      /** Discriminant. */ readonly step: "tally";
      /** Which tally: the number of elements, or their share. */ readonly fn: "count" | "share";
      /** The list input's name. */ readonly list: string;
      /** Elements that met the condition. */ readonly matched: number;
      /** Elements in the list. */ readonly total: number;
      /** The count, or the exact share as a decimal or fraction text. */ readonly value: string;
      /** The comparison, when the condition is one. */ readonly cmp?: CompareCode;
      /** The threshold compared with, when the condition is one comparison. */ readonly threshold?: ShownValue;
      /** Present when the threshold was written as a percentage. */ readonly percent?: true;
    }
  /** A `match` mapped `subject` to `value` by arm number `arm` (from 1; 0 is `else`). */
  | {
      /** Discriminant. */ readonly step: "match";
      /** The value matched. */ readonly subject: ShownValue;
      /** The value of the arm taken. */ readonly value: ShownValue;
      /** The arm taken, from 1; 0 is `else`. */ readonly arm: number;
    }
  /** A `match` mapped each of `total` elements of a list: elements alike counted once, in arm order. */
  | {
      /** Discriminant. */ readonly step: "match-list";
      /** Elements in the list. */ readonly total: number;
      /** Each distinct element, the value it mapped to and how many elements it stands for. */ readonly groups: readonly {
        /** An element's value. */
        readonly subject: ShownValue;
        /** What the arm taken mapped it to. */
        readonly value: ShownValue;
        /** How many elements had that value. */
        readonly count: number;
      }[];
    }
  /** The rule's value, before clamping. */
  | {
      /** Discriminant. */ readonly step: "rule";
      /** The exact value (a decimal or a fraction `n/d`). */ readonly value: string;
    }
  /** Points given by the assessor. */
  | {
      /** Discriminant. */ readonly step: "given";
      /** The points given, exact. */ readonly value: string;
    }
  /** An inner node combined `count` applicable children (`excluded` others did not count). */
  | {
      /** Discriminant. */ readonly step: "aggregate";
      /** How the children were combined. */ readonly method: Aggregation;
      /** Children that counted. */ readonly count: number;
      /** Children left out as not applicable (`exclude`). */ readonly excluded: number;
      /** The combined points, exact. */ readonly value: string;
    }
  /** Every child of an inner node is excluded, so the node is excluded. */
  | {
      /** Discriminant. */ readonly step: "all-excluded";
    }
  /** The value was clamped to the node's `[0, max]`. */
  | {
      /** Discriminant. */ readonly step: "clamped";
      /** The value after clamping (`0` or the maximum). */ readonly to: string;
    }
  /**
   * A cohort figure used: `stat` over `of` units gave `value`; the largest and smallest
   * name the `units` holding them; percentile and rescale show the unit's own
   * `argument` (rescale also the cohort's `min`, `max` and the scale `low`–`high`).
   */
  | {
      /** Discriminant. */ readonly step: "cohort";
      /** Which statistic. */ readonly stat: CohortStat;
      /** The figure, exact. */ readonly value: string;
      /** Units in the cohort. */ readonly of: number;
      /** For max and min: the units holding that value. */ readonly units?: readonly string[];
      /** For percentile and rescale: this unit's own argument, exact. */ readonly argument?: string;
      /** For rescale: the cohort's smallest argument. */ readonly min?: string;
      /** For rescale: the cohort's largest argument. */ readonly max?: string;
      /** For rescale: the low end of the declared scale. */ readonly low?: string;
      /** For rescale: the high end of the declared scale. */ readonly high?: string;
    };

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
