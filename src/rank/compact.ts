/**
 * Ranking a million units in flat memory: each scored unit is kept in columns (its id,
 * name and group; where its data was; its figures as codes into the table of distinct
 * texts, exact only where something reads them exactly), not as a result object, and
 * the ranked rows are made one at a time when they are written. `rubric score` uses it for its table formats; the rows
 * are those `rank` gives for the same units, field for field.
 * @module
 */
import type { CompiledRubric } from "../compile/types.js";
import type { EvaluationResult } from "../io/evaluate.js";
import { rankOrder, type RankedOrder, type RankPolicy } from "./order.js";
import { duplicateRow, rankedRows, unrankedOf } from "./rank.js";
import { IdIndex, IntColumn, TextColumn } from "./columns.js";
import { publishText } from "./keys.js";
import { figuresReadByBands } from "./rows.js";
import type { FigureName, RankSource } from "./source.js";
import type { PreviousRow, RankedRow, UnrankedRow } from "./types.js";

const FIGURES: readonly FigureName[] = ["index", "points", "max", "bonus", "penalty"];
const NO_AREAS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Where each unit's data is, compactly: an origin ending in a number (`units.jsonl:12`)
 * is its shared prefix and the number; any other is kept as it is.
 */
class OriginColumn {
  private readonly prefixes: string[] = [];
  private readonly prefixIds = new Map<string, number>();
  private readonly prefix = new IntColumn();
  private readonly number = new IntColumn();
  private readonly other = new Map<number, string>();
  push(origin: string): void {
    const at = this.prefix.length;
    const m = /^(.*?)([1-9]\d{0,8})$/s.exec(origin);
    let id = m === null ? undefined : this.prefixIds.get(m[1]!);
    if (m !== null && id === undefined && this.prefixes.length < 65_536) {
      this.prefixIds.set(m[1]!, (id = this.prefixes.length));
      this.prefixes.push(m[1]!);
    }
    if (m === null || id === undefined) {
      this.prefix.push(-1);
      this.number.push(0);
      this.other.set(at, origin);
      return;
    }
    this.prefix.push(id);
    this.number.push(Number(m[2]));
  }
  at(i: number): string {
    const id = this.prefix.at(i);
    return id < 0 ? this.other.get(i)! : `${this.prefixes[id]!}${this.number.at(i)}`;
  }
}

/** A ranking made by {@link CompactRanking.rank}: the order, and the rows made on demand. */
export interface CompactRanked {
  /** The ranked order (policy, positions, published figures, bands). */
  readonly order: RankedOrder;
  /** Units not ranked, by id, as `rank` lists them. */
  readonly unranked: readonly UnrankedRow[];
  /** Makes the ranked rows, in table order, each time it is called (without `tiedWith` and `areas`, which tables do not show). */
  readonly rows: () => Iterable<RankedRow>;
  /** The name shown for a ranked unit's id. */
  readonly nameOf: (id: string) => string;
}

/**
 * Scored units kept for ranking in columns. Add each unit's result as it is scored;
 * then {@link CompactRanking.rank}.
 */
export class CompactRanking {
  private readonly ids: string[] = [];
  private names: (string | undefined)[] | undefined;
  private groups: TextColumn | undefined;
  private readonly origins = new OriginColumn();
  private readonly firstAt = new IdIndex(this.ids);
  private readonly repeats = new Map<string, number>();
  /** Results not ranked on their own (incomplete, not eligible), by ordinal. */
  private readonly side = new Map<number, EvaluationResult>();
  /** The ordinal of each candidate. */
  private readonly candidates = new IntColumn();
  private readonly figures: Record<FigureName, TextColumn>;
  private readonly nodes: Map<string, TextColumn>;
  /** How each figure is kept: exact, or as published when nothing reads it exactly. */
  private readonly kept: (figure: FigureName | "node", exact: string) => string;

  /**
   * @param rubric - the rubric (its publication, bands and sort keys)
   * @param policy - the ranking policy the units will be ranked under
   * @param keptApart - what is kept of a unit listed apart (incomplete, not eligible): its whole result unless said
   */
  constructor(rubric: CompiledRubric, policy: RankPolicy, private readonly keptApart: (result: EvaluationResult) => EvaluationResult = (r) => r) {
    const column = (): TextColumn => new TextColumn();
    this.figures = { index: column(), points: column(), max: column(), bonus: column(), penalty: column() };
    this.nodes = new Map(policy.keys.flatMap((k) => (k.target.kind === "node" ? [[k.target.id, column()] as const] : [])));
    // Ranking on published figures reads the published index and published keys; bands
    // read the exact figures they name (the index as ranked), and a row its exact maximum.
    // A figure nothing reads exactly is kept as published: few distinct texts, so codes.
    const banded = figuresReadByBands(rubric);
    const exact = (f: FigureName | "node"): boolean => policy.on === "exact" || f === "max" || (f !== "index" && f !== "node" && banded.has(f));
    const { precision, rounding } = rubric.publish;
    this.kept = (f, text) => (exact(f) ? text : publishText(text, precision, rounding));
  }

  /** Units added. */
  get size(): number {
    return this.ids.length;
  }

  /**
   * Keeps what ranking needs of one unit's result.
   * @param result - the unit's result (slim or full)
   * @param origin - where its data is
   * @returns where the same unit id was first given, when it was
   */
  add(result: EvaluationResult, origin: string): string | undefined {
    const ordinal = this.ids.length;
    const { id, name, group } = result.unit;
    this.ids.push(id);
    if (name !== undefined) (this.names ??= new Array<string | undefined>(ordinal))[ordinal] = name;
    else if (this.names !== undefined) this.names[ordinal] = undefined;
    if (group !== undefined && group !== "" && this.groups === undefined) {
      this.groups = new TextColumn();
      for (let k = 0; k < ordinal; k++) this.groups.push("");
    }
    this.groups?.push(group ?? "");
    this.origins.push(origin);
    const first = this.firstAt.add(ordinal);
    if (first !== undefined) this.repeats.set(id, (this.repeats.get(id) ?? 1) + 1);
    if (unrankedOf(result, 1) !== undefined) this.side.set(ordinal, this.keptApart(result));
    else {
      this.candidates.push(ordinal);
      for (const f of FIGURES) this.figures[f].push(this.kept(f, result[f]!));
      for (const [node, column] of this.nodes) column.push(this.kept("node", result.nodes[node]?.points ?? "0"));
    }
    return first === undefined ? undefined : this.origins.at(first);
  }

  private unit(ordinal: number): RankedRow["unit"] {
    const name = this.names?.[ordinal];
    return name === undefined ? { id: this.ids[ordinal]! } : { id: this.ids[ordinal]!, name };
  }

  /** A source over some candidates (by candidate number). */
  private source(live: readonly number[] | undefined): RankSource {
    const ordinal = live === undefined ? (k: number) => this.candidates.at(k) : (k: number) => this.candidates.at(live[k]!);
    const candidate = live === undefined ? (k: number) => k : (k: number) => live[k]!;
    return {
      size: live === undefined ? this.candidates.length : live.length,
      id: (k) => this.ids[ordinal(k)]!,
      name: (k) => this.names?.[ordinal(k)],
      group: (k) => this.groups?.at(ordinal(k)) ?? "",
      figure: (k, name) => this.figures[name].at(candidate(k)),
      node: (k, id) => this.nodes.get(id)?.at(candidate(k)),
    };
  }

  /**
   * Ranks the units added. A unit ranking fails on (a figure that is not a number,
   * which evaluation never gives) is listed apart, in error, with the failure; the
   * others are ranked as usual.
   * @param rubric - the rubric
   * @param policy - the ranking policy
   * @param previousRows - last period's table, if given
   * @param inError - the result of a unit ranking failed on, with the failure's message
   */
  rank(rubric: CompiledRubric, policy: RankPolicy, previousRows: readonly PreviousRow[] | undefined, inError: (unit: EvaluationResult["unit"], failure: unknown) => EvaluationResult): CompactRanked {
    const apart: { ordinal: number; row: UnrankedRow }[] = [];
    let live: number[] | undefined;
    if (this.repeats.size > 0) {
      live = [];
      for (let k = 0; k < this.candidates.length; k++) {
        const ordinal = this.candidates.at(k);
        const count = this.repeats.get(this.ids[ordinal]!);
        if (count === undefined) live.push(k);
        else apart.push({ ordinal, row: duplicateRow(this.unit(ordinal), count) });
      }
    }
    let order: RankedOrder;
    try {
      order = rankOrder(rubric, this.source(live), policy, false);
    } catch {
      // Find the units ranking fails on, one at a time; list them apart in error.
      const all = live ?? Array.from({ length: this.candidates.length }, (_, k) => k);
      live = [];
      for (const k of all) {
        try {
          rankOrder(rubric, this.source([k]), policy, false);
          live.push(k);
        } catch (error) {
          const ordinal = this.candidates.at(k);
          const group = this.groups?.at(ordinal);
          const result = inError({ ...this.unit(ordinal), ...(group === undefined || group === "" ? {} : { group }) }, error);
          apart.push({ ordinal, row: unrankedOf(result, 1)! });
        }
      }
      order = rankOrder(rubric, this.source(live), policy, false);
    }
    for (const [ordinal, result] of this.side) apart.push({ ordinal, row: unrankedOf(result, this.repeats.get(result.unit.id) ?? 1)! });
    apart.sort((a, b) => a.ordinal - b.ordinal);
    const unranked = apart.map((a) => a.row).sort((a, b) => (a.unit.id < b.unit.id ? -1 : a.unit.id > b.unit.id ? 1 : 0));
    const source = this.source(live);
    const ordinal = (k: number): number => this.candidates.at(live === undefined ? k : live[k]!);
    const parts = { unit: (k: number) => this.unit(ordinal(k)), areas: () => NO_AREAS };
    const rows = (): Iterable<RankedRow> => rankedRows(order, source, parts, previousRows);
    const nameOf = (id: string): string => {
      const ordinal = this.firstAt.find(id);
      return (ordinal === undefined ? undefined : this.names?.[ordinal]) ?? id;
    };
    return { order, unranked, rows, nameOf };
  }
}
