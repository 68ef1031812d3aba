/**
 * Cohort figures for a batch of units, in stages: evaluate every eligible unit with the
 * figures known so far, gathering the arguments of the figures that are not (a unit
 * whose evaluation failed for any other reason gives none); compute those figures
 * exactly per cohort; repeat until nothing new is learnt. Figures in rules take one
 * round, figures in the index formula over rule results a second; the checker refuses
 * an argument that reads a cohort figure, so the stages always end (at most
 * {@link MAX_ROUNDS}). The caller then evaluates each unit once more with
 * {@link CohortFigures.access}: the second pass.
 *
 * Units are visited through a callback, once per round, so a caller can stream them
 * from a file: memory holds one exact number per unit and cohort figure, never the
 * units themselves.
 * @module
 */
import type { CompiledExpr, CompiledRubric } from "../compile/types.js";
import type { Exact } from "./exact.js";
import { CohortGatherer, cohortFiguresIn, cohortKey, type GatherNeeds, PENDING_CODE, type CohortAccess, type CohortStats } from "./cohort.js";
import { evaluatePlain } from "./evaluate-plain.js";
import type { UnitInputs } from "./result.js";

/** Rounds of gathering: rule figures, then index figures, then one that finds nothing new. */
export const MAX_ROUNDS = 3;

/**
 * The figures of every cohort of a batch.
 * @category Evaluate
 */
export interface CohortFigures {
  /**
   * The cohort a unit is evaluated against: its group's when the ranking is `within
   * group`, else all units'.
   * @param group - the unit's group
   */
  access(group: string | undefined): CohortAccess;
  /** How many units took part in the largest cohort (0 when none). */
  readonly members: number;
}

/**
 * Visits each unit once: its inputs, and whether it is eligible to be ranked (and so to join the cohort).
 * @category Evaluate
 */
export type UnitVisitor = (inputs: UnitInputs, eligible: boolean) => void;

const cache = new WeakMap<CompiledRubric, boolean>();

/**
 * True when the rubric reads a cohort figure anywhere (so units must be evaluated together).
 * @param rubric - a compiled rubric
 * @category Evaluate
 */
export function needsCohort(rubric: CompiledRubric): boolean {
  let found = cache.get(rubric);
  // The walk looks for `op: "cohort"` in any object, so it can take the whole rubric.
  if (found === undefined) cache.set(rubric, (found = cohortFiguresIn(rubric as unknown as CompiledExpr).length > 0));
  return found;
}

/** What one unit gives its cohort in a round. */
interface Joined {
  readonly group: string;
  readonly name: string;
  readonly recorded: readonly (readonly [string, Exact])[];
}

/** Evaluates a unit with the figures known so far; its arguments, when it is complete but for figures not known yet. */
function joined(rubric: CompiledRubric, inputs: UnitInputs, figures: ReadonlyMap<string, CohortStats> | undefined, group: string): Joined | undefined {
  const recorded: [string, Exact][] = [];
  const access: CohortAccess = { stats: (key) => figures?.get(key), record: (key, value) => recorded.push([key, value]) };
  const result = evaluatePlain(rubric, { ...inputs, cohort: access });
  // Only units complete but for the figures not known yet join the cohort.
  if (!result.errors.every((e) => e.code === PENDING_CODE || e.code === "depends-on-error")) return undefined;
  return { group, name: inputs.unit.name ?? inputs.unit.id, recorded };
}

/**
 * The stages of gathering, driven by the caller: visit every unit, end the round, and
 * again while {@link CohortStages.endRound} says another round is needed. A reader
 * that streams units from files (`rubric score`) drives it with its own loop.
 * @category Evaluate
 */
export class CohortStages {
  private readonly known = new Map<string, Map<string, CohortStats>>();
  private byUnit = new Map<string, Joined | undefined>();
  private rounds = 0;
  private largest = 0;

  /** Every figure the rubric names: gathering stops once all are known. */
  private readonly keys: ReadonlySet<string>;

  /** @param rubric - a compiled rubric */
  /** What to keep of each figure's arguments: the values only for a percentile, the sum only for a mean. */
  private readonly needs = new Map<string, GatherNeeds>();

  /** @param rubric - a compiled rubric */
  constructor(private readonly rubric: CompiledRubric) {
    const figures = cohortFiguresIn(rubric as unknown as CompiledExpr);
    this.keys = new Set(figures.map(cohortKey));
    for (const f of figures) {
      const key = cohortKey(f);
      const was = this.needs.get(key) ?? { values: false, sum: false };
      this.needs.set(key, { values: was.values || f.stat === "percentile", sum: was.sum || f.stat === "mean" });
    }
  }

  private groupOf(group: string | undefined): string {
    return this.rubric.ranking.withinGroup ? group ?? "" : "";
  }

  /**
   * Visits one unit in this round.
   * @param inputs - the unit's inputs (final layer)
   * @param eligible - whether it may be ranked (else it joins no cohort)
   */
  visit(inputs: UnitInputs, eligible: boolean): void {
    const id = inputs.unit.id;
    // An id given twice is not ranked (rank lists it apart), so it joins no cohort.
    if (this.byUnit.has(id)) {
      this.byUnit.set(id, undefined);
      return;
    }
    const group = this.groupOf(inputs.unit.group);
    this.byUnit.set(id, eligible ? joined(this.rubric, inputs, this.known.get(group), group) : undefined);
  }

  /** Ends a round: computes the figures learnt. True when another round is needed. */
  endRound(): boolean {
    const gatherers = new Map<string, CohortGatherer>();
    const counts = new Map<string, number>();
    for (const unit of this.byUnit.values()) {
      if (unit === undefined) continue;
      let gatherer = gatherers.get(unit.group);
      if (gatherer === undefined) gatherers.set(unit.group, (gatherer = new CohortGatherer((key) => this.needs.get(key))));
      for (const [key, value] of unit.recorded) gatherer.add(key, value, unit.name);
      counts.set(unit.group, (counts.get(unit.group) ?? 0) + 1);
    }
    this.byUnit = new Map();
    let learnt = false;
    for (const [group, gatherer] of gatherers) {
      let figures = this.known.get(group);
      if (figures === undefined) this.known.set(group, (figures = new Map()));
      for (const [key, stats] of gatherer.stats()) {
        if (figures.has(key)) continue;
        figures.set(key, stats);
        learnt = true;
      }
    }
    for (const n of counts.values()) this.largest = Math.max(this.largest, n);
    const all = [...this.known.values()].every((figures) => [...this.keys].every((k) => figures.has(k)));
    return learnt && !all && ++this.rounds < MAX_ROUNDS;
  }

  /** The figures gathered. */
  figures(): CohortFigures {
    const known = this.known;
    return {
      members: this.largest,
      access: (group) => {
        const figures = known.get(this.groupOf(group));
        return { stats: (key) => figures?.get(key) };
      },
    };
  }
}

/**
 * Gathers the cohort figures of a batch.
 * @param rubric - a compiled rubric
 * @param eachUnit - calls its argument once for every unit, in any order; called once per round
 * @category Evaluate
 */
export function gatherCohorts(rubric: CompiledRubric, eachUnit: (visit: UnitVisitor) => void): CohortFigures {
  const stages = new CohortStages(rubric);
  do eachUnit((inputs, eligible) => stages.visit(inputs, eligible));
  while (stages.endRound());
  return stages.figures();
}
