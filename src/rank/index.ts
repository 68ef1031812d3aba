/**
 * The rank stage: ordering scored units, tie policies, groups, bands, change
 * against the previous period.
 * @module
 */
export { rank } from "./rank.js";
export { percentileOf, PERCENTILE_METHODS } from "./percentile.js";
export type { BandBasis, Change, PreviousRow, RankedRow, RankOptions, RankResult, UnrankedCause, UnrankedRow } from "./types.js";
