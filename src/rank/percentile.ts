/**
 * Percentiles of a cohort, exactly, by a declared method (`bands by percentile …`).
 * Every method reads the cohort's values sorted ascending, x₁ ≤ … ≤ xₙ, so the result
 * depends on the values only, never on the order they came in.
 *
 * - `nearest`: the nearest-rank method, x at rank ⌈p/100 · n⌉ (at least 1).
 * - `inc`: linear interpolation between closest ranks at h = (n − 1) · p/100 + 1, as
 *   spreadsheets' PERCENTILE.INC (Hyndman–Fan type 7, R's and NumPy's default).
 * - `exc`: linear interpolation at h = (n + 1) · p/100, as PERCENTILE.EXC (type 6);
 *   where h falls outside 1…n the nearest end value is taken, as R's type 6 does
 *   (the spreadsheet gives an error there instead).
 * @module
 */
import type { PercentileMethod } from "../compile/types.js";
import { Exact } from "../runtime/exact.js";

/**
 * Every percentile method, in the order the docs list them.
 * @category Rank
 */
export const PERCENTILE_METHODS: readonly PercentileMethod[] = ["nearest", "inc", "exc"];

const HUNDRED = Exact.int(100);

/**
 * The p-th percentile of values sorted ascending, exactly.
 * @param sorted - the cohort's values, ascending, at least one
 * @param p - the percentile, 0 to 100
 * @param method - how to pick or interpolate
 * @category Rank
 */
export function percentileOf(sorted: readonly Exact[], p: Exact, method: PercentileMethod): Exact {
  const n = sorted.length;
  const share = p.dividedBy(HUNDRED);
  const at = (rank: number): Exact => sorted[Math.min(n, Math.max(1, rank)) - 1]!;
  if (method === "nearest") return at(Number(share.times(Exact.int(n)).ceil().n));
  const h = method === "inc" ? share.times(Exact.int(n - 1)).plus(Exact.ONE) : share.times(Exact.int(n + 1));
  const low = h.floor();
  const rank = Number(low.n);
  if (rank < 1) return at(1);
  if (rank >= n) return at(n);
  // x_k + (h − k)(x_{k+1} − x_k)
  return at(rank).plus(h.minus(low).times(at(rank + 1).minus(at(rank))));
}

/**
 * Sorts exact values ascending (a copy).
 * @param values - values in any order
 */
export function ascending(values: readonly Exact[]): Exact[] {
  return [...values].sort((a, b) => a.comparedTo(b));
}
