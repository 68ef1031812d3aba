/**
 * Shapes of the ranking stage: options, rows, the ranked table.
 * @module
 */
import type { CompiledRanking, CompiledSortKey } from "../compile/types.js";
import type { SubmissionIssue, UnitError } from "../io/evaluate.js";

/** Overrides of the rubric's ranking policy, for what-if comparisons. */
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

/** A unit's place in an earlier period. */
export interface PreviousRow {
  /** The unit's id. */
  readonly unitId: string;
  /** Its rank then. */
  readonly rank: number;
  /** Its published index then, e.g. `"88.47"`. */
  readonly index: string;
}

/** The change against the previous period ("tăng 2 hạng"). */
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

/** One ranked unit. */
export interface RankedRow {
  /** The unit. */
  readonly unit: { readonly id: string; readonly name?: string };
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
  readonly published: { readonly index: string; readonly points: string };
  /** Its band, if the rubric has bands and one matches. */
  readonly band?: string;
  /** Its place last period, or `new` when it was not ranked then. */
  readonly previous: Change | "new" | undefined;
  /** Exact points of each top-level area, by id. */
  readonly areas: Readonly<Record<string, string>>;
  /**
   * Present when the unit ranked just below equals this one on the first sort key and a
   * later key put this one above: that key, and the unit it decided against.
   */
  readonly tieBreak?: { readonly key: CompiledSortKey; readonly over: string };
}

/** A unit that cannot be ranked, and why. */
export interface UnrankedRow {
  /** The unit. */
  readonly unit: { readonly id: string; readonly name?: string };
  /** Why, in English: an incomplete result, an invalid submission, or a duplicate id. */
  readonly reason: string;
  /** Why, as data, for wording in any language (`unrankedReason` in the reports). */
  readonly cause: UnrankedCause;
  /** Where its data is (file and sheet, row or line), when it was refused while being read. */
  readonly origin?: string;
  /** Every problem of a refused unit, each naming its cell (or JSON path). */
  readonly problems?: readonly string[];
}

/** Why a unit is not ranked, as data. */
export type UnrankedCause =
  /** Its submission was refused: every issue, with its JSON path. */
  | { readonly kind: "invalid"; readonly issues: readonly SubmissionIssue[] }
  /** Some criterion could not be scored: the node errors. */
  | { readonly kind: "incomplete"; readonly errors: readonly UnitError[] }
  /** Its id was given `count` times. */
  | { readonly kind: "duplicate"; readonly count: number }
  /** Its data could not be read (a bad cell, row or line): every problem, worded and placed when read. */
  | { readonly kind: "refused"; readonly problems: readonly string[] }
  /**
   * Scored, but the ranking's `eligible when` condition is false for it (`undecided`: a
   * fact the condition reads is missing): the rubric's reason. It joins no cohort.
   */
  | { readonly kind: "ineligible"; readonly reason: string; readonly undecided?: true };

/** The ranked table. */
export interface RankResult {
  /** Ranked rows, by group (sorted), then rank, then unit id. */
  readonly rows: readonly RankedRow[];
  /** Units listed apart, never ranked silently. */
  readonly unranked: readonly UnrankedRow[];
  /** The policy that was applied (the rubric's, with any overrides). */
  readonly policy: CompiledRanking;
}
