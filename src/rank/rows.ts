/**
 * Building ranked rows: bands (each distinct set of the figures a band reads is
 * evaluated once), the change against the previous period, areas, and ties.
 * @module
 */
import type { CompiledBand, CompiledExpr, CompiledRubric } from "../compile/types.js";
import type { EvaluationResult } from "../io/evaluate.js";
import { Exact, text } from "../runtime/decimal.js";
import { prepareExpr } from "../runtime/prepare-expr.js";
import type { Change, PreviousRow, RankedRow } from "./types.js";

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
    const exact = new Map(names.map((n) => [n, new Exact(figures[n])] as const));
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
  return { rank: before.rank, index: before.index, change: places > 0 ? "up" : places < 0 ? "down" : "same", places: Math.abs(places), indexDelta: text(new Exact(index).minus(before.index)) };
}

/** What a row is built from besides its result. */
export interface Placing {
  /** The unit's group ("" when none). */
  readonly group: string;
  /** Its rank. */
  readonly rank: number;
  /** Its group's size. */
  readonly of: number;
  /** Published index and points. */
  readonly published: { readonly index: string; readonly points: string };
  /** The other ids of its tie, or — for a large tie — the whole tie's sorted ids. */
  readonly tied: readonly string[] | { readonly all: readonly string[] };
}

/**
 * The row's unit: the result's own object when it holds exactly `id` (and `name`),
 * else a copy of those two (the row never carries the group inside the unit).
 */
function unitOf(u: RankedRow["unit"] & { readonly group?: string }): RankedRow["unit"] {
  const keys = Object.keys(u);
  if (keys[0] === "id" && (keys.length === 1 || (keys.length === 2 && keys[1] === "name" && u.name !== undefined))) return u;
  return u.name === undefined ? { id: u.id } : { id: u.id, name: u.name };
}

/**
 * A row builder for one ranking: bands, the previous period, and a template of the
 * areas so each row's areas are a copy of one shape, filled with the result's own
 * strings.
 * @param rubric - the rubric
 * @param previous - last period's rows by unit id, if given
 * @param onPublished - whether bands read the published index
 */
export function rowBuilder(rubric: CompiledRubric, previous: ReadonlyMap<string, PreviousRow> | undefined, onPublished: boolean): (r: EvaluationResult, p: Placing) => RankedRow {
  const band = rubric.bands.length === 0 ? undefined : bandFinder(rubric.bands);
  const ids = rubric.nodes.map((n) => n.id);
  const template: Record<string, string> = Object.fromEntries(ids.map((id) => [id, "0"]));
  return (r, p) => {
    const areas = { ...template };
    for (const id of ids) {
      const points = r.nodes[id]?.points;
      if (points !== undefined) areas[id] = points;
    }
    return makeRow(unitOf(r.unit), p, r, {
      band: band?.({ index: onPublished ? p.published.index : r.index!, points: r.points!, max: r.max!, bonus: r.bonus!, penalty: r.penalty! }),
      previous: changeOf(previous, r.unit.id, p.rank, p.published.index),
      areas,
    });
  };
}

/**
 * A row. With a large tie, `tiedWith` is an enumerable getter over the tie's ids shared
 * by its rows, leaving out the row's own id when read: a tie of k units then costs k
 * ids instead of k² (the rows serialise and compare exactly as with an array).
 */
function makeRow(unit: RankedRow["unit"], p: Placing, r: EvaluationResult, rest: { band: string | undefined; previous: RankedRow["previous"]; areas: RankedRow["areas"] }): RankedRow {
  const { group, rank, of, published, tied } = p;
  const { band, previous, areas } = rest;
  const index = r.index!;
  const points = r.points!;
  if ("all" in tied) {
    const { all } = tied;
    return band === undefined
      ? { unit, group, rank, of, get tiedWith() { return all.filter((id) => id !== unit.id); }, index, points, published, previous, areas }
      : { unit, group, rank, of, get tiedWith() { return all.filter((id) => id !== unit.id); }, index, points, published, band, previous, areas };
  }
  return band === undefined
    ? { unit, group, rank, of, tiedWith: tied, index, points, published, previous, areas }
    : { unit, group, rank, of, tiedWith: tied, index, points, published, band, previous, areas };
}
