/**
 * The rank stage: ordering scored units, tie policies, groups, bands, change
 * against the previous period.
 * @module
 */
export { rank } from "./rank.js";
export type { Change, PreviousRow, RankedRow, RankOptions, RankResult, UnrankedCause, UnrankedRow } from "./types.js";
