/**
 * Cohort figures: statistics of a per-unit argument over the units ranked together
 * (`cohort.max(x)`, `cohort.min(x)`, `cohort.mean(x)`, `cohort.percentile(x)`,
 * `cohort.rescale(x, low, high)`). Exact throughout: the mean is the exact sum over the
 * count, a percentile is an exact fraction, rescaling an exact quotient.
 *
 * The runtime reads cohort figures through a {@link CohortAccess} the caller supplies
 * per unit (see `cohort-batch.ts`, which gathers the arguments in a first pass). With
 * none, a rule that reads one puts its node in error (`needs-cohort`) — a single unit
 * has no cohort, and no figure is made up for it.
 * @module
 */
import type { CohortStat, CompiledExpr } from "../compile/types.js";
import { Exact, text } from "./exact.js";
import type { TraceStep } from "./trace.js";
import { RuleFailure } from "./values.js";

/**
 * The statistics of one cohort figure's argument over one cohort (all units, or one group).
 * @category Evaluate
 */
export interface CohortStats {
  /** How many units gave the argument. */
  readonly count: number;
  /** The smallest argument, and the units (names, else ids, sorted) that gave it. */
  readonly min: Exact;
  /** Units holding the smallest argument. */
  readonly minUnits: readonly string[];
  /** The largest argument. */
  readonly max: Exact;
  /** Units holding the largest argument. */
  readonly maxUnits: readonly string[];
  /**
   * The exact mean of the arguments. Throws `ExactOverflow` when the exact sum outgrew
   * the bound (many fractions with unlike denominators): the node that reads it is then
   * in error (`too-large`); the other figures are unaffected.
   */
  mean(): Exact;
  /** Every argument in ascending order (kept only for a figure read as a percentile rank; else empty). */
  readonly sorted: readonly Exact[];
}

/**
 * Records, while arguments are gathered, the argument of every cohort figure of a leaf
 * (or of the index formula) that can be computed — whichever branch the rule takes, so
 * a unit's place in a cohort does not depend on the figures themselves. An argument
 * that cannot be computed is not recorded: the rule that reads it says why.
 * @param sites - the figures' keys and prepared arguments
 * @param access - the unit's cohort
 * @param run - evaluates an argument in the node's environment
 */
export function recordSites<T>(sites: readonly { readonly key: string; readonly arg: T }[], access: CohortAccess | undefined, run: (arg: T) => Exact | undefined): void {
  const record = access?.record;
  if (record === undefined) return;
  for (const site of sites) {
    let value: Exact | undefined;
    try {
      value = run(site.arg);
    } catch {
      value = undefined;
    }
    if (value !== undefined) record(site.key, value);
  }
}

/**
 * How a unit's evaluation reaches the cohort figures of its cohort.
 * @category Evaluate
 */
export interface CohortAccess {
  /** The statistics of the figure named `key` (see `cohortKey`: the figure's node and argument), or undefined when not known (yet). */
  stats(key: string): CohortStats | undefined;
  /** Set only while arguments are gathered: records this unit's argument of figure `key`. */
  readonly record?: (key: string, value: Exact) => void;
}

/**
 * The name of a cohort figure's gathered arguments: the node it stands in and its
 * argument, so `cohort.max(x)` and `cohort.rescale(x, 0, 10)` in one node share them.
 * @param e - a compiled cohort figure
 */
export function cohortKey(e: Extract<CompiledExpr, { op: "cohort" }>): string {
  return `${e.site}\u0001${JSON.stringify(e.arg)}`;
}

/**
 * Every cohort figure of an expression (not inside another one: the checker refuses that).
 * @param e - a compiled expression
 */
export function cohortFiguresIn(e: CompiledExpr): Extract<CompiledExpr, { op: "cohort" }>[] {
  const out: Extract<CompiledExpr, { op: "cohort" }>[] = [];
  const stack: unknown[] = [e];
  while (stack.length > 0) {
    const x = stack.pop();
    if (typeof x !== "object" || x === null) continue;
    if ((x as CompiledExpr).op === "cohort") {
      out.push(x as Extract<CompiledExpr, { op: "cohort" }>);
      continue;
    }
    for (const child of Object.values(x)) if (typeof child === "object" && child !== null) stack.push(child);
  }
  return out;
}

/** Thrown while arguments are gathered, where a figure is not known yet (never in a final result). */
export const PENDING_CODE = "cohort-pending" as const;

/** Ascending insertion place of `x` in `sorted`: the count of values below (`strict`) or at most `x`. */
function countBelow(sorted: readonly Exact[], x: Exact, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = sorted[mid]!.comparedTo(x);
    if (c < 0 || (!strict && c === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A cohort figure for a unit whose own argument is `x`. Throws {@link RuleFailure} when
 * it cannot be computed: no access (`needs-cohort`), not gathered yet, an empty cohort,
 * or a zero range to rescale.
 * @param e - the compiled figure
 * @param key - its {@link cohortKey}
 * @param access - the unit's cohort, if any
 * @param x - the unit's own argument
 * @returns the figure, and the statistics it came from (for {@link cohortStep})
 */
export function cohortFigure(e: Extract<CompiledExpr, { op: "cohort" }>, key: string, access: CohortAccess | undefined, x: Exact): { readonly value: Exact; readonly stats: CohortStats } {
  const name = `cohort.${e.stat}`;
  if (access === undefined) throw new RuleFailure("needs-cohort", `${name}() is a figure over the units ranked together: evaluate the units together (evaluateAll, rank, rubric score), not one by one`, { stat: e.stat });
  const s = access.stats(key);
  if (s === undefined && access.record !== undefined) throw new RuleFailure(PENDING_CODE, `${name}() is not known yet`, { stat: e.stat });
  if (s === undefined || s.count === 0) throw new RuleFailure("cohort-empty", `${name}(): no unit of the cohort gave a value to compare with`, { stat: e.stat });
  switch (e.stat) {
    case "max": return { value: s.max, stats: s };
    case "min": return { value: s.min, stats: s };
    case "mean": return { value: s.mean(), stats: s };
    case "percentile": {
      // The mid-rank percentile: the share below x, plus half the share equal to it.
      const below = countBelow(s.sorted, x, true);
      const atMost = countBelow(s.sorted, x, false);
      return { value: Exact.int(2 * below + (atMost - below)).dividedBy(Exact.int(2 * s.count)), stats: s };
    }
    case "rescale": {
      const [low, high] = scaleOf(e);
      const range = s.max.minus(s.min);
      if (range.isZero()) throw new RuleFailure("cohort-zero-range", `${name}(): every unit of the cohort has the same value ${text(s.max)}, so there is no range to rescale`, { value: text(s.max) });
      return { value: low.plus(x.minus(s.min).times(high.minus(low)).dividedBy(range)), stats: s };
    }
  }
}

function scaleOf(e: Extract<CompiledExpr, { op: "cohort" }>): [Exact, Exact] {
  return (e.scale ?? ["0", "1"]).map((v) => Exact.of(v)) as [Exact, Exact];
}

/**
 * The trace step that shows a cohort figure used (built only on the plain path).
 * @param e - the compiled figure
 * @param stats - the statistics it came from
 * @param x - the unit's own argument
 * @param value - the figure
 */
export function cohortStep(e: Extract<CompiledExpr, { op: "cohort" }>, stats: CohortStats, x: Exact, value: Exact): TraceStep {
  const shown = { step: "cohort" as const, stat: e.stat, of: stats.count, value: text(value) };
  switch (e.stat) {
    case "max": return { ...shown, units: stats.maxUnits };
    case "min": return { ...shown, units: stats.minUnits };
    case "mean": return shown;
    case "percentile": return { ...shown, argument: text(x) };
    case "rescale": {
      const [low, high] = scaleOf(e);
      return { ...shown, argument: text(x), min: text(stats.min), max: text(stats.max), low: text(low), high: text(high) };
    }
  }
}

/** What a gathering keeps of a figure's arguments: every value (for a percentile rank), and/or their sum (for a mean). */
export interface GatherNeeds {
  /** Keep every value, sorted. */
  readonly values: boolean;
  /** Keep the exact sum. */
  readonly sum: boolean;
}

/** Gathers arguments of one cohort (all units, or one group) into {@link CohortStats}. */
export class CohortGatherer {
  private readonly values = new Map<string, { list: Exact[] | undefined; sum: Exact | undefined; overflow: unknown; count: number; min?: Exact; max?: Exact; minUnits: string[]; maxUnits: string[] }>();

  /** @param needs - what to keep of each figure (by key); absent: everything */
  constructor(private readonly needs: (key: string) => GatherNeeds | undefined = () => undefined) {}

  /**
   * Adds one unit's argument of figure `key`.
   * @param key - the figure's key
   * @param value - the argument
   * @param unit - the unit's name (else id), shown beside the largest and smallest
   */
  add(key: string, value: Exact, unit: string): void {
    let v = this.values.get(key);
    if (v === undefined) {
      const need = this.needs(key) ?? { values: true, sum: true };
      this.values.set(key, (v = { list: need.values ? [] : undefined, sum: need.sum ? Exact.ZERO : undefined, overflow: undefined, count: 0, minUnits: [], maxUnits: [] }));
    }
    v.count++;
    v.list?.push(value);
    if (v.sum !== undefined && v.overflow === undefined) {
      // Exact sums are the same in any order; one that outgrows the bound is told to the node that reads the mean.
      try {
        v.sum = v.sum.plus(value);
      } catch (error) {
        v.overflow = error;
      }
    }
    if (v.max === undefined || value.gt(v.max)) [v.max, v.maxUnits] = [value, [unit]];
    else if (value.eq(v.max)) v.maxUnits.push(unit);
    if (v.min === undefined || value.lt(v.min)) [v.min, v.minUnits] = [value, [unit]];
    else if (value.eq(v.min)) v.minUnits.push(unit);
  }

  /** The statistics gathered, by key (units sorted, so input order changes nothing). */
  stats(): Map<string, CohortStats> {
    const out = new Map<string, CohortStats>();
    for (const [key, v] of this.values) {
      const sorted = v.list === undefined ? [] : v.list.sort((a, b) => a.comparedTo(b));
      const units = (u: string[]): string[] => u.sort();
      const { count, sum, overflow } = v;
      const mean = sum === undefined || overflow !== undefined ? undefined : sum.dividedBy(Exact.int(count));
      const meanOf = (): Exact => {
        if (mean !== undefined) return mean;
        throw overflow ?? new Error("the mean of this figure was not gathered");
      };
      out.set(key, { count, min: v.min!, minUnits: units(v.minUnits), max: v.max!, maxUnits: units(v.maxUnits), mean: meanOf, sorted });
    }
    return out;
  }
}
