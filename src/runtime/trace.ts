/**
 * How a node got its points, as data: each step the evaluation took (values computed,
 * branches and bands chosen, the rule's value, the aggregation, a clamp). Reports
 * render the steps as sentences in the reader's language; the data keeps every figure
 * exact.
 * @module
 */
import type { Aggregation, CompareCode, NaPolicy } from "../compile/types.js";
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
