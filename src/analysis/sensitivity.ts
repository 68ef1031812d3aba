/**
 * `sensitivity(rubric, submissions, plan)`: how robust each unit's rank is to the
 * choices behind the index. Every sample draws a value for each factor of the plan
 * (weights, thresholds, band limits, N/A policies, the scale of the appraisal
 * corrections), scores every unit on the kernel with those values, and ranks them with
 * `rank` under the rubric's ranking policy. Samples depend only on the seed and their
 * number, so a run gives the same bytes on any number of workers ({@link runSamples}
 * covers a range of samples; {@link summarise} joins them).
 * @module
 */
import type { CompiledBand, CompiledExpr, CompiledRubric, NaPolicy } from "../compile/types.js";
import { evaluateAll } from "../io/evaluate.js";
import { rank } from "../rank/rank.js";
import { Exact, text } from "../runtime/exact.js";
import { fromExact, type Num } from "../runtime/fast-num.js";
import type { KernelParams, LeafMemo } from "../runtime/kernel.js";
import { readPlan, type Factor, type Plan, type PlanSpec, type RangeFactor } from "./plan.js";
import { needsCohort } from "../runtime/cohort-batch.js";
import { sampler } from "./sampling.js";
import { summariseSamples, type SensitivityResult } from "./stats.js";
import { bandLabels } from "../rank/groups.js";
import { prepareUnits, rankedSlots, scaleCorrections, scoreUnits, workColumns, type PreparedUnits } from "./units.js";

/**
 * Ranks, bands and factor levels of a range of samples (flat: sample × unit, sample × factor).
 * @category Analysis
 */
export interface SampleOutcome {
  /** First sample. */
  readonly from: number;
  /** Samples held. */
  readonly count: number;
  /** Rank of each unit in each sample; 0 where the unit could not be ranked. */
  readonly ranks: Int32Array;
  /** Index of each unit's band in the rubric's list; −1 for none. */
  readonly bands: Int16Array;
  /** Level drawn for each factor. */
  readonly levels: Int32Array;
}

/**
 * The outcome of {@link sensitivity}.
 * @category Analysis
 */
export type SensitivityOutcome = {
  /** The analysis ran. */ readonly ok: true;
  /** Its result. */ readonly result: SensitivityResult;
} | {
  /** The plan or the data was refused. */ readonly ok: false;
  /** Every problem, each saying what to write instead. */ readonly problems: readonly string[];
};

/** The value of a range factor at a level. */
export function valueAt(f: RangeFactor, level: number): Exact {
  return f.min.plus(f.step.times(Exact.int(level)));
}

function withLiteral(e: CompiledExpr | undefined, value: string): CompiledExpr | undefined {
  if (e === undefined) return undefined;
  const copy = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(copy);
    if (typeof x !== "object" || x === null) return x;
    if ((x as { op?: string }).op === "num") return { op: "num", value };
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, copy(v)]));
  };
  return copy(e) as CompiledExpr;
}

/**
 * Everything a run needs, built once per process (a worker builds its own): a handle
 * to pass to {@link runSamples} and {@link summarise}.
 * @category Analysis
 */
export interface SensitivityRun {
  /**
   * The units, read once (in the kernel's own form).
   * @hidden
   */
  readonly units: PreparedUnits;
  /** The checked plan. */
  readonly plan: Plan;
  /** The ranking with the rubric as it is. */
  readonly nominal: ReturnType<typeof rank>;
}

/**
 * The outcome of {@link prepareSensitivity}.
 * @category Analysis
 */
export type PreparedSensitivity = {
  /** The plan and the units were read. */ readonly ok: true;
  /** The run, ready for {@link runSamples}. */ readonly run: SensitivityRun;
} | {
  /** The plan or the data was refused. */ readonly ok: false;
  /** Every problem, each saying what to write instead. */ readonly problems: readonly string[];
};

/** Why a rubric with cohort figures is refused (worded in Vietnamese by `planProblemText`). */
const COHORT_REFUSED = "the rubric uses cohort figures (cohort.…), which sensitivity analysis cannot recompute in each sample yet; it is refused rather than give wrong ranks";

/**
 * Prepares a run: the plan checked, the units read, the nominal ranking (the rubric as it is).
 * @param rubric - the compiled rubric
 * @param submissions - the units' submissions
 * @param plan - the plan ({@link PlanSpec}, as parsed JSON)
 * @param overrides - samples, seed or sampling given apart
 * @example
 * ```ts
 * import { compile, prepareSensitivity, renderSensitivity, runSamples, summarise } from "rubric-lang";
 * const source = `rubric "Demo" {
 *   area "1" "Chỉ đạo" max 40 { input done: count, planned: count; score = 40 * done / planned }
 *   area "2" "Thủ tục" max 60 { input ontime: percent; score = 60 * ontime }
 * }`;
 * const submissions = [
 *   { unit: { id: "a", name: "Sở A" }, self: { "1": { done: 9, planned: 10 }, "2": { ontime: 70 } } },
 *   { unit: { id: "b", name: "Sở B" }, self: { "1": { done: 6, planned: 10 }, "2": { ontime: 85 } } },
 * ];
 * const compiled = compile(source);
 * const plan = { factors: [{ kind: "weight", node: "1", min: "0.5", max: "1.5", step: "0.1" }], samples: 200, seed: 7 };
 * const prepared = compiled.ok ? prepareSensitivity(compiled.rubric, submissions, plan) : undefined;
 * if (prepared?.ok) {
 *   // each half could run in a web worker of its own (which prepares its own run): the result is the same
 *   const parts = [runSamples(prepared.run, 0, 100), runSamples(prepared.run, 100, 100)];
 *   console.log(renderSensitivity(summarise(prepared.run, parts), "md", "vi"));
 * }
 * ```
 * @category Analysis
 */
export function prepareSensitivity(rubric: CompiledRubric, submissions: readonly unknown[], plan: unknown, overrides: Parameters<typeof readPlan>[2] = {}): PreparedSensitivity {
  // Each sample would change the cohort's figures; scoring it against the nominal ones would be wrong.
  if (needsCohort(rubric)) return { ok: false, problems: [COHORT_REFUSED] };
  const checked = readPlan(rubric, plan, overrides);
  if (!checked.ok) return checked;
  return { ok: true, run: { units: prepareUnits(rubric, submissions), plan: checked.plan, nominal: rank(rubric, evaluateAll(rubric, submissions)) } };
}

function policyArrays(run: SensitivityRun, f: Extract<Factor, { kind: "na-policy" }>, choice: "as-declared" | NaPolicy, params: { policies: NaPolicy[]; clauses: NaPolicy[] }): void {
  if (choice === "as-declared") return;
  const { kernel } = run.units;
  kernel.nodes.forEach((n, slot) => {
    if (n.sign === undefined && (f.nodes === undefined || f.nodes.has(n.id))) params.policies[slot] = choice;
  });
  // A leaf's `when` clauses follow the factor too when the factor covers every node.
  if (f.nodes === undefined) params.clauses.fill(choice);
}

/**
 * Each unit's leaf outcomes from a run with the rubric as it is, marked for reuse except
 * where a sample may change them: leaves with a varied threshold, and (when the
 * appraisal scale varies) the unit's leaves with a corrected value. Reuse changes no
 * result, only the time a sample takes.
 */
function leafMemos(run: SensitivityRun): LeafMemo[] {
  const { units, plan } = run;
  const { kernel } = units;
  const size = units.final.size;
  const dirty = new Set<number>();
  for (const f of plan.factors) {
    if (f.kind !== "threshold") continue;
    const leaf = kernel.leaves.get(kernel.thresholdSites[f.target]!.node);
    if (leaf !== undefined) dirty.add(leaf);
  }
  const corrected = units.units.map(() => new Set<number>());
  if (plan.factors.some((f) => f.kind === "appraisal")) {
    for (const c of units.corrections.values) {
      const column = kernel.layout.columns[Math.floor(c.at / size)]!;
      const leaf = column.kind === "input" ? kernel.leaves.get(column.node) : undefined;
      if (leaf !== undefined) corrected[c.at % size]!.add(leaf);
    }
    for (const c of units.corrections.given) {
      const leaf = kernel.leaves.get(kernel.layout.given[Math.floor(c.at / size)]!);
      if (leaf !== undefined) corrected[c.at % size]!.add(leaf);
    }
  }
  const scores = kernel.scores();
  return units.units.map((_, u) => {
    const memo = kernel.memo();
    if (!kernel.run(units.final, u, kernel.defaults, scores, memo)) return memo; // nothing reused for it
    for (let leaf = 0; leaf < memo.reuse.length; leaf++) memo.reuse[leaf] = dirty.has(leaf) || corrected[u]!.has(leaf) ? 0 : 1;
    return memo;
  });
}

/**
 * Draws and ranks samples `from` … `from + count − 1`.
 * @param run - the prepared run
 * @param from - first sample (from 0)
 * @param count - how many

 * @category Analysis
 */
export function runSamples(run: SensitivityRun, from: number, count: number): SampleOutcome {
  const { units, plan } = run;
  const { kernel, rubric } = units;
  const n = units.units.length;
  const factors = plan.factors;
  const draw = sampler(factors.map((f) => f.levels), plan.sampling, plan.seed);
  const ranks = new Int32Array(count * n);
  const bands = new Int16Array(count * n).fill(-1);
  const levels = new Int32Array(count * factors.length);
  const level = new Int32Array(factors.length);
  const scores = kernel.scores();
  const keep = rankedSlots(units);
  const work = factors.some((f) => f.kind === "appraisal") ? workColumns(units) : units.final;
  const place = new Map(units.units.map((u, i) => [u.id, i]));
  const memos = leafMemos(run);
  const bandIndex = new Map(bandLabels(rubric).map((label, i) => [label, i]));
  for (let s = 0; s < count; s++) {
    draw.levels(from + s, level);
    levels.set(level, s * factors.length);
    const weights = [...kernel.defaults.weights];
    const policies = [...kernel.defaults.policies];
    const clauses = [...kernel.defaults.clauses];
    const thresholds = [...kernel.defaults.thresholds];
    let areaScale: Num[] | undefined;
    let bandList: CompiledBand[] | undefined;
    factors.forEach((f, d) => {
      const at = level[d]!;
      if (f.kind === "na-policy") return policyArrays(run, f, f.choices[at]!, { policies, clauses });
      const value = valueAt(f, at);
      switch (f.kind) {
        case "weight": weights[f.target] = fromExact(value); break;
        case "area-weight": (areaScale ??= rubric.nodes.map(() => 1_000_000))[f.target] = fromExact(value); break;
        case "threshold": thresholds[f.target] = fromExact(value); break;
        case "band": (bandList ??= [...rubric.bands])[f.target] = { label: rubric.bands[f.target]!.label, when: withLiteral(rubric.bands[f.target]!.when, text(value))! }; break;
        case "appraisal": scaleCorrections(units, value, work); break;
      }
    });
    const params: KernelParams = { weights, policies, clauses, thresholds, ...(areaScale === undefined ? {} : { areaScale }) };
    const results = scoreUnits(units, work, params, scores, keep, memos);
    const ranked = rank(bandList === undefined ? rubric : { ...rubric, bands: bandList }, results);
    for (const row of ranked.rows) {
      const u = place.get(row.unit.id);
      if (u === undefined) continue;
      ranks[s * n + u] = row.rank;
      if (row.band !== undefined) bands[s * n + u] = bandIndex.get(row.band) ?? -1;
    }
  }
  return { from, count, ranks, bands, levels };
}

/**
 * Joins sample ranges (in any order) into the run's result.
 * @param run - the prepared run
 * @param parts - outcomes of {@link runSamples} covering every sample once

 * @category Analysis
 */
export function summarise(run: SensitivityRun, parts: readonly SampleOutcome[]): SensitivityResult {
  return summariseSamples(run, [...parts].sort((a, b) => a.from - b.from));
}

/**
 * Sensitivity of the ranking to the plan's factors, in this thread. Never throws on
 * bad input: a plan that does not fit the rubric gives its problems.
 * @param rubric - the compiled rubric
 * @param submissions - the units' submissions, as parsed JSON
 * @param plan - the plan ({@link PlanSpec})
 * @param overrides - samples, seed or sampling instead of the plan's
 * @example
 * ```ts
 * import { compile, renderSensitivity, sensitivity } from "rubric-lang";
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
 *   const plan = { factors: [{ kind: "weight", node: "1", min: "0.5", max: "1.5", step: "0.1" }], samples: 200, seed: 7 };
 *   const s = sensitivity(compiled.rubric, submissions, plan);
 *   if (s.ok) console.log(renderSensitivity(s.result, "text", "en")); // how often each unit keeps its rank
 *   else console.error(s.problems); // what is wrong with the plan, and what to write
 * }
 * ```
 * @category Analysis
 */
export function sensitivity(rubric: CompiledRubric, submissions: readonly unknown[], plan: PlanSpec | unknown, overrides: Parameters<typeof readPlan>[2] = {}): SensitivityOutcome {
  try {
    const prepared = prepareSensitivity(rubric, submissions, plan, overrides);
    if (!prepared.ok) return prepared;
    const { run } = prepared;
    return { ok: true, result: summarise(run, [runSamples(run, 0, run.plan.samples)]) };
  } catch (error) {
    return { ok: false, problems: [`internal error: ${error instanceof Error ? error.message : String(error)}`] };
  }
}
