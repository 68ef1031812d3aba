/**
 * The ranking itself, on any {@link RankSource}: each unit's keys computed once,
 * exactly, as scaled integers (`keys.ts`), one sort per group, ranks under the tie
 * policy, the tie a later key broke, and bands. The result is positions and per-unit
 * figures in typed arrays, not rows: `rank` builds rows from it, and `rubric score`
 * writes table lines from it one at a time.
 * @module
 */
import type { CompiledRubric, CompiledSortKey } from "../compile/types.js";
import { classify, type BandDecision } from "./groups.js";
import { IntColumn, TextColumn } from "./columns.js";
import { compareAt, keyColumn, publishText, type KeyColumn } from "./keys.js";
import type { RankSource } from "./source.js";
import type { RankedRow, RankResult } from "./types.js";

/** The policy a ranking applies: the rubric's, with any overrides. */
export type RankPolicy = RankResult["policy"];

/** A group of the table: its name and its positions `[start, end)`. */
export interface GroupSpan {
  /** The group ("" when not ranking within groups, or for units without one). */
  readonly name: string;
  /** Its first position. */
  readonly start: number;
  /** One past its last position. */
  readonly end: number;
}

/** The ranked table as positions: groups in name order, each in ranked order. */
export interface RankedOrder {
  /** The policy applied. */
  readonly policy: RankPolicy;
  /** The unit (source position) at each table position. */
  readonly order: Int32Array;
  /** The rank at each table position (within its group when ranking within groups). */
  readonly place: Int32Array;
  /** The first position of each position's tie (units equal on every key); empty when not asked for. */
  readonly tieStart: Int32Array;
  /** One past the last position of each position's tie; empty when not asked for. */
  readonly tieEnd: Int32Array;
  /** The groups, in table order. */
  readonly groups: readonly GroupSpan[];
  /** Each unit's published index, by source position. */
  readonly pubIndex: TextColumn;
  /** Each unit's published points, by source position. */
  readonly pubPoints: TextColumn;
  /** Each unit's band decision by source position, when the rubric has bands. */
  readonly bands: readonly BandDecision[] | undefined;
  /** At a position whose unit equals the next one on the first key, the later key that put it above. */
  readonly tieBreaks: ReadonlyMap<number, NonNullable<RankedRow["tieBreak"]>>;
}

/** The text of a key's value for one unit (missing node points count as 0). */
function keyText(source: RankSource, i: number, key: CompiledSortKey): string {
  return (key.target.kind === "figure" ? source.figure(i, key.target.name) : source.node(i, key.target.id)) ?? "0";
}

const byIdOf = (source: RankSource) => (a: number, b: number): number => {
  const x = source.id(a);
  const y = source.id(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** A comparator of candidate indices: declared keys, then the unit id. */
function comparator(columns: readonly KeyColumn[], source: RankSource): (a: number, b: number) => number {
  const byId = byIdOf(source);
  return (a, b) => {
    for (const c of columns) {
      const d = compareAt(c, a, b);
      if (d !== 0) return d;
    }
    return byId(a, b);
  };
}

const TWO_53 = 2 ** 53;

/**
 * Orders a group when every key is a number column and all keys together span fewer
 * than 2^53 / n values: each unit's keys and its place in id order are packed into one
 * integer (mixed radix: key offsets, then the id place), so a plain numeric sort of a
 * Float64Array orders the group exactly. Undefined when the keys do not fit.
 */
function packedOrder(list: Int32Array, columns: readonly KeyColumn[], source: RankSource): Int32Array | undefined {
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
  for (let k = 1; k < n && ascending; k++) ascending = source.id(list[k - 1]!) < source.id(list[k]!);
  const byId = ascending ? list : list.slice().sort(byIdOf(source));
  const packed = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const i = byId[t]!;
    let key = 0;
    for (let c = 0; c < values.length; c++) key = key * ranges[c]! + (values[c]![i]! - mins[c]!);
    packed[t] = key * n + t;
  }
  packed.sort();
  const order = new Int32Array(n);
  for (let t = 0; t < n; t++) order[t] = byId[packed[t]! % n]!;
  return order;
}

/** Published texts remembered per exact text (a bounded cache): units sharing a figure share one string. */
function publisher(precision: number, rounding: CompiledRubric["publish"]["rounding"]): (exact: string) => string {
  const memo = new Map<string, string>();
  return (exact) => {
    let shown = memo.get(exact);
    if (shown === undefined) {
      shown = publishText(exact, precision, rounding);
      if (memo.size >= 65_536) memo.clear();
      memo.set(exact, shown);
    }
    return shown;
  };
}

/**
 * Ranks the units of a source under a policy. Throws only on a figure that is not a
 * number (which evaluation never gives).
 * @param rubric - the rubric (publication, bands)
 * @param source - the units to rank: complete, eligible, each id once
 * @param policy - keys, tie policy, published or exact, within groups
 * @param ties - whether to keep where each tie starts and ends (rows list a tie's other units; a table does not)
 */
export function rankOrder(rubric: CompiledRubric, source: RankSource, policy: RankPolicy, ties = true): RankedOrder {
  const n = source.size;
  const groupsByName = new Map<string, IntColumn>();
  for (let i = 0; i < n; i++) {
    const group = policy.withinGroup ? source.group(i) : "";
    let list = groupsByName.get(group);
    if (list === undefined) groupsByName.set(group, (list = new IntColumn(group === "" && !policy.withinGroup ? Math.max(n, 1) : 1024)));
    list.push(i);
  }
  const { precision, rounding } = rubric.publish;
  const onPublished = policy.on === "published";
  const publish = publisher(precision, rounding);
  // Published figures once per unit, by exact digit arithmetic.
  // Few distinct texts: kept as codes, not a reference per unit.
  const pubIndex = new TextColumn();
  const pubPoints = new TextColumn();
  for (let i = 0; i < n; i++) {
    const index = source.figure(i, "index");
    const points = source.figure(i, "points");
    const shown = publish(index);
    pubIndex.push(shown);
    pubPoints.push(points === index ? shown : publish(points));
  }
  const columns = policy.keys.map((key) => {
    const texts = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      texts[i] = !onPublished ? keyText(source, i, key)
        : key.target.kind === "figure" && key.target.name === "index" ? pubIndex.at(i)
        : key.target.kind === "figure" && key.target.name === "points" ? pubPoints.at(i)
        : publish(keyText(source, i, key));
    }
    return keyColumn(texts, key.direction === "desc");
  });
  const hasBands = rubric.bands.length > 0 || (rubric.bandBlocks?.length ?? 0) > 0;
  const bands = !hasBands ? undefined : classify(rubric, n, (i) => source.group(i), (i) => ({
    index: onPublished ? pubIndex.at(i) : source.figure(i, "index"), points: source.figure(i, "points"), max: source.figure(i, "max"), bonus: source.figure(i, "bonus"), penalty: source.figure(i, "penalty"),
  }), policy.withinGroup);
  const compare = comparator(columns, source);
  const sameKeys = (a: number, b: number): boolean => columns.every((c) => compareAt(c, a, b) === 0);
  const order = new Int32Array(n);
  const place = new Int32Array(n);
  const tieStart = new Int32Array(ties ? n : 0);
  const tieEnd = new Int32Array(ties ? n : 0);
  const groups: GroupSpan[] = [];
  const tieBreaks = new Map<number, NonNullable<RankedRow["tieBreak"]>>();
  let at = 0;
  for (const name of [...groupsByName.keys()].sort()) {
    const unsorted = groupsByName.get(name)!.toArray();
    groupsByName.delete(name);
    const list = packedOrder(unsorted, columns, source) ?? unsorted.sort(compare);
    const base = at;
    // Units equal on every declared key are adjacent: walk the list block by block.
    let start = 0;
    let dense = 0;
    while (start < list.length) {
      // The unit above this block outranks it on a later key only: say which one.
      if (start > 0) {
        const decisive = columns.findIndex((c) => compareAt(c, list[start - 1]!, list[start]!) !== 0);
        if (decisive > 0) tieBreaks.set(base + start - 1, { key: policy.keys[decisive]!, over: source.id(list[start]!) });
      }
      let end = start + 1;
      while (end < list.length && sameKeys(list[start]!, list[end]!)) end++;
      dense++;
      for (let k = start; k < end; k++) {
        order[base + k] = list[k]!;
        place[base + k] = policy.ties === "ordinal" ? k + 1 : policy.ties === "dense" ? dense : start + 1;
        if (ties) {
          tieStart[base + k] = policy.ties === "ordinal" ? base + k : base + start;
          tieEnd[base + k] = policy.ties === "ordinal" ? base + k + 1 : base + end;
        }
      }
      start = end;
    }
    at += list.length;
    groups.push({ name, start: base, end: at });
  }
  return { policy, order, place, tieStart, tieEnd, groups, pubIndex, pubPoints, bands, tieBreaks };
}
