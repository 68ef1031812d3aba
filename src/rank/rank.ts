/**
 * `rank(rubric, results)`: orders scored units by the rubric's sort keys, with a tie
 * policy, on published or exact figures, within groups, with bands and the change
 * against the previous period. Deterministic: the unit id is always the final key,
 * so no input order changes any row.
 * @module
 */
import type { CompiledBand, CompiledRubric, CompiledSortKey } from "../compile/types.js";
import type { EvaluateOutcome, EvaluationResult } from "../io/evaluate.js";
import { Exact, publish, text } from "../runtime/decimal.js";
import { prepareExpr } from "../runtime/prepare-expr.js";
import type { Change, PreviousRow, RankedRow, RankOptions, RankResult, UnrankedRow } from "./types.js";

interface Candidate {
  readonly result: EvaluationResult;
  readonly keys: readonly Exact[];
}

function keyValue(result: EvaluationResult, key: CompiledSortKey, rubric: CompiledRubric, published: boolean): Exact {
  const raw = key.target.kind === "figure" ? result[key.target.name] : result.nodes[key.target.id]?.points;
  const value = new Exact(raw ?? "0");
  return published ? new Exact(publish(value, rubric.publish.precision, rubric.publish.rounding)) : value;
}

/** Compares two candidates on the declared keys only (ties are decided by policy). */
function compareKeys(a: Candidate, b: Candidate, keys: readonly CompiledSortKey[]): number {
  for (let i = 0; i < keys.length; i++) {
    const c = a.keys[i]!.comparedTo(b.keys[i]!);
    if (c !== 0) return keys[i]!.direction === "desc" ? -c : c;
  }
  return 0;
}

const byId = (a: Candidate, b: Candidate): number => (a.result.unit.id < b.result.unit.id ? -1 : a.result.unit.id > b.result.unit.id ? 1 : 0);

type BandTest = (figures: ReadonlyMap<string, Exact>) => boolean;

/** Band conditions prepared once per ranking; the first that holds names the band. */
function prepareBands(bands: readonly CompiledBand[]): { label: string; test: BandTest }[] {
  return bands.map((band) => {
    if (band.when === undefined) return { label: band.label, test: () => true };
    const thunk = prepareExpr(band.when);
    return {
      label: band.label,
      test: (figures) => {
        const v = thunk({
          input: () => undefined, letValue: () => ({ kind: "bool", value: false }), unit: () => undefined,
          max: figures.get("max")!, figure: (name) => figures.get(name), note: () => undefined,
        });
        return v.kind === "bool" && v.value;
      },
    };
  });
}

function changeOf(previous: ReadonlyMap<string, PreviousRow> | undefined, id: string, rank: number, index: string): Change | "new" | undefined {
  if (previous === undefined) return undefined;
  const before = previous.get(id);
  if (before === undefined) return "new";
  const places = before.rank - rank;
  return { rank: before.rank, index: before.index, change: places > 0 ? "up" : places < 0 ? "down" : "same", places: Math.abs(places), indexDelta: text(new Exact(index).minus(before.index)) };
}

/**
 * Ranks evaluated units. Invalid submissions, incomplete results and duplicate unit
 * ids are listed apart with their reason. Never throws.
 * @param rubric - the compiled rubric the units were scored with
 * @param outcomes - results of `evaluate` / `evaluateAll` (or bare results)
 * @param options - overrides of the rubric's policy, and last period's table
 */
export function rank(rubric: CompiledRubric, outcomes: readonly (EvaluateOutcome | EvaluationResult)[], options: RankOptions = {}): RankResult {
  const policy = {
    keys: options.keys ?? rubric.ranking.keys,
    ties: options.ties ?? rubric.ranking.ties,
    on: options.on ?? rubric.ranking.on,
    withinGroup: options.withinGroup ?? rubric.ranking.withinGroup,
  };
  const unranked: UnrankedRow[] = [];
  const seen = new Map<string, number>();
  const results: EvaluationResult[] = [];
  outcomes.forEach((o, i) => {
    if ("ok" in o && !o.ok) {
      unranked.push({ unit: { id: `#${i + 1}` }, reason: `invalid submission: ${o.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}` });
      return;
    }
    const r = "ok" in o ? o.result : o;
    seen.set(r.unit.id, (seen.get(r.unit.id) ?? 0) + 1);
    results.push(r);
  });
  const unit = (r: EvaluationResult): UnrankedRow["unit"] => (r.unit.name === undefined ? { id: r.unit.id } : { id: r.unit.id, name: r.unit.name });
  const groups = new Map<string, Candidate[]>();
  for (const r of results) {
    if (seen.get(r.unit.id)! > 1) unranked.push({ unit: unit(r), reason: `the unit id "${r.unit.id}" appears ${seen.get(r.unit.id)} times` });
    else if (!r.complete || r.index === undefined) unranked.push({ unit: unit(r), reason: `incomplete: ${r.errors.map((e) => e.message).join("; ") || "no index"}` });
    else {
      const group = policy.withinGroup ? r.unit.group ?? "" : "";
      const list = groups.get(group) ?? [];
      list.push({ result: r, keys: policy.keys.map((k) => keyValue(r, k, rubric, policy.on === "published")) });
      groups.set(group, list);
    }
  }
  const bands = prepareBands(rubric.bands);
  const previous = options.previous === undefined ? undefined : new Map(options.previous.map((p) => [p.unitId, p]));
  const { precision, rounding } = rubric.publish;
  const rows: RankedRow[] = [];
  for (const group of [...groups.keys()].sort()) {
    const list = groups.get(group)!.sort((a, b) => compareKeys(a, b, policy.keys) || byId(a, b));
    // Units equal on every declared key are adjacent: walk the list block by block.
    let start = 0;
    let dense = 0;
    while (start < list.length) {
      let end = start + 1;
      while (end < list.length && compareKeys(list[start]!, list[end]!, policy.keys) === 0) end++;
      dense++;
      const ids = list.slice(start, end).map((c) => c.result.unit.id);
      for (let i = start; i < end; i++) {
        const r = list[i]!.result;
        const place = policy.ties === "ordinal" ? i + 1 : policy.ties === "dense" ? dense : start + 1;
        const published = { index: publish(new Exact(r.index!), precision, rounding), points: publish(new Exact(r.points!), precision, rounding) };
        const figures = new Map([
          ["index", policy.on === "published" ? new Exact(published.index) : new Exact(r.index!)],
          ["points", new Exact(r.points!)], ["max", new Exact(r.max!)], ["bonus", new Exact(r.bonus!)], ["penalty", new Exact(r.penalty!)],
        ]);
        const band = bands.find((b) => b.test(figures))?.label;
        rows.push({
          unit: unit(r), group, rank: place, of: list.length,
          tiedWith: policy.ties === "ordinal" ? [] : ids.filter((id) => id !== r.unit.id),
          index: r.index!, points: r.points!, published,
          ...(band === undefined ? {} : { band }),
          previous: changeOf(previous, r.unit.id, place, published.index),
          areas: Object.fromEntries(rubric.nodes.map((n) => [n.id, r.nodes[n.id]?.points ?? "0"])),
        });
      }
      start = end;
    }
  }
  unranked.sort((a, b) => (a.unit.id < b.unit.id ? -1 : a.unit.id > b.unit.id ? 1 : 0));
  return { rows, unranked, policy };
}
