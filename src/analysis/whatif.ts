/**
 * `whatIf(rubric, submissions, unitId, target)`: the smallest change of one input (or
 * given points) of one unit that brings it to a rank or a band, criterion by
 * criterion, the other units unchanged. Values move on a grid that respects declared
 * types and ranges: counts and Likert answers by whole steps, percents within 0–100,
 * numbers by their finest decimal (at least 0.1), given points by their step. Each
 * input is searched up and down: every grid value when there are at most 64, else by
 * doubling then bisection, which finds the first value that reaches the target when
 * reaching it is monotone in the input (as scoring rules are); either way the value one
 * step short is checked not to reach it.
 * @module
 */
import type { CompiledRubric, CompiledType } from "../compile/types.js";
import { Exact, text } from "../runtime/exact.js";
import { fromExact, isNum, numText, sub, toExact } from "../runtime/fast-num.js";
import { readColumns, type KernelColumns } from "../runtime/kernel-columns.js";
import { rank } from "../rank/rank.js";
import type { UnrankedCause } from "../rank/types.js";
import { needsCohort } from "../runtime/cohort-batch.js";
import { prepareUnits, rankedSlots, scoreUnits, type PreparedUnits } from "./units.js";
import { evaluateAll, type EvaluationResult } from "../io/evaluate.js";

/**
 * What the unit should reach: a rank (or better), or a band (or one listed before it).
 * @category Analysis
 */
export type WhatIfTarget = {
  /** The rank to reach (or better). */ readonly rank: number;
} | {
  /** The band to reach (or one listed before it). */ readonly band: string;
};

/**
 * One way to reach the target.
 * @category Analysis
 */
export interface WhatIfStep {
  /** The criterion (leaf, bonus or penalty block). */
  readonly node: string;
  /** Its title. */
  readonly title: string;
  /** The input changed, or `points` for given points. */
  readonly input: string;
  /** Its value now, as the submission writes it (percents in percent points). */
  readonly from: string;
  /** The value that reaches the target. */
  readonly to: string;
  /** Grid steps from `from` to `to`. */
  readonly steps: number;
  /** The grid step. */
  readonly step: string;
  /** Total points gained (exact). */
  readonly gained: string;
  /** Points gained per step (exact). */
  readonly perStep: string;
  /** Rank with this change. */
  readonly rank: number;
  /** Band with this change. */
  readonly band?: string;
  /** Published index with this change. */
  readonly index: string;
}

/**
 * The answer of {@link whatIf}.
 * @category Analysis
 */
export interface WhatIfResult {
  /** The unit. */
  readonly unit: {
    /** The unit's id. */ readonly id: string;
    /** Its name, when given. */ readonly name?: string;
  };
  /** The target. */
  readonly target: WhatIfTarget;
  /** Its rank (of how many), band and published index now. */
  readonly now: {
    /** Its rank now. */ readonly rank: number;
    /** How many units are ranked. */ readonly of: number;
    /** Its band now, when the rubric has bands. */ readonly band?: string;
    /** Its published index now. */ readonly index: string;
  };
  /** True when the unit already meets the target. */
  readonly reached: boolean;
  /** Changes that reach the target, most points per step first. */
  readonly steps: readonly WhatIfStep[];
  /** Inputs searched. */
  readonly searched: number;
}

/**
 * Why no answer could be given.
 * @category Analysis
 */
export type WhatIfProblem =
  | {
      /** No unit has this id. */ readonly code: "unknown-unit";
      /** The id asked for. */ readonly unit: string;
    }
  | {
      /** The unit is not ranked, so there is no rank to improve. */ readonly code: "not-ranked";
      /** The unit's id. */ readonly unit: string;
      /** The unit's name, when its submission gives one. */ readonly name?: string;
      /** Why it is not ranked, in English. */ readonly reason: string;
      /** Why it is not ranked, as data (worded in either language by `whatIfProblemText`). */ readonly cause?: UnrankedCause;
    }
  | {
      /** The rubric has no band with this label. */ readonly code: "unknown-band";
      /** The label asked for. */ readonly band: string;
      /** The rubric's band labels. */ readonly bands: readonly string[];
    }
  | {
      /** The rubric has cohort figures (`cohort.max(x)`): a change to one unit moves the others' figures, which what-if does not follow yet. */ readonly code: "cohort-rubric";
    }
  | {
      /** The rank asked for is not between 1 and the number of ranked units. */ readonly code: "bad-rank";
      /** The rank asked for. */ readonly rank: number;
      /** How many units are ranked. */ readonly of: number;
    };

/**
 * The outcome of {@link whatIf}.
 * @category Analysis
 */
export type WhatIfOutcome = {
  /** An answer was found (it may be that no change reaches the target). */ readonly ok: true;
  /** The answer. */ readonly result: WhatIfResult;
} | {
  /** No answer could be given. */ readonly ok: false;
  /** Why. */ readonly problem: WhatIfProblem;
};

const LINEAR = 64;
const MAX_DOUBLINGS = 40;

interface Candidate {
  readonly node: string;
  readonly title: string;
  readonly input: string;
  /** Index into values (an input) or given (points). */
  readonly at: number;
  readonly given: boolean;
  readonly value: Exact;
  /** In column units (a percent as its fraction). */
  readonly step: Exact;
  readonly lo: Exact | undefined;
  readonly hi: Exact | undefined;
  /** Column units → submission units (100 for percents). */
  readonly shown: Exact;
}

function decimals(x: Exact): number {
  return x.terminatingDecimals() ?? 6;
}

function bounds(type: CompiledType): { lo?: Exact; hi?: Exact; whole: boolean; percent: boolean } | undefined {
  switch (type.kind) {
    case "count": return { lo: type.min === undefined ? Exact.ZERO : Exact.of(type.min), ...(type.max === undefined ? {} : { hi: Exact.of(type.max) }), whole: true, percent: false };
    case "likert": return { lo: Exact.of(type.min), hi: Exact.of(type.max), whole: true, percent: false };
    case "percent": return { lo: Exact.of(type.min ?? "0"), hi: Exact.of(type.max ?? "100"), whole: false, percent: true };
    case "number": return { ...(type.min === undefined ? {} : { lo: Exact.of(type.min) }), ...(type.max === undefined ? {} : { hi: Exact.of(type.max) }), whole: false, percent: false };
    default: return undefined;
  }
}

function candidates(units: PreparedUnits, u: number): Candidate[] {
  const { rubric, kernel, final } = units;
  const out: Candidate[] = [];
  const info = new Map<string, { title: string; max: string; inputs: Map<string, CompiledType>; step?: string }>();
  const visit = (n: CompiledRubric["nodes"][number]): void => {
    if (n.leaf !== undefined) info.set(n.id, { title: n.title, max: n.max, inputs: new Map(n.leaf.inputs.map((d) => [d.name, d.type])), ...(n.leaf.rule.kind === "given" && n.leaf.rule.step !== undefined ? { step: n.leaf.rule.step } : {}) });
    n.children?.forEach(visit);
  };
  rubric.nodes.forEach(visit);
  for (const x of rubric.extras) info.set(x.id, { title: x.title, max: x.max, inputs: new Map(x.leaf.inputs.map((d) => [d.name, d.type])), ...(x.leaf.rule.kind === "given" && x.leaf.rule.step !== undefined ? { step: x.leaf.rule.step } : {}) });
  const HUNDRED = Exact.int(100);
  kernel.layout.columns.forEach((c, slot) => {
    if (c.kind !== "input") return;
    const type = info.get(c.node)?.inputs.get(c.name);
    const b = type === undefined ? undefined : bounds(type);
    const v = final.values[slot * final.size + u];
    if (b === undefined || v === undefined || !isNum(v)) return;
    const value = toExact(v);
    const shown = b.percent ? HUNDRED : Exact.ONE;
    const inUnits = value.times(shown);
    const d = b.whole ? 0 : Math.max(1, decimals(inUnits), b.lo === undefined ? 0 : decimals(b.lo), b.hi === undefined ? 0 : decimals(b.hi));
    const step = Exact.fraction(1n, 10n ** BigInt(d)).dividedBy(shown);
    out.push({ node: c.node, title: info.get(c.node)!.title, input: c.name, at: slot * final.size + u, given: false, value, step, lo: b.lo?.dividedBy(shown), hi: b.hi?.dividedBy(shown), shown });
  });
  kernel.layout.given.forEach((id, slot) => {
    const g = final.given[slot * final.size + u];
    const node = info.get(id);
    if (g === undefined || node === undefined) return;
    const step = node.step !== undefined ? Exact.of(node.step) : Exact.fraction(1n, 10n ** BigInt(Math.max(1, decimals(g.exact), decimals(Exact.of(node.max)))));
    out.push({ node: id, title: node.title, input: "points", at: slot * final.size + u, given: true, value: g.exact, step, lo: Exact.ZERO, hi: Exact.of(node.max), shown: Exact.ONE });
  });
  return out;
}

/**
 * The smallest single changes that bring a unit to a target. Never throws on bad input.
 * @param rubric - the compiled rubric
 * @param submissions - every unit's submission (the others stay as they are)
 * @param unitId - the unit to move
 * @param target - a rank (or better) or a band (or one listed before it)
 * @example
 * ```ts
 * import { compile, renderWhatIf, whatIf, whatIfProblemText } from "rubric-lang";
 * const source = `rubric "Demo" {
 *   area "1" "Chỉ đạo" max 40 { input done: count, planned: count; score = 40 * done / planned }
 *   area "2" "Thủ tục" max 60 { input ontime: percent; score = 60 * ontime }
 * }`;
 * const submissions = [
 *   { unit: { id: "a", name: "Sở A" }, self: { "1": { done: 9, planned: 10 }, "2": { ontime: 70 } } },
 *   { unit: { id: "b", name: "Sở B" }, self: { "1": { done: 6, planned: 10 }, "2": { ontime: 85 } } },
 * ];
 * const compiled = compile(source);
 * if (compiled.ok) {
 *   const w = whatIf(compiled.rubric, submissions, "b", { rank: 1 });
 *   if (w.ok) console.log(renderWhatIf(w.result, "text", "vi")); // which inputs would lift Sở B to first place, and by how much
 *   else console.error(whatIfProblemText(w.problem, "vi"));
 * }
 * ```
 * @category Analysis
 */
export function whatIf(rubric: CompiledRubric, submissions: readonly unknown[], unitId: string, target: WhatIfTarget): WhatIfOutcome {
  if (needsCohort(rubric)) return { ok: false, problem: { code: "cohort-rubric" } };
  const units = prepareUnits(rubric, submissions);
  const u = units.units.findIndex((x) => x.id === unitId);
  if (u < 0) return { ok: false, problem: { code: "unknown-unit", unit: unitId } };
  // A unit of a group with its own bands (`bands in group "…"`) is judged by those.
  const block = rubric.bandBlocks?.find((b) => b.group === units.units[u]!.group);
  const bandOrder = (block?.bands ?? rubric.bands).map((b) => b.label);
  if ("band" in target && !bandOrder.includes(target.band)) return { ok: false, problem: { code: "unknown-band", band: target.band, bands: bandOrder } };
  const { kernel } = units;
  const scores = kernel.scores();
  const keep = rankedSlots(units);
  const results = scoreUnits(units, units.final, kernel.defaults, scores, keep);
  const standing = (mine: EvaluationResult): { rank: number; of: number; band?: string; index: string } | undefined => {
    const all = results.slice();
    all[u] = mine;
    const row = rank(rubric, all).rows.find((r) => r.unit.id === unitId);
    return row === undefined ? undefined : { rank: row.rank, of: row.of, ...(row.band === undefined ? {} : { band: row.band }), index: row.published.index };
  };
  const nominal = standing(results[u]!);
  if (nominal === undefined) {
    // The kernel only knows that the unit cannot be scored; the full evaluation says why
    // (the missing value and its criterion), on this error path only.
    const row = rank(rubric, evaluateAll(rubric, submissions)).unranked.find((r) => r.unit.id === unitId);
    const name = units.units[u]!.name;
    return { ok: false, problem: { code: "not-ranked", unit: unitId, ...(name === undefined ? {} : { name }), reason: row?.reason ?? "", ...(row === undefined ? {} : { cause: row.cause }) } };
  }
  if ("rank" in target && (!Number.isInteger(target.rank) || target.rank < 1 || target.rank > nominal.of)) return { ok: false, problem: { code: "bad-rank", rank: target.rank, of: nominal.of } };
  const meets = (s: { rank: number; band?: string } | undefined): boolean =>
    s !== undefined && ("rank" in target ? s.rank <= target.rank : s.band !== undefined && bandOrder.indexOf(s.band) <= bandOrder.indexOf(target.band));
  const base = { unit: units.units[u]!, target, now: nominal, searched: 0 };
  if (meets(nominal)) return { ok: true, result: { ...base, reached: true, steps: [] } };
  const list = candidates(units, u);
  const one: KernelColumns = readColumns(kernel.layout, []);
  const single = { ...units, units: [units.units[u]!] } as PreparedUnits;
  const columnsOf = (c: Candidate, value: Exact): KernelColumns => {
    // The unit alone, as a one-row column set, with one value changed.
    const size = units.final.size;
    const pick = <T>(all: readonly T[], width: number): T[] => Array.from({ length: width }, (_, slot) => all[slot * size + u]!);
    const values = pick(units.final.values, kernel.layout.columns.length);
    const given = pick(units.final.given, kernel.layout.given.length);
    const slot = Math.floor(c.at / size);
    if (c.given) given[slot] = { exact: value, num: fromExact(value) };
    else values[slot] = fromExact(value);
    return { ...one, size: 1, values, given, declared: pick(units.final.declared, kernel.layout.nodes.length) };
  };
  const attempt = (c: Candidate, k: number, dir: 1 | -1): { s: ReturnType<typeof standing>; mine: EvaluationResult; value: Exact } | undefined => {
    const value = c.value.plus(c.step.times(Exact.int(k * dir)));
    if ((c.lo !== undefined && value.lt(c.lo)) || (c.hi !== undefined && value.gt(c.hi))) return undefined;
    const mine = scoreUnits(single, columnsOf(c, value), kernel.defaults, scores, keep)[0]!;
    return { s: standing(mine), mine, value };
  };
  const before = results[u]!.points!;
  const steps: WhatIfStep[] = [];
  for (const c of list) {
    for (const dir of [1, -1] as const) {
      const k = search(c, dir, (k) => {
        const a = attempt(c, k, dir);
        return a === undefined ? "out" : meets(a.s) ? "yes" : "no";
      });
      if (k === undefined) continue;
      const a = attempt(c, k, dir)!;
      const gained = sub(fromExact(Exact.of(a.mine.points!)), fromExact(Exact.of(before)));
      steps.push({
        node: c.node, title: c.title, input: c.input,
        from: text(c.value.times(c.shown)), to: text(a.value.times(c.shown)), steps: k, step: text(c.step.times(c.shown)),
        gained: numText(gained), perStep: text(toExact(gained).dividedBy(Exact.int(k))),
        rank: a.s!.rank, ...(a.s!.band === undefined ? {} : { band: a.s!.band }), index: a.s!.index,
      });
    }
  }
  steps.sort((x, y) => Exact.of(y.perStep).comparedTo(Exact.of(x.perStep)) || x.steps - y.steps || (x.node < y.node ? -1 : x.node > y.node ? 1 : x.input < y.input ? -1 : x.input > y.input ? 1 : 0));
  return { ok: true, result: { ...base, searched: list.length, reached: false, steps } };
}

/** The first k ≥ 1 at which `test` says yes, searching as the module says; undefined when none in range. */
function search(c: Candidate, dir: 1 | -1, test: (k: number) => "yes" | "no" | "out"): number | undefined {
  const room = dir > 0 ? c.hi : c.lo;
  const span = room === undefined ? undefined : room.minus(c.value).abs().dividedBy(c.step).floor();
  if (span !== undefined && span.lte(Exact.int(LINEAR))) {
    const last = Number(span.n);
    for (let k = 1; k <= last; k++) if (test(k) === "yes") return k;
    return undefined;
  }
  // Doubling until a value reaches it (or the range ends), then bisection.
  let lo = 0;
  let hi = 1;
  let found = false;
  for (let i = 0; i < MAX_DOUBLINGS; i++) {
    const t = test(hi);
    if (t === "yes") { found = true; break; }
    if (t === "out") {
      const end = span === undefined ? undefined : Number(span.n);
      if (end !== undefined && end > lo && test(end) === "yes") { hi = end; found = true; }
      break;
    }
    lo = hi;
    hi *= 2;
  }
  if (!found) return undefined;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (test(mid) === "yes") hi = mid;
    else lo = mid;
  }
  return hi;
}
