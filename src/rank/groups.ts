/**
 * Classification of ranked units: which bands apply to a unit (those of its group's
 * `bands in group "…"` block, else the rubric's plain `bands`), and which band it is
 * in. A percentile band compares the unit's index with a percentile of its cohort:
 * the ranked units classified by the same bands block (and, under `within group`, in
 * the same group). Cut-offs are exact and depend only on the cohort's values, so no
 * input order changes a band; equal indices always get the same band.
 * @module
 */
import type { CompiledBand, CompiledRubric, PercentileMethod } from "../compile/types.js";
import { Exact, text } from "../runtime/exact.js";
import { ascending, percentileOf } from "./percentile.js";
import { bandFinder, type BandFigures } from "./rows.js";
import type { BandBasis } from "./types.js";

/**
 * Every band label a unit can get, each once: the rubric-wide bands, then those of
 * each unit group's own block (`bands in group "…"`) not named before, in the order written.
 * @param rubric - the compiled rubric
 */
export function bandLabels(rubric: CompiledRubric): string[] {
  return [...new Set([...rubric.bands, ...(rubric.bandBlocks ?? []).flatMap((b) => b.bands)].map((b) => b.label))];
}

/** A unit's band and, for a band decided by a percentile cut-off, how. */
export interface BandDecision {
  /** The band's label; absent when no band matched. */
  readonly label?: string;
  /** The percentile comparison that decided it, when one did. */
  readonly basis?: BandBasis;
}

interface Block {
  readonly method: PercentileMethod;
  readonly bands: readonly CompiledBand[];
  /** One test per band: a `when` band's condition (undefined for cuts and `otherwise`). */
  readonly tests: readonly (((f: BandFigures) => boolean) | undefined)[];
}

function blockOf(bands: readonly CompiledBand[], method: PercentileMethod | undefined): Block | undefined {
  if (bands.length === 0) return undefined;
  const tests = bands.map((b) => {
    if (b.when === undefined) return undefined;
    const find = bandFinder([b]);
    return (f: BandFigures) => find(f) !== undefined;
  });
  return { method: method ?? "inc", bands, tests };
}

/** Decisions without a percentile basis, one shared object per label. */
const plainDecisions = new Map<string | undefined, BandDecision>();
function plainDecision(label: string | undefined): BandDecision {
  let d = plainDecisions.get(label);
  if (d === undefined) plainDecisions.set(label, (d = Object.freeze(label === undefined ? {} : { label })));
  return d;
}

/**
 * Each ranked unit's band, by position, or undefined when the rubric has no bands.
 * Units are read through accessors, and a decision without a percentile basis is a
 * shared object per label, so a million units cost one reference each.
 * @param rubric - the rubric (bands, band blocks, methods)
 * @param size - how many units
 * @param groupOf - a unit's group ("" when none)
 * @param figuresOf - a unit's figures as the bands read them (the index as the ranking uses it)
 * @param withinGroup - whether each group is ranked, and so forms a cohort, on its own
 */
export function classify(rubric: CompiledRubric, size: number, groupOf: (i: number) => string, figuresOf: (i: number) => BandFigures, withinGroup: boolean): BandDecision[] | undefined {
  const plain = blockOf(rubric.bands, rubric.bandsMethod);
  const byGroup = new Map<string, Block | undefined>();
  for (const b of rubric.bandBlocks ?? []) if (!byGroup.has(b.group)) byGroup.set(b.group, blockOf(b.bands, b.method));
  if (plain === undefined && byGroup.size === 0) return undefined;
  const blockOfUnit = (g: string): Block | undefined => (byGroup.has(g) ? byGroup.get(g) : plain);
  // Cohorts: units under one block (and one group when ranked within groups).
  const cohortKey = (g: string): string => `${byGroup.has(g) ? `g:${g}` : "plain"}${withinGroup ? `\u0000${g}` : ""}`;
  const hasCut = (b: Block | undefined): b is Block => b !== undefined && b.bands.some((x) => x.cut !== undefined);
  const members = new Map<string, Exact[]>();
  for (let i = 0; i < size; i++) {
    const g = groupOf(i);
    if (!hasCut(blockOfUnit(g))) continue;
    const key = cohortKey(g);
    let list = members.get(key);
    if (list === undefined) members.set(key, (list = []));
    list.push(Exact.of(figuresOf(i).index));
  }
  const sorted = new Map([...members].map(([k, v]) => [k, ascending(v)] as const));
  const cuts = new Map<string, Exact>();
  const cutOf = (key: string, block: Block, percentile: string): Exact => {
    const memo = `${key}\u0001${percentile}`;
    let cut = cuts.get(memo);
    if (cut === undefined) cuts.set(memo, (cut = percentileOf(sorted.get(key)!, Exact.of(percentile), block.method)));
    return cut;
  };
  const decisions = new Array<BandDecision>(size);
  for (let i = 0; i < size; i++) {
    const g = groupOf(i);
    const block = blockOfUnit(g);
    decisions[i] = block === undefined ? plainDecision(undefined) : decide(block, figuresOf(i), () => cohortKey(g), cutOf, sorted);
  }
  return decisions;
}

/** One unit's band under its block: the first band that holds, with the percentile comparison that decided it. */
function decide(block: Block, figures: BandFigures, keyOf: () => string, cutOf: (key: string, block: Block, percentile: string) => Exact, sorted: ReadonlyMap<string, readonly Exact[]>): BandDecision {
  let value: Exact | undefined;
  let failed: BandBasis | undefined;
  for (let k = 0; k < block.bands.length; k++) {
    const band = block.bands[k]!;
    const test = block.tests[k];
    if (band.cut !== undefined) {
      const key = keyOf();
      const cutoff = cutOf(key, block, band.cut.percentile);
      value ??= Exact.of(figures.index);
      const c = value.comparedTo(cutoff);
      const holds = band.cut.inclusive ? c >= 0 : c > 0;
      const basis: BandBasis = {
        percentile: band.cut.percentile, method: block.method, cutoff: text(cutoff), value: figures.index,
        cmp: holds ? (band.cut.inclusive ? ">=" : ">") : band.cut.inclusive ? "<" : "<=", of: sorted.get(key)!.length,
      };
      if (holds) return { label: band.label, basis };
      failed = basis;
    } else if (test === undefined || test(figures)) {
      return failed === undefined ? plainDecision(band.label) : { label: band.label, basis: failed };
    }
  }
  return plainDecision(undefined);
}
