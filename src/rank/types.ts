/**
 * Shapes of the ranking stage: options, rows, the ranked table.
 * @module
 */
import type { CompiledRanking, CompiledSortKey, PercentileMethod } from "../compile/types.js";
import type { SubmissionIssue, UnitError } from "../io/evaluate.js";

/**
 * Overrides of the rubric's ranking policy, for what-if comparisons.
 * @category Rank
 */
export interface RankOptions {
  /** Sort keys instead of the rubric's. */
  readonly keys?: CompiledRanking["keys"];
  /** Tie policy instead of the rubric's. */
  readonly ties?: CompiledRanking["ties"];
  /** Rank on published or exact figures instead of the rubric's choice. */
  readonly on?: CompiledRanking["on"];
  /** Rank within groups (or not) instead of the rubric's choice. */
  readonly withinGroup?: boolean;
  /** Last period's table, matched by unit id, for the change column. */
  readonly previous?: readonly PreviousRow[];
}

/**
 * A unit's place in an earlier period.
 * @category Rank
 */
export interface PreviousRow {
  /** The unit's id. */
  readonly unitId: string;
  /** Its rank then. */
  readonly rank: number;
  /** Its published index then, e.g. `"88.47"`. */
  readonly index: string;
}

/**
 * The change against the previous period ("tăng 2 hạng").
 * @category Rank
 */
export interface Change {
  /** Rank then. */
  readonly rank: number;
  /** Published index then. */
  readonly index: string;
  /** `up` / `down` by `places`, `same`. */
  readonly change: "up" | "down" | "same";
  /** How many places (0 when the same). */
  readonly places: number;
  /** Published index now minus then, exact. */
  readonly indexDelta: string;
}

/**
 * One ranked unit.
 * @category Rank
 */
export interface RankedRow {
  /** The unit. */
  readonly unit: {
    /** The unit's id. */ readonly id: string;
    /** Its name, when given. */ readonly name?: string;
  };
  /** Its group ("" when none). */
  readonly group: string;
  /** Its rank (within its group when ranking within groups). */
  readonly rank: number;
  /** Units ranked together (its group's size). */
  readonly of: number;
  /**
   * Ids of the other units sharing its rank, sorted. In a tie of more than 48 units this
   * is an enumerable getter over one list shared by the tie's rows (a new array on each
   * read), so large ties cost linear memory; JSON and equality see a plain array.
   */
  readonly tiedWith: readonly string[];
  /** Exact index. */
  readonly index: string;
  /** Exact points. */
  readonly points: string;
  /** Exact applicable maximum (below the declared one when something did not apply to the unit). */
  readonly max: string;
  /** Published (rounded) index and points. */
  readonly published: {
    /** The published index (decimal text). */ readonly index: string;
    /** The published points (decimal text). */ readonly points: string;
  };
  /** Its band, if the rubric has bands and one matches. */
  readonly band?: string;
  /** How a percentile band was decided: the index against the cohort's cut-off. */
  readonly bandBasis?: BandBasis;
  /** Its place last period, or `new` when it was not ranked then. */
  readonly previous: Change | "new" | undefined;
  /** Exact points of each top-level area, by id. */
  readonly areas: Readonly<Record<string, string>>;
  /**
   * Present when the unit ranked just below equals this one on the first sort key and a
   * later key put this one above: that key, and the unit it decided against.
   */
  readonly tieBreak?: {
    /** The sort key that separated the two units. */ readonly key: CompiledSortKey;
    /** The id of the unit ranked just below by that key. */ readonly over: string;
  };
}

/**
 * A percentile band decision: `value cmp cutoff`, the cutoff being the cohort's
 * `percentile`-th percentile by `method`, the cohort `of` units. For a band reached
 * after failing percentile bands (the lowest group), the last cut-off it fell below.
 * @category Rank
 */
export interface BandBasis {
  /** The percentile, 0 to 100 (`"75"`). */
  readonly percentile: string;
  /** The percentile method. */
  readonly method: PercentileMethod;
  /** The cohort's percentile, exact (`"6.52"`). */
  readonly cutoff: string;
  /** The unit's index as the bands judged it (published or exact, as the ranking). */
  readonly value: string;
  /** How the value compares with the cut-off. */
  readonly cmp: ">=" | ">" | "<" | "<=";
  /** Units in the cohort. */
  readonly of: number;
}

/**
 * A unit that cannot be ranked, and why.
 * @category Rank
 */
export interface UnrankedRow {
  /** The unit. */
  readonly unit: {
    /** The unit's id. */ readonly id: string;
    /** Its name, when given. */ readonly name?: string;
  };
  /** Why, in English: an incomplete result, an invalid submission, or a duplicate id. */
  readonly reason: string;
  /** Why, as data, for wording in any language (`unrankedReason` in the reports). */
  readonly cause: UnrankedCause;
  /** Where its data is (file and sheet, row or line), when it was refused while being read. */
  readonly origin?: string;
  /** Every problem of a refused unit, each naming its cell (or JSON path). */
  readonly problems?: readonly string[];
}

/**
 * Why a unit is not ranked, as data.
 * @category Rank
 */
export type UnrankedCause =
  /** Its submission was refused: every issue, with its JSON path. */
  | {
      /** Discriminant. */ readonly kind: "invalid";
      /** Every issue of the submission, with its JSON path. */ readonly issues: readonly SubmissionIssue[];
    }
  /** Some criterion could not be scored: the node errors. */
  | {
      /** Discriminant. */ readonly kind: "incomplete";
      /** The node errors. */ readonly errors: readonly UnitError[];
    }
  /** Its id was given `count` times. */
  | {
      /** Discriminant. */ readonly kind: "duplicate";
      /** How many submissions gave this id. */ readonly count: number;
    }
  /** Its data could not be read (a bad cell, row or line): every problem, worded and placed when read. */
  | {
      /** Discriminant. */ readonly kind: "refused";
      /** Every problem, worded and placed when read (file, row, cell). */ readonly problems: readonly string[];
    }
  /**
   * Scored, but the ranking's `eligible when` condition is false for it (`undecided`: a
   * fact the condition reads is missing): the rubric's reason. It joins no cohort.
   */
  | {
      /** Discriminant. */ readonly kind: "ineligible";
      /** The rubric's reason, as written after the condition. */ readonly reason: string;
      /** Present when a fact the condition reads is missing, so eligibility could not be decided. */ readonly undecided?: true;
    };

/**
 * The ranked table.
 * @category Rank
 */
export interface RankResult {
  /** Ranked rows, by group (sorted), then rank, then unit id. */
  readonly rows: readonly RankedRow[];
  /** Units listed apart, never ranked silently. */
  readonly unranked: readonly UnrankedRow[];
  /** The policy that was applied (the rubric's, with any overrides). */
  readonly policy: CompiledRanking;
}
