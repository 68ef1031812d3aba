/**
 * What ranking reads of each unit it ranks, by position: the unit, its group and its
 * exact figures. `rank` reads them from evaluation results; `rubric score` from
 * compact columns, so that a million units rank in flat memory.
 * @module
 */
import type { EvaluationResult } from "../io/evaluate.js";

/** The figures a sort key or a band may read. */
export type FigureName = "index" | "points" | "max" | "bonus" | "penalty";

/** The scored units to rank (complete, eligible, each id once), by position from 0. */
export interface RankSource {
  /** How many units. */
  readonly size: number;
  /** A unit's id. */
  id(i: number): string;
  /** A unit's name, when given. */
  name(i: number): string | undefined;
  /** A unit's group ("" when none). */
  group(i: number): string;
  /** An exact figure of a unit, as text. */
  figure(i: number, name: FigureName): string;
  /** Exact points of a node of a unit, undefined when its result has none. */
  node(i: number, id: string): string | undefined;
}

/**
 * A source over evaluation results (which must be complete, with every figure).
 * @param results - the units' results
 */
export function resultsSource(results: readonly EvaluationResult[]): RankSource {
  return {
    size: results.length,
    id: (i) => results[i]!.unit.id,
    name: (i) => results[i]!.unit.name,
    group: (i) => results[i]!.unit.group ?? "",
    figure: (i, name) => results[i]![name]!,
    node: (i, id) => results[i]!.nodes[id]?.points,
  };
}
