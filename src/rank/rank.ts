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
import type { CompiledRubric, CompiledSortKey } from "../compile/types.js";
import type { EvaluateOutcome, EvaluationResult } from "../io/evaluate.js";
import { compareAt, keyColumn, publishText, type KeyColumn } from "./keys.js";
import { classify } from "./groups.js";
import { areasBuilder, changeOf, makeRow, unitOf } from "./rows.js";
import type { RankedRow, RankOptions, RankResult, UnrankedRow } from "./types.js";

/** Ties up to this size carry their ids as arrays (8 bytes an id); larger ones share one list behind a getter (a row with a getter costs about 440 bytes more), see `makeRow`. */
const EAGER_TIE = 48;
const NO_TIES: readonly string[] = Object.freeze([]);

/** The text of a key's value for one result (missing node points count as 0). */
function keyText(r: EvaluationResult, key: CompiledSortKey): string {
  return (key.target.kind === "figure" ? r[key.target.name] : r.nodes[key.target.id]?.points) ?? "0";
}

const byIdOf = (ids: readonly string[]) => (a: number, b: number): number => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0);

/** A comparator of candidate indices: declared keys, then the unit id. */
function comparator(columns: readonly KeyColumn[], ids: readonly string[]): (a: number, b: number) => number {
  const byId = byIdOf(ids);
  return (a, b) => {
    for (const c of columns) {
      const d = compareAt(c, a, b);
      if (d !== 0) return d;
    }
    return byId(a, b);
  };
}

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

/** The ids of a small tie other than `id`. */
function others(all: readonly string[], id: string): string[] {
  const out: string[] = [];
  for (const x of all) if (x !== id) out.push(x);
  return out;
}

const TWO_53 = 2 ** 53;

/**
 * Orders a group when every key is a number column and all keys together span fewer
 * than 2^53 / n values: each unit's keys and its place in id order are packed into one
 * integer (mixed radix: key offsets, then the id place), so a plain numeric sort of a
 * Float64Array orders the group exactly. Undefined when the keys do not fit.
 */
function packedOrder(list: readonly number[], columns: readonly KeyColumn[], ids: readonly string[]): number[] | undefined {
  const n = list.length;
  const values: Float64Array[] = [];
  const mins: number[] = [];
  const ranges: number[] = [];
  let total = n;
  for (const c of columns) {
    if (c.kind !== "number") return undefined;
    let lo = Infinity;
    let hi = -Infinity;
    for (const i of list) {
      const v = c.values[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const range = hi - lo + 1;
    total *= range;
    // Rounding is monotonic: a true product ≥ 2^53 is never computed below it.
    if (!(total < TWO_53)) return undefined;
    values.push(c.values);
    mins.push(lo);
    ranges.push(range);
  }
  let ascending = true;
  for (let k = 1; k < n && ascending; k++) ascending = ids[list[k - 1]!]! < ids[list[k]!]!;
  const byId = ascending ? list : [...list].sort(byIdOf(ids));
  const packed = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const i = byId[t]!;
    let key = 0;
    for (let c = 0; c < values.length; c++) key = key * ranges[c]! + (values[c]![i]! - mins[c]!);
    packed[t] = key * n + t;
  }
  packed.sort();
  const order = new Array<number>(n);
  for (let t = 0; t < n; t++) order[t] = byId[packed[t]! % n]!;
  return order;
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
  const policy = {
    keys: options.keys ?? rubric.ranking.keys,
    ties: options.ties ?? rubric.ranking.ties,
    on: options.on ?? rubric.ranking.on,
    withinGroup: options.withinGroup ?? rubric.ranking.withinGroup,
  };
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
  const unit = (r: EvaluationResult): UnrankedRow["unit"] => (r.unit.name === undefined ? { id: r.unit.id } : { id: r.unit.id, name: r.unit.name });
  // Candidates by index; groups hold indices.
  const ranked: EvaluationResult[] = [];
  const groups = new Map<string, number[]>();
  for (const r of results) {
    const count = times?.get(r.unit.id) ?? 1;
    if (count > 1) unranked.push({ unit: unit(r), reason: `the unit id "${r.unit.id}" appears ${count} times`, cause: { kind: "duplicate", count } });
    else if (r.ineligible !== undefined) unranked.push({ unit: unit(r), reason: `not eligible for ranking: ${r.ineligible.reason}${r.ineligible.undecided === true ? " (undecided: a unit fact is missing)" : ""}`, cause: { kind: "ineligible", ...r.ineligible } });
    else if (!r.complete || r.index === undefined) unranked.push({ unit: unit(r), reason: `incomplete: ${r.errors.map((e) => e.message).join("; ") || "no index"}`, cause: { kind: "incomplete", errors: r.errors } });
    else {
      const group = policy.withinGroup ? r.unit.group ?? "" : "";
      let list = groups.get(group);
      if (list === undefined) groups.set(group, (list = []));
      list.push(ranked.length);
      ranked.push(r);
    }
  }
  const { precision, rounding } = rubric.publish;
  const onPublished = policy.on === "published";
  // Published figures once per unit, by exact digit arithmetic.
  const pubIndex = ranked.map((r) => publishText(r.index!, precision, rounding));
  const pubPoints = ranked.map((r, i) => (r.points === r.index ? pubIndex[i]! : publishText(r.points!, precision, rounding)));
  const columns = policy.keys.map((key) => {
    const texts = ranked.map((r, i) => {
      if (!onPublished) return keyText(r, key);
      if (key.target.kind === "figure" && key.target.name === "index") return pubIndex[i]!;
      if (key.target.kind === "figure" && key.target.name === "points") return pubPoints[i]!;
      return publishText(keyText(r, key), precision, rounding);
    });
    return keyColumn(texts, key.direction === "desc");
  });
  // What rows need, read once in input order (results lie in memory in that order;
  // the row loop below visits them in ranked order).
  const ids = ranked.map((r) => r.unit.id);
  const exactIndex = ranked.map((r) => r.index!);
  const exactPoints = ranked.map((r) => r.points!);
  const units = ranked.map((r) => unitOf(r.unit));
  const areasOf = areasBuilder(rubric);
  const areas = ranked.map(areasOf);
  const hasBands = rubric.bands.length > 0 || (rubric.bandBlocks?.length ?? 0) > 0;
  const bands = !hasBands ? undefined : classify(rubric, ranked.map((r) => r.unit.group ?? ""), ranked.map((r, i) => ({ index: onPublished ? pubIndex[i]! : r.index!, points: r.points!, max: r.max!, bonus: r.bonus!, penalty: r.penalty! })), policy.withinGroup);
  const compare = comparator(columns, ids);
  const order = (list: number[]): number[] => packedOrder(list, columns, ids) ?? list.sort(compare);
  const sameKeys = (a: number, b: number): boolean => columns.every((c) => compareAt(c, a, b) === 0);
  const previous = options.previous === undefined ? undefined : new Map(options.previous.map((p) => [p.unitId, p]));
  const rows: RankedRow[] = [];
  const broken = new Map<number, NonNullable<RankedRow["tieBreak"]>>();
  let published: RankedRow["published"] | undefined;
  for (const group of [...groups.keys()].sort()) {
    const list = order(groups.get(group)!);
    // Units equal on every declared key are adjacent: walk the list block by block.
    let start = 0;
    let dense = 0;
    while (start < list.length) {
      // The unit above this block outranks it on a later key only: say which one.
      if (start > 0) {
        const decisive = columns.findIndex((c) => compareAt(c, list[start - 1]!, list[start]!) !== 0);
        if (decisive > 0) broken.set(rows.length - 1, { key: policy.keys[decisive]!, over: ids[list[start]!]! });
      }
      let end = start + 1;
      while (end < list.length && sameKeys(list[start]!, list[end]!)) end++;
      dense++;
      const size = end - start;
      const all = policy.ties === "ordinal" || size === 1 ? NO_TIES : list.slice(start, end).map((i) => ids[i]!);
      for (let k = start; k < end; k++) {
        const i = list[k]!;
        const place = policy.ties === "ordinal" ? k + 1 : policy.ties === "dense" ? dense : start + 1;
        const tied = all === NO_TIES ? NO_TIES : size <= EAGER_TIE ? others(all, ids[i]!) : { all };
        // Neighbours in a tie usually publish the same figures: they share one object.
        const pi = pubIndex[i]!;
        const pp = pubPoints[i]!;
        if (published === undefined || published.index !== pi || published.points !== pp) published = { index: pi, points: pp };
        const band = bands?.[i];
        rows.push(makeRow(units[i]!, group, place, list.length, tied, exactIndex[i]!, exactPoints[i]!, ranked[i]!.max!, published, band?.label, changeOf(previous, ids[i]!, place, pi), areas[i]!, band?.basis));
      }
      start = end;
    }
  }
  for (const [at, tieBreak] of broken) rows[at] = { ...rows[at]!, tieBreak };
  unranked.sort((a, b) => (a.unit.id < b.unit.id ? -1 : a.unit.id > b.unit.id ? 1 : 0));
  return { rows, unranked, policy };
}
