/**
 * `rank(rubric, results)`: orders scored units by the rubric's sort keys, with a tie
 * policy, on published or exact figures, within groups, with bands and the change
 * against the previous period. Deterministic: the unit id is always the final key,
 * so no input order changes any row.
 *
 * Each unit's keys are computed once, exactly, as scaled integers (`keys.ts`); the sort
 * orders indices by those, and rows are built afterwards in ranked order.
 * @module
 */
import type { CompiledRubric } from "../compile/types.js";
import type { EvaluateOutcome, EvaluationResult } from "../io/evaluate.js";
import { rankOrder, type RankedOrder, type RankPolicy } from "./order.js";
import type { RankSource } from "./source.js";
import { areasBuilder, changeOf, makeRow, unitOf } from "./rows.js";
import { resultsSource } from "./source.js";
import type { PreviousRow, RankedRow, RankOptions, RankResult, UnrankedRow } from "./types.js";

/** Ties up to this size carry their ids as arrays (8 bytes an id); larger ones share one list behind a getter (a row with a getter costs about 440 bytes more), see `makeRow`. */
const EAGER_TIE = 48;
const NO_TIES: readonly string[] = Object.freeze([]);

/**
 * How often each unit id occurs, or undefined when the ids are strictly ascending (as
 * in a table sorted by unit), which already shows that none repeats.
 */
function occurrences(results: readonly EvaluationResult[]): Map<string, number> | undefined {
  let ascending = true;
  for (let k = 1; k < results.length && ascending; k++) ascending = results[k - 1]!.unit.id < results[k]!.unit.id;
  if (ascending) return undefined;
  const seen = new Map<string, number>();
  for (const r of results) seen.set(r.unit.id, (seen.get(r.unit.id) ?? 0) + 1);
  return seen;
}

/**
 * Why a unit is listed apart, or undefined when it is ranked: its id given more than
 * once (`count` times), not eligible, or incomplete.
 * @param r - the unit's result
 * @param count - how often its id occurs in the batch
 */
export function unrankedOf(r: EvaluationResult, count: number): UnrankedRow | undefined {
  if (count === 1 && r.ineligible === undefined && r.complete && r.index !== undefined) return undefined;
  const unit = r.unit.name === undefined ? { id: r.unit.id } : { id: r.unit.id, name: r.unit.name };
  if (count > 1) return duplicateRow(unit, count);
  if (r.ineligible !== undefined) return { unit, reason: `not eligible for ranking: ${r.ineligible.reason}${r.ineligible.undecided === true ? " (undecided: a unit fact is missing)" : ""}`, cause: { kind: "ineligible", ...r.ineligible } };
  if (!r.complete || r.index === undefined) return { unit, reason: `incomplete: ${r.errors.map((e) => e.message).join("; ") || "no index"}`, cause: { kind: "incomplete", errors: r.errors } };
  return undefined;
}

/**
 * A unit listed apart because its id is given `count` times.
 * @param unit - the unit as its submission names it
 * @param count - how often its id occurs (2 or more)
 */
export function duplicateRow(unit: UnrankedRow["unit"], count: number): UnrankedRow {
  return { unit, reason: `the unit id "${unit.id}" appears ${count} times`, cause: { kind: "duplicate", count } };
}

/** The ids of a small tie other than `id`. */
function others(all: readonly string[], id: string): string[] {
  const out: string[] = [];
  for (const x of all) if (x !== id) out.push(x);
  return out;
}

/**
 * Ranks evaluated units. Invalid submissions, incomplete results and duplicate unit
 * ids are listed apart with their reason. Never throws on results from `evaluate`.
 * @param rubric - the compiled rubric the units were scored with
 * @param outcomes - results of `evaluate` / `evaluateAll` (or bare results)
 * @param options - overrides of the rubric's policy, and last period's table
 * @example
 * ```ts
 * import { compile, evaluateAll, rank } from "rubric-lang";
 * const source = 'rubric "Demo" { area "1" "Chỉ đạo" max 10 { input done: count, planned: count; score = 10 * done / planned } }';
 * const submissions = [
 *   { unit: { id: "a", name: "Sở A" }, self: { "1": { done: 8, planned: 10 } } },
 *   { unit: { id: "b", name: "Sở B" }, self: { "1": { done: 9, planned: 10 } } },
 * ];
 * const compiled = compile(source);
 * if (compiled.ok) {
 *   const ranking = rank(compiled.rubric, evaluateAll(compiled.rubric, submissions));
 *   console.log(ranking.rows.map((r) => `${r.rank}. ${r.unit.name} ${r.published.index}`)); // ["1. Sở B 90.00", "2. Sở A 80.00"]
 * }
 * ```
 * @category Rank
 */
export function rank(rubric: CompiledRubric, outcomes: readonly (EvaluateOutcome | EvaluationResult)[], options: RankOptions = {}): RankResult {
  const policy = policyOf(rubric, options);
  const unranked: UnrankedRow[] = [];
  const results: EvaluationResult[] = [];
  outcomes.forEach((o, i) => {
    if ("ok" in o && !o.ok) {
      // The unit as the submission names it, when it could be read; else its place in the batch.
      const named = o.unit === undefined ? { id: `#${i + 1}` } : o.unit;
      unranked.push({ unit: named, reason: `invalid submission: ${o.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`, cause: { kind: "invalid", issues: o.issues } });
    }
    else results.push("ok" in o ? o.result : o);
  });
  const times = occurrences(results);
  const ranked: EvaluationResult[] = [];
  for (const r of results) {
    const apart = unrankedOf(r, times?.get(r.unit.id) ?? 1);
    if (apart !== undefined) unranked.push(apart);
    else ranked.push(r);
  }
  const source = resultsSource(ranked);
  // What rows need, read once in input order (results lie in memory in that order;
  // the rows are made in ranked order).
  const units = ranked.map((r) => unitOf(r.unit));
  const areas = ranked.map(areasBuilder(rubric));
  const rows = [...rankedRows(rankOrder(rubric, source, policy), source, { unit: (k) => units[k]!, areas: (k) => areas[k]! }, options.previous)];
  unranked.sort((a, b) => (a.unit.id < b.unit.id ? -1 : a.unit.id > b.unit.id ? 1 : 0));
  return { rows, unranked, policy };
}

/** What a row shows of a ranked unit beyond the ranking's own figures, by source position. */
export interface RowParts {
  /** The unit as the row names it (id and name). */
  readonly unit: (k: number) => RankedRow["unit"];
  /** Exact points of each top-level area. */
  readonly areas: (k: number) => RankedRow["areas"];
}

/**
 * The rows of a ranking, in table order: each unit's rank, tie, figures, band, change
 * and areas, with the tie a later key broke. Made one at a time, so a caller may write
 * them as they come. A ranking made without its tie bounds gives rows without the tie's
 * other units.
 * @param ordered - the ranking
 * @param source - the ranked units
 * @param parts - each unit's name and areas
 * @param previousRows - last period's table, if given
 */
export function* rankedRows(ordered: RankedOrder, source: RankSource, parts: RowParts, previousRows: readonly PreviousRow[] | undefined): Generator<RankedRow> {
  const { policy, order, place, tieStart, tieEnd, pubIndex, pubPoints, bands } = ordered;
  const withTies = tieStart.length === order.length;
  const previous = previousRows === undefined ? undefined : new Map(previousRows.map((p) => [p.unitId, p]));
  let published: RankedRow["published"] | undefined;
  for (const group of ordered.groups) {
    let all: readonly string[] = NO_TIES;
    for (let at = group.start; at < group.end; at++) {
      const i = order[at]!;
      const id = source.id(i);
      let tied: readonly string[] | { readonly all: readonly string[] } = NO_TIES;
      if (withTies) {
        const size = tieEnd[at]! - tieStart[at]!;
        if (at === tieStart[at]) all = policy.ties === "ordinal" || size === 1 ? NO_TIES : Array.from(order.subarray(tieStart[at]!, tieEnd[at]!), (u) => source.id(u));
        tied = all === NO_TIES ? NO_TIES : size <= EAGER_TIE ? others(all, id) : { all };
      }
      // Neighbours in a tie usually publish the same figures: they share one object.
      const pi = pubIndex.at(i);
      const pp = pubPoints.at(i);
      if (published === undefined || published.index !== pi || published.points !== pp) published = { index: pi, points: pp };
      const band = bands?.[i];
      const row = makeRow(parts.unit(i), group.name, place[at]!, group.end - group.start, tied, source.figure(i, "index"), source.figure(i, "points"), source.figure(i, "max"), published, band?.label, changeOf(previous, id, place[at]!, pi), parts.areas(i), band?.basis);
      const tieBreak = ordered.tieBreaks.get(at);
      yield tieBreak === undefined ? row : { ...row, tieBreak };
    }
  }
}

/** The policy of a ranking: the rubric's, with the options' overrides. */
export function policyOf(rubric: CompiledRubric, options: RankOptions): RankPolicy {
  return {
    keys: options.keys ?? rubric.ranking.keys,
    ties: options.ties ?? rubric.ranking.ties,
    on: options.on ?? rubric.ranking.on,
    withinGroup: options.withinGroup ?? rubric.ranking.withinGroup,
  };
}
