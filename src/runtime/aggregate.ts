/**
 * How an inner node combines its applicable children: its points and its applicable
 * maximum. One rule for every depth and both evaluation paths (each supplies its own
 * exact arithmetic), so the fast path cannot drift from the plain one.
 * @module
 */
import type { Aggregation } from "../compile/types.js";

/** Exact arithmetic over some number type. `div` is only called with a non-zero divisor. */
export interface Arithmetic<N> {
  /** Zero. */
  readonly zero: N;
  /** a + b. */
  add(a: N, b: N): N;
  /** a × b. */
  mul(a: N, b: N): N;
  /** a ÷ b (b ≠ 0). */
  div(a: N, b: N): N;
  /** −1, 0, 1. */
  cmp(a: N, b: N): number;
  /** A whole number. */
  int(k: number): N;
}

/** An applicable child as its parent sees it. */
export interface ChildFigures<N> {
  /** Its points. */
  readonly points: N;
  /** Its applicable maximum (> 0: a child with nothing applicable is excluded). */
  readonly max: N;
  /** Its weight (1 unless under `aggregate weighted`). */
  readonly weight: N;
}

/**
 * Points and applicable maximum of an inner node from its applicable children.
 *
 * The applicable maximum is the node's own max while every child below keeps its full
 * maximum. Once anything below is excluded (here or deeper), it is the smaller of the
 * node's max and what the applicable children can reach by the same aggregation (Σ of
 * their maxima for `sum`, Σ weight × max for `weighted`, their mean for `mean`, the
 * lowest for `min`; `normalised` keeps its max). So an exclusion at any depth rescales
 * every ancestor, and a cap ("tối đa 2 điểm" over children worth more) stays a cap.
 * @param ar - the arithmetic
 * @param method - the node's aggregation
 * @param max - the node's declared max
 * @param live - the applicable children (at least one)
 * @param reduced - whether a child was excluded or holds less than its declared max
 */
export function aggregate<N>(ar: Arithmetic<N>, method: Aggregation, max: N, live: readonly ChildFigures<N>[], reduced: boolean): { readonly points: N; readonly max: N } {
  let points = ar.zero;
  let reach = ar.zero;
  switch (method) {
    case "sum":
      for (const c of live) { points = ar.add(points, c.points); reach = ar.add(reach, c.max); }
      break;
    case "weighted":
      for (const c of live) { points = ar.add(points, ar.mul(c.weight, c.points)); reach = ar.add(reach, ar.mul(c.weight, c.max)); }
      break;
    case "mean": {
      for (const c of live) { points = ar.add(points, c.points); reach = ar.add(reach, c.max); }
      const k = ar.int(live.length);
      points = ar.div(points, k);
      reach = ar.div(reach, k);
      break;
    }
    case "min":
      points = live[0]!.points;
      reach = live[0]!.max;
      for (const c of live) {
        if (ar.cmp(c.points, points) < 0) points = c.points;
        if (ar.cmp(c.max, reach) < 0) reach = c.max;
      }
      break;
    case "normalised":
      for (const c of live) points = ar.add(points, ar.div(c.points, c.max));
      points = ar.mul(ar.div(points, ar.int(live.length)), max);
      reach = max;
      break;
  }
  return { points, max: reduced && ar.cmp(reach, max) < 0 ? reach : max };
}
