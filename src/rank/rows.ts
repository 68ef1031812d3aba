/**
 * Building ranked rows: bands (each distinct set of the figures a band reads is
 * evaluated once), the change against the previous period, areas, and ties.
 * @module
 */
import type { CompiledBand, CompiledExpr, CompiledRubric } from "../compile/types.js";
import type { EvaluationResult } from "../io/evaluate.js";
import { Exact, text } from "../runtime/exact.js";
import { prepareExpr } from "../runtime/prepare-expr.js";
import type { BandBasis, Change, PreviousRow, RankedRow } from "./types.js";

/** The figures a band condition may read, as text. */
export interface BandFigures {
  /** The index the bands are judged on (published or exact, as the ranking is). */
  readonly index: string;
  /** Exact points, max, bonus and penalty. */
  readonly points: string;
  readonly max: string;
  readonly bonus: string;
  readonly penalty: string;
}

type FigureName = keyof BandFigures;

/** Names of the figures an expression reads (`max` also through the bare `max`). */
function figuresRead(e: CompiledExpr, into: Set<FigureName>): Set<FigureName> {
  if (e.op === "figure") into.add(e.name);
  else if (e.op === "max") into.add("max");
  for (const v of Object.values(e)) {
    if (Array.isArray(v)) for (const x of v) walkValue(x, into);
    else walkValue(v, into);
  }
  return into;
}

function walkValue(v: unknown, into: Set<FigureName>): void {
  if (typeof v !== "object" || v === null) return;
  if ("op" in v) figuresRead(v as CompiledExpr, into);
  else for (const x of Object.values(v)) walkValue(x, into); // a bands arm
}

/**
 * The figures some band condition of the rubric reads (its plain bands and every
 * group's block).
 * @param rubric - the rubric
 */
export function figuresReadByBands(rubric: CompiledRubric): ReadonlySet<FigureName> {
  const read = new Set<FigureName>();
  for (const band of [...rubric.bands, ...(rubric.bandBlocks ?? []).flatMap((b) => b.bands)]) if (band.when !== undefined) figuresRead(band.when, read);
  return read;
}

const CACHE_LIMIT = 4096;

/**
 * Band conditions prepared once per ranking; returns the label of the first band that
 * holds. A band's condition is a pure function of the figures it reads, so the answer
 * is remembered per distinct text of those figures (a bounded cache).
 * @param bands - the rubric's bands
 */
export function bandFinder(bands: readonly CompiledBand[]): (figures: BandFigures) => string | undefined {
  if (bands.length === 0) return () => undefined;
  const read = new Set<FigureName>();
  for (const b of bands) if (b.when !== undefined) figuresRead(b.when, read);
  const names = [...read].sort();
  const tests = bands.map((band) => {
    if (band.when === undefined) return { label: band.label, test: () => true };
    const thunk = prepareExpr(band.when);
    return {
      label: band.label,
      test: (f: ReadonlyMap<string, Exact>) => {
        const v = thunk({
          input: () => undefined, letValue: () => ({ kind: "bool", value: false }), unit: () => undefined,
          max: f.get("max")!, figure: (name) => f.get(name), note: () => undefined,
        });
        return v.kind === "bool" && v.value;
      },
    };
  });
  const cache = new Map<string, string | undefined>();
  return (figures) => {
    const key = names.map((n) => figures[n]).join("|");
    if (cache.has(key)) return cache.get(key);
    const exact = new Map(names.map((n) => [n, Exact.of(figures[n])] as const));
    const label = tests.find((t) => t.test(exact))?.label;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, label);
    return label;
  };
}

/**
 * The change against last period's row of the same unit.
 * @param previous - last period's rows by unit id, if given
 * @param id - the unit id
 * @param rank - its rank now
 * @param index - its published index now
 */
export function changeOf(previous: ReadonlyMap<string, PreviousRow> | undefined, id: string, rank: number, index: string): Change | "new" | undefined {
  if (previous === undefined) return undefined;
  const before = previous.get(id);
  if (before === undefined) return "new";
  const places = before.rank - rank;
  return { rank: before.rank, index: before.index, change: places > 0 ? "up" : places < 0 ? "down" : "same", places: Math.abs(places), indexDelta: text(Exact.of(index).minus(Exact.of(before.index))) };
}

/**
 * The row's unit: the result's own object when it holds exactly `id` (and `name`),
 * else a copy of those two (the row never carries the group inside the unit).
 * @param u - the result's unit
 */
export function unitOf(u: RankedRow["unit"] & { readonly group?: string }): RankedRow["unit"] {
  let count = 0;
  for (const key in u) {
    if (!(count === 0 ? key === "id" : count === 1 && key === "name" && u.name !== undefined)) {
      count = -1;
      break;
    }
    count++;
  }
  if (count > 0) return u;
  return u.name === undefined ? { id: u.id } : { id: u.id, name: u.name };
}

/**
 * Exact points of each top-level area, by id: copies of one template object, filled
 * with the result's own strings (missing areas count as 0).
 * @param rubric - the rubric
 */
export function areasBuilder(rubric: CompiledRubric): (r: EvaluationResult) => Readonly<Record<string, string>> {
  const ids = rubric.nodes.map((n) => n.id);
  const template: Record<string, string> = Object.fromEntries(ids.map((id) => [id, "0"]));
  return (r) => {
    const areas = { ...template };
    for (const id of ids) {
      const points = r.nodes[id]?.points;
      if (points !== undefined) areas[id] = points;
    }
    return areas;
  };
}

/**
 * A row, its fields given in their order (positional: this runs once per ranked unit).
 * `tied` is the other ids of the row's tie, or — for a large tie — the whole tie's
 * sorted ids, shared by its rows: then `tiedWith` is an enumerable getter that leaves
 * out the row's own id when read, so a tie of k units costs k ids instead of k² (the
 * rows serialise and compare exactly as with an array). `bandBasis`, last, is how a
 * percentile band was decided (the row carries it right after `band`).
 */
export function makeRow(
  unit: RankedRow["unit"], group: string, rank: number, of: number, tied: readonly string[] | { readonly all: readonly string[] },
  index: string, points: string, max: string, published: RankedRow["published"], band: string | undefined, previous: RankedRow["previous"], areas: RankedRow["areas"],
  bandBasis?: BandBasis,
): RankedRow {
  if (bandBasis !== undefined && band !== undefined) {
    // A percentile group's row: the same fields, and how its band was decided after the band.
    if ("all" in tied) {
      const { all } = tied;
      return { unit, group, rank, of, get tiedWith() { return all.filter((id) => id !== unit.id); }, index, points, max, published, band, bandBasis, previous, areas };
    }
    return { unit, group, rank, of, tiedWith: tied, index, points, max, published, band, bandBasis, previous, areas };
  }
  if ("all" in tied) {
    const { all } = tied;
    return band === undefined
      ? { unit, group, rank, of, get tiedWith() { return all.filter((id) => id !== unit.id); }, index, points, max, published, previous, areas }
      : { unit, group, rank, of, get tiedWith() { return all.filter((id) => id !== unit.id); }, index, points, max, published, band, previous, areas };
  }
  return band === undefined
    ? { unit, group, rank, of, tiedWith: tied, index, points, max, published, previous, areas }
    : { unit, group, rank, of, tiedWith: tied, index, points, max, published, band, previous, areas };
}
